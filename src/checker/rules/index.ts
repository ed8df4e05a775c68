/**
 * Every rule of the checker, in the order their messages are reported for one position. This list
 * is the one place rules are named: the checker runs it, the rule table (docs/checker.md) and the JSON
 * Schema's `$comment` are tested against it. How to add a rule: see README.md in this folder.
 */
import { brokenCitation } from './broken-citation.ts';
import { circularEvidence } from './circular-evidence.ts';
import { citationInLink } from './citation-in-link.ts';
import { correctionNotUpdated } from './correction-not-updated.ts';
import { duplicateValue } from './duplicate-value.ts';
import { emptyBody } from './empty-body.ts';
import { encoding } from './encoding.ts';
import { fileName } from './file-name.ts';
import { fileTooLarge } from './file-too-large.ts';
import { frontmatter } from './frontmatter.ts';
import { futureDate } from './future-date.ts';
import { malformedCitation } from './malformed-citation.ts';
import { quoteMissingRule } from './quote-missing.ts';
import { rawHtml } from './raw-html.ts';
import { notPublished } from './not-published.ts';
import { renderFailed } from './render-failed.ts';
import type { Rule } from './rule.ts';
import {
  controlCharacter,
  dateOrder,
  duplicateId,
  invalidDate,
  invalidType,
  invalidValue,
  missingField,
  unknownField,
  unknownReference,
  unsafeUrl,
} from './schema.ts';
import { silentClaimChange } from './silent-claim-change.ts';
import { singlePublisher } from './single-publisher.ts';
import { sourceChangedRule } from './source-changed.ts';
import { sourceDeadRule } from './source-dead.ts';
import { sourceLock } from './source-lock.ts';
import { timelineOrder } from './timeline-order.ts';
import { unannouncedChange } from './unannounced-change.ts';
import { uncitedClaim } from './uncited-claim.ts';
import { unknownAuthor } from './unknown-author.ts';
import { unknownCitation } from './unknown-citation.ts';
import { unknownPublisher } from './unknown-publisher.ts';
import { unknownTopic } from './unknown-topic.ts';
import { unsafeLink } from './unsafe-link.ts';
import { citationWithoutAt } from './citation-without-at.ts';
import { linkTarget } from './link-target.ts';
import { placeholder } from './placeholder.ts';
import { yamlComment } from './yaml-comment.ts';
import { citationWithoutBrackets } from './citation-without-brackets.ts';
import { curlyQuotedValue } from './curly-quoted-value.ts';
import { longQuote } from './long-quote.ts';
import { plainTextField } from './plain-text-field.ts';
import { unusedSource } from './unused-source.ts';
import { wordingWithoutAppearance } from './wording-without-appearance.ts';
import { yamlSyntax } from './yaml-syntax.ts';

export type { LockFinding } from './lock-finding.ts';
export type { ParsedArticle, Report, Rule } from './rule.ts';

export const RULES: readonly Rule[] = [
  // The file and its frontmatter's syntax.
  notPublished,
  fileName,
  fileTooLarge,
  encoding,
  frontmatter,
  yamlSyntax,
  yamlComment,
  // The frontmatter's fields, against the schema.
  missingField,
  unknownField,
  invalidType,
  invalidValue,
  invalidDate,
  dateOrder,
  unsafeUrl,
  duplicateId,
  unknownReference,
  controlCharacter,
  futureDate,
  placeholder,
  curlyQuotedValue,
  plainTextField,
  // The frontmatter against the registries (content/topics.yaml, authors.yaml, publishers.yaml).
  unknownAuthor,
  unknownTopic,
  unknownPublisher,
  // The body.
  emptyBody,
  citationInLink,
  rawHtml,
  unsafeLink,
  linkTarget,
  brokenCitation,
  malformedCitation,
  unknownCitation,
  citationWithoutAt,
  citationWithoutBrackets,
  // How the article uses its sources, and whether its dates agree.
  unusedSource,
  uncitedClaim,
  circularEvidence,
  wordingWithoutAppearance,
  singlePublisher,
  correctionNotUpdated,
  timelineOrder,
  duplicateValue,
  longQuote,
  // What the sources say now, from the article's lock file (see src/sources/).
  quoteMissingRule,
  sourceDeadRule,
  sourceChangedRule,
  sourceLock,
  // What git shows of the article's past (see src/history/): applied by npm run check and npm run build.
  unannouncedChange,
  silentClaimChange,
  // The build's own.
  renderFailed,
];
