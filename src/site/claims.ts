import { CLAIM_STATUSES, type ClaimStatus } from '../format/index.ts';
import { STATUS_LABELS } from './labels.ts';

/** A claim that has a page of its own, as the claims listings show it, with its article. */
export interface ListedClaim<T> {
  article: T;
  id: string;
  status: ClaimStatus;
  statement: string;
  claimant: string | undefined;
  date: string | undefined;
}

type WithClaims = {
  id: string;
  data: {
    claims: readonly {
      id: string;
      status: ClaimStatus;
      page?: { statement: string; claimant?: string | undefined; date?: string | undefined } | undefined;
    }[];
  };
};

/**
 * Every claim that has a page (someone's claim: `hasClaimPage`), newest first: the claims of the
 * newest explainer first, each explainer's claims in its own order. `articles` must be newest first.
 */
export function collectClaims<T extends WithClaims>(articles: readonly T[]): ListedClaim<T>[] {
  return articles.flatMap((article) =>
    article.data.claims.flatMap((claim) =>
      claim.page
        ? [
            {
              article,
              id: claim.id,
              status: claim.status,
              statement: claim.page.statement,
              claimant: claim.page.claimant,
              date: claim.page.date,
            },
          ]
        : [],
    ),
  );
}

/**
 * An explainer's verdicts in a few words, worst first, as its share image shows them:
 * "2 false · 3 misleading · 5 confirmed". Empty for an explainer without claims.
 */
export function verdictCounts(claims: readonly { status: ClaimStatus }[]): string {
  const counts = new Map<ClaimStatus, number>();
  for (const { status } of claims) counts.set(status, (counts.get(status) ?? 0) + 1);
  return [...CLAIM_STATUSES]
    .reverse()
    .flatMap((status) =>
      counts.has(status) ? [`${counts.get(status)} ${STATUS_LABELS[status].label.toLowerCase()}`] : [],
    )
    .join(' · ');
}
