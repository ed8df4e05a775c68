import type { Rule } from './rule.ts';

/**
 * No claim is its own evidence: a source where the claim appeared (`appearances`) is the text
 * under check, so it cannot also be among the sources that settle it (`sources`).
 *
 * Good: `appearances: [bbc-report]` and `sources: [kremlin-transcript, reuters-talks]`.
 * Bad: `appearances: [bbc-report]` and `sources: [bbc-report, reuters-talks]`:
 * `Claim "putin-attends" lists "bbc-report" in both appearances and sources, so the text under check would be its own evidence; remove "bbc-report" from sources and cite sources independent of it.`
 */
export const circularEvidence: Rule = {
  id: 'circular-evidence',
  severity: 'error',
  description: "No source of a claim's appearances is among the sources that settle it.",
  crossField: ["No id in a claim's `appearances` is also in its `sources`."],
  check({ article }, report) {
    if (!article) return;
    article.claims.forEach((claim, index) => {
      const appeared = new Set(claim.appearances ?? []);
      claim.sources.forEach((source, sourceIndex) => {
        if (!appeared.has(source)) return;
        report.field(
          ['claims', index, 'sources', sourceIndex],
          `Claim "${claim.id}" lists "${source}" in both appearances and sources, so the text under check would be its own evidence; remove "${source}" from sources and cite sources independent of it.`,
        );
      });
    });
  },
};
