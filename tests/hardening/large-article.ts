/**
 * A valid article padded with cited paragraphs to exactly `bytes` bytes (UTF-8), to test the
 * checker's size limit without committing a file of that size.
 */
export function largeArticle(bytes: number): string {
  const head = `---
title: Delegations meet in Istanbul
description: What happened when the delegations met.
published: 2025-05-16
authors:
  - Sourced newsroom
sources:
  - id: bbc-talks
    kind: news
    publisher: BBC News
    title: Talks open in Istanbul
    url: https://www.bbc.co.uk/news/talks
    accessed: 2025-05-16
---

`;
  const paragraph = 'The delegations met in Istanbul and talked for less than two hours [@bbc-talks].\n\n';
  const count = Math.floor((bytes - head.length) / paragraph.length);
  const text = head + paragraph.repeat(count);
  return text + '.'.repeat(bytes - Buffer.byteLength(text, 'utf8'));
}
