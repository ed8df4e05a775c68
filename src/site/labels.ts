import type { ClaimStatus, SourceKind } from '../format/index.ts';

/** What each claim status means, in the words the methodology uses. */
export const STATUS_LABELS: Record<ClaimStatus, { label: string; meaning: string }> = {
  confirmed: { label: 'Confirmed', meaning: 'Independent sources or the primary record show it is true.' },
  reported: { label: 'Reported', meaning: 'Credible outlets report it; it has not been independently confirmed.' },
  disputed: { label: 'Disputed', meaning: 'Credible sources disagree about it.' },
  misleading: { label: 'Misleading', meaning: 'Partly true, but worded or framed so that it gives a wrong impression.' },
  unverified: { label: 'Unverified', meaning: 'It cannot be checked with the sources available.' },
  false: { label: 'False', meaning: 'The sources show it is wrong.' },
};

/** Readable names of source kinds. */
export const KIND_LABELS: Record<SourceKind, string> = {
  primary: 'Primary record',
  official: 'Official',
  news: 'News report',
  analysis: 'Analysis',
  reference: 'Reference',
  other: 'Other',
};
