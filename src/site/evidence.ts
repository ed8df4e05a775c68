export { evidenceProfile, type EvidenceProfile } from '../format/index.ts';

/** `1 claim`, `2 claims`: a count with its noun in the right number. */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
