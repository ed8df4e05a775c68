import { TEMPLATE_PLACEHOLDERS as PLACEHOLDER } from '../checker/rules/placeholder.ts';
import { isCalendarDate } from '../format/index.ts';
import { CLAIM_STATUSES } from '../format/claim.ts';

/** The statuses a claim may have, as the template lists them ('false' must be quoted, or YAML reads a yes/no value). */
const STATUS_WORDS = CLAIM_STATUSES.map((status) => (status === 'false' ? "'false' (in quotes)" : status)).join(', ');

/** Letters that Unicode decomposition does not reduce to a Latin letter plus accents. */
const SPECIAL_LETTERS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
};

/** Longest slug `slugify` returns, in characters. */
export const MAX_SLUG_LENGTH = 80;

/**
 * The file name part for a headline: accents removed (`Türkiye` -> `turkiye`), apostrophes
 * dropped, every other run of non-alphanumerics a single hyphen, lowercase, cut at a word
 * boundary to at most `MAX_SLUG_LENGTH` characters. Empty when the headline has no Latin letter
 * or digit.
 */
export function slugify(headline: string): string {
  const latin = headline
    .toLowerCase()
    .replace(/[ßæœøłđðþıħ]/g, (letter) => SPECIAL_LETTERS[letter] ?? letter)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/['’]/g, '');
  const words = latin.split(/[^a-z0-9]+/).filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > MAX_SLUG_LENGTH) return slug || word.slice(0, MAX_SLUG_LENGTH);
    slug = next;
  }
  return slug;
}

/** The calendar date of `now` on this machine's clock and time zone, `YYYY-MM-DD`. */
export function localDate(now: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * A new article: every field with a comment telling the editor what to write, dated `today`.
 * It is a draft with one placeholder source that the body cites, so it passes `npm run check`
 * as it is; the editor replaces the placeholders and sets `draft: false` to publish.
 */
export function articleTemplate(title: string, today: string): string {
  if (!isCalendarDate(today)) throw new RangeError(`articleTemplate: "${today}" is not a date written YYYY-MM-DD.`);
  return `---
# The headline, as readers will see it. Plain text, as are the description, source titles, claims'
# statements and notes, and timeline texts: citations and Markdown work only in the text below.
title: ${JSON.stringify(title)}
# One paragraph shown under the headline and in listings: what happened, and what this explainer checks.
description: >-
  ${PLACEHOLDER.description}
# Once the article has claims: its verdict in one plain sentence (no Markdown, no citations), shown under
# the headline and in listings. Remove the # and write it.
# conclusion: What the explainer concludes, in one sentence.
# The day the article goes live, YYYY-MM-DD (a date-time with an offset, such as 2025-05-11T09:30:00+03:00, also works).
published: ${today}
# The day of the last substantive change, YYYY-MM-DD, not before published. Remove the "# " in front of
# the next line when you update the article.
# updated: ${today}
# Bylines: author ids from content/authors.yaml, one per line; at least one.
authors:
  - sourced-newsroom
# Topics: topic ids from content/topics.yaml, such as russia-ukraine-war. To add topics, delete the []
# after "topics:" and remove the "# " in front of the line below; one line a topic.
topics: []
#   - russia-ukraine-war
# true keeps the article out of every page, feed and data file while it is checked like any other.
# Set it to false to publish.
draft: true

# Every document the article relies on; at least one. Cite a source in the text as [@id].
# To use an optional field, remove the "# " in front of it.
sources:
    # A short name for the source, unique among the sources and claims of this article: lowercase
    # letters, digits and single hyphens (such as bbc-talks-offer).
  - id: ${PLACEHOLDER.sourceId}
    # primary (the record itself: a statement, a transcript, a post), official (a government's or an
    # institution's page), news, analysis, reference or other.
    kind: reference
    # Who published it: a publisher id from content/publishers.yaml, such as bbc-news or reuters.
    # A publisher not listed there yet: add it to that file (see docs/content-format.md#registries).
    publisher: ${PLACEHOLDER.sourcePublisher}
    # The headline or document title as published.
    title: ${PLACEHOLDER.sourceTitle}
    # The address, starting with https:// (or http://).
    url: ${PLACEHOLDER.sourceUrl}
    # The day you last read the source, YYYY-MM-DD.
    accessed: ${today}
    # Optional: when the source was published, YYYY-MM-DD (not after accessed).
    # published: ${today}
    # Optional: an archived copy, for example on web.archive.org.
    # archive: https://web.archive.org/web/2025/https://example.com/
    # Optional: a short excerpt copied word for word that supports what the article says (at most
    # 100 words; write [...] where you leave words out).
    # quote: "An excerpt, exactly as the source wrote it."
    # Optional: the language of the quote when it is not English, such as ru or uk.
    # lang: uk
    # Optional: true when the source speaks for a party to the story.
    # party: true

# The checkable statements the article examines. To add one, delete the [] after "claims:", remove
# the "# " in front of the lines of the example below, and cite the claim in the text as [@example-claim].
# A claim's id is unique among sources and claims, its sources are the ids of the sources that settle
# it, claimant and note are optional, and its status is one of ${STATUS_WORDS}.
claims: []
#   - id: example-claim
#     statement: The claim as one checkable sentence.
#     status: confirmed
#     sources: [${PLACEHOLDER.sourceId}]
#     claimant: Who made the claim
#     note: Why it has this status, in one or two sentences.

# Events in date order, earliest first. To add one, delete the [] after "timeline:" and remove the "# "
# in front of the lines of the example below.
timeline: []
#   - date: ${today}
#     text: What happened, in one or two sentences.
#     sources: [${PLACEHOLDER.sourceId}]

# Corrections, oldest first. To add one, delete the [] after "corrections:" and remove the "# " in front
# of the lines of the example below (and set updated to the correction's date or later).
corrections: []
#   - date: ${today}
#     text: What was wrong, and what the article now says.
---

${PLACEHOLDER.body[0]} Put a citation right after every factual sentence, like this
[@${PLACEHOLDER.sourceId}]. Cite several at once as \`[@first-id; @second-id]\`.

## Background

${PLACEHOLDER.body[1]} Links to other pages are written [like this](https://example.com/).
`;
}
