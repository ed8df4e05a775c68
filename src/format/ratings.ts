import { RETIRED_CLAIM_STATUSES, retiredStatus, type AnyClaimStatus, type ClaimStatus } from './claim.ts';

/**
 * What each rating is called and means: the one place the site, the structured data and the
 * methodology page (which adds an example of each) take them from.
 */
export const STATUS_LABELS: Record<ClaimStatus, { label: string; meaning: string }> = {
  confirmed: {
    label: 'Confirmed',
    meaning: 'The evidence shows the claim is accurate, with nothing significant missing.',
  },
  'missing-context': {
    label: 'Missing context',
    meaning: 'Accurate as stated, but it leaves out context that changes how a reader understands it.',
  },
  misleading: {
    label: 'Misleading',
    meaning: 'Partly accurate, but wrong in a part that matters, or worded to give a false impression.',
  },
  false: { label: 'False', meaning: 'The evidence shows the claim is wrong.' },
  disputed: { label: 'Disputed', meaning: 'Credible sources disagree and the public evidence does not settle it.' },
  unproven: { label: 'Unproven', meaning: 'We looked and found no evidence that establishes or refutes it.' },
  outdated: {
    label: 'Outdated',
    meaning: 'Accurate when it was made, but overtaken by later events; the note says what changed.',
  },
  'not-checkable': {
    label: 'Not checkable',
    meaning: 'A forecast, opinion or promise that no evidence could settle when it was made.',
  },
};

/**
 * A rating as a verdict, the way chips show it in the text, the claims list and the cards:
 * "Rated False", so that it cannot be read as a label of the names that follow it.
 */
export function verdictLabel(status: ClaimStatus): string {
  return `Rated ${STATUS_LABELS[status].label}`;
}

/** The name of any rating a revision may have had, a retired one included (for the history pages). */
export function statusLabel(status: AnyClaimStatus): string {
  const retired = retiredStatus(status);
  return retired
    ? `${RETIRED_CLAIM_STATUSES[retired].label} (a retired rating)`
    : STATUS_LABELS[status as ClaimStatus].label;
}
