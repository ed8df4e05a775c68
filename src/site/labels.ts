import type { SourceKind } from '../format/index.ts';

// The ratings' names and meanings are written once, in src/format/ratings.ts, for every stage.
export { STATUS_LABELS, statusLabel, verdictLabel } from '../format/ratings.ts';

/** Readable names of source kinds. */
export const KIND_LABELS: Record<SourceKind, string> = {
  primary: 'Primary record',
  official: 'Official',
  news: 'News report',
  analysis: 'Analysis',
  reference: 'Reference',
  other: 'Other',
};
