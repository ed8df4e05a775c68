import { articleWith } from './pathological-inputs.ts';

/**
 * A valid article padded with cited paragraphs to exactly `bytes` bytes (UTF-8), to test the
 * checker's size limit without committing a file of that size.
 */
export function largeArticle(bytes: number): string {
  const head = articleWith('');
  const paragraph = 'The delegations met in Istanbul and talked for less than two hours [@bbc-talks].\n\n';
  const count = Math.floor((bytes - head.length) / paragraph.length);
  const text = head + paragraph.repeat(count);
  return text + '.'.repeat(bytes - Buffer.byteLength(text, 'utf8'));
}
