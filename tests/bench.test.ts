import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateArticle, generateArticles } from '../bench/generate.ts';
import { checkArticle } from '../src/checker/check-article.ts';
import { ROOT } from './helpers/site.ts';

const FIRST_EXPLAINER = join(ROOT, 'content/articles/zelensky-invites-putin-to-turkiye.md');

describe('bench/generate.ts', () => {
  it('gives the same article for the same seed and a different one for another seed', () => {
    expect(generateArticle(1, 7)).toBe(generateArticle(1, 7));
    expect(generateArticle(2, 7)).not.toBe(generateArticle(1, 7));
  });

  it('with --claimants, gives every claim a claimant and changes nothing else', () => {
    let filled = 0;
    for (let index = 0; index < 6; index++) {
      const plain = checkArticle('a.md', generateArticle(1, index)).article!;
      const claimed = checkArticle('a.md', generateArticle(1, index, { claimants: true })).article!;
      filled += plain.claims.filter((claim) => claim.claimant === undefined).length;
      expect(claimed.claims.every((claim) => typeof claim.claimant === 'string' && claim.claimant !== '')).toBe(true);
      const withoutClaimants = (article: typeof plain) => ({
        ...article,
        claims: article.claims.map(({ claimant: _, ...claim }) => claim),
      });
      expect(withoutClaimants(claimed)).toEqual(withoutClaimants(plain));
      // A claim that had a claimant keeps it.
      plain.claims.forEach(
        (claim, i) => claim.claimant !== undefined && expect(claimed.claims[i]!.claimant).toBe(claim.claimant),
      );
    }
    expect(filled).toBeGreaterThan(0);
  });

  it("writes valid explainers of the first explainer's shape, with no error and no warning", () => {
    const dir = mkdtempSync(join(tmpdir(), 'sourced-bench-gen-'));
    const slugs = generateArticles(dir, 25, 1, FIRST_EXPLAINER);
    expect(slugs[0]).toBe('zelensky-invites-putin-to-turkiye');
    expect(slugs[1]).toBe('explainer-00001');
    expect(readdirSync(dir)).toHaveLength(25);
    for (const slug of slugs.slice(1)) {
      const checked = checkArticle(`${slug}.md`, readFileSync(join(dir, `${slug}.md`), 'utf8'));
      expect(checked.diagnostics).toEqual([]);
      const article = checked.article!;
      expect(article.sources.length).toBeGreaterThanOrEqual(8);
      expect(article.sources.length).toBeLessThanOrEqual(40);
      expect(article.claims.length).toBeGreaterThanOrEqual(5);
      expect(article.claims.length).toBeLessThanOrEqual(15);
      expect(article.timeline.length).toBeGreaterThan(0);
      const cited = checked.citations.flatMap((citation) => citation.ids).length;
      expect(cited).toBeGreaterThanOrEqual(10);
      expect(cited).toBeLessThanOrEqual(30);
      expect(checked.body).toMatch(/^## /m);
      const words = checked.body.split(/\s+/).length;
      expect(words).toBeGreaterThan(900);
      expect(words).toBeLessThan(1400);
    }
  });
});
