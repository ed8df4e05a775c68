/**
 * Hostile Markdown bodies: each must be checked and rendered in bounded time, unchanged. All are
 * valid articles but those with `refused`, which the checker must refuse with exactly that many
 * diagnostics of that rule.
 */
export interface PathologicalCase {
  body: string;
  /** Substrings of the rendered HTML and how many times each must occur. */
  counts: Record<string, number>;
  refused?: { rule: string; count: number };
}

const CITED = '\n\nThe talks ended the same day [@bbc-talks].\n';

const repeat = (unit: string, times: number) => unit.repeat(times);

/** The bodies, by name. Sizes are the ones that break naive (quadratic or recursive) parsers. */
export const PATHOLOGICAL: Record<string, PathologicalCase> = {
  'unclosed-asterisks': {
    body: `${repeat('*a ', 20_000)}${CITED}`,
    counts: { '*a': 20_000, '<em>': 0, 'class="attribution"': 1 },
  },
  'unclosed-underscores': {
    body: `${repeat('_a ', 20_000)}${CITED}`,
    counts: { _a: 20_000, '<em>': 0, 'class="attribution"': 1 },
  },
  'alternating-emphasis-openers': {
    body: `${repeat('**a *b _c __d ', 5_000)}${CITED}`,
    counts: { '<strong>': 0, 'class="attribution"': 1 },
  },
  'unclosed-brackets': {
    body: `${repeat('[a ', 20_000)}${CITED}`,
    counts: { '[a': 20_000, '<a ': 1, 'class="attribution"': 1 },
  },
  'unclosed-citations': {
    body: `${repeat('[@bbc-talks ', 5_000)}${CITED}`,
    counts: { '[@bbc-talks': 5_000, 'class="attribution"': 1 },
    // Each would show as plain text with no attribution.
    refused: { rule: 'broken-citation', count: 5_000 },
  },
  'unclosed-link-targets': {
    body: `${repeat('[a](', 10_000)}${CITED}`,
    counts: { '[a](': 10_000, 'class="attribution"': 1 },
  },
  // 300 levels: micromark and mdast-util-from-markdown take time quadratic in the depth (about 3 s
  // of CPU here; 500 levels took 13 s), far beyond any article, and far past where a recursive walk
  // that copied its ancestors at every level would show.
  'nested-lists': {
    body: `${Array.from({ length: 300 }, (_, depth) => `${'  '.repeat(depth)}- level ${depth + 1}`).join('\n')}${CITED}`,
    counts: { '<ul>': 300, '<li>': 300, 'class="attribution"': 1 },
  },
  'nested-quotes': {
    body: `${repeat('> ', 500)}quoted${CITED}`,
    counts: { '<blockquote>': 500, 'class="attribution"': 1 },
  },
  'long-line': {
    body: `${repeat('The delegations met in Istanbul and talked. ', 2_400)}[@bbc-talks]\n`,
    counts: { 'The delegations met in Istanbul and talked. ': 2_400, 'class="attribution"': 1 },
  },
  'many-citations': {
    body: `${repeat('They met [@bbc-talks]. ', 5_000)}\n`,
    counts: { 'class="attribution"': 5_000, 'id="cite-5000"': 1 },
  },
};

/** A valid article around `body`, with the one source the bodies cite. */
export function articleWith(body: string): string {
  return `---
title: Delegations meet in Istanbul
description: What happened when the delegations met.
published: 2025-05-16
authors:
  - sourced-newsroom
sources:
  - id: bbc-talks
    kind: news
    publisher: BBC News
    title: Talks open in Istanbul
    url: https://www.bbc.co.uk/news/talks
    accessed: 2025-05-16
---

${body}`;
}
