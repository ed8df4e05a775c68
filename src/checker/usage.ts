import type { Article } from '../format/index.ts';
import type { BodyCitation } from './body-check.ts';

/** A finding about how the article uses its sources and claims; never stops the build. */
export interface UsageFinding {
  rule: 'unused-source' | 'uncited-claim' | 'single-publisher';
  /** The frontmatter field the finding is about. */
  path: (string | number)[];
  message: string;
}

/**
 * Warns about a source nothing refers to (neither the body, a claim nor the timeline), a claim the
 * body never cites, and claims that all rest on a single publisher.
 */
export function checkUsage(article: Article, citations: readonly BodyCitation[]): UsageFinding[] {
  const findings: UsageFinding[] = [];
  const cited = new Set(citations.flatMap((citation) => citation.ids));
  const used = new Set([
    ...cited,
    ...article.claims.flatMap((claim) => claim.sources),
    ...article.timeline.flatMap((entry) => entry.sources),
  ]);
  article.sources.forEach((source, index) => {
    if (!used.has(source.id)) {
      findings.push({
        rule: 'unused-source',
        path: ['sources', index, 'id'],
        message: `Source "${source.id}" is never cited; cite it in the text as [@${source.id}], or remove it.`,
      });
    }
  });
  article.claims.forEach((claim, index) => {
    if (!cited.has(claim.id)) {
      findings.push({
        rule: 'uncited-claim',
        path: ['claims', index, 'id'],
        message: `Claim "${claim.id}" is never cited in the text; add [@${claim.id}] after the sentence it supports.`,
      });
    }
  });
  const publisherOf = new Map(article.sources.map((source) => [source.id, source.publisher]));
  const publishers = new Set(
    article.claims.flatMap((claim) => claim.sources.map((id) => publisherOf.get(id) ?? id)),
  );
  if (article.claims.length > 0 && publishers.size === 1) {
    findings.push({
      rule: 'single-publisher',
      path: ['claims'],
      message: `Every claim rests on one publisher (${[...publishers][0]}); add an independent source to at least one claim.`,
    });
  }
  return findings;
}
