import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { storeSiteHistory } from '../../src/astro/history-store.ts';
import { readSiteHistory } from '../../src/history/read-history.ts';
import { commitStep, fixtureRepo } from '../helpers/git-repo.ts';
import { writeArticles } from '../helpers/site.ts';
import { HISTORY_STEPS, REVISIONS } from '../history/fixture.ts';

const storeDir = () => mkdtempSync(join(tmpdir(), 'sourced-history-store-'));
const read = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

/** What readSiteHistory gives for each article, as the store holds it. */
async function expected(articles: string): Promise<Record<string, unknown>> {
  const history = await readSiteHistory(articles);
  if (history.status !== 'ok') throw new Error('no history');
  return Object.fromEntries(JSON.parse(JSON.stringify([...history.articles])) as [string, unknown][]);
}

describe('storeSiteHistory', () => {
  it('stores each published history once, and a rebuild reads again only the articles with new commits', async () => {
    const { repo, articles } = fixtureRepo(HISTORY_STEPS);
    const dir = storeDir();
    const first = await storeSiteHistory(articles, dir, 'v1');
    if (first.status !== 'ok') throw new Error('no history');
    // The draft (plans.md) has no entry, only a marker so that it is not read again.
    expect(first.articles.map(({ slug }) => slug)).toEqual(['istanbul-talks']);
    const talks = first.articles[0]!;
    // The data store gets the file's name, never its path.
    expect(talks.stored).toBe(`${talks.digest}.json`);
    expect(read(join(dir, talks.stored))).toEqual((await expected(articles))['istanbul-talks']);
    const files = readdirSync(dir);
    expect(files).toHaveLength(2);
    expect(files).toEqual(expect.arrayContaining([talks.stored, expect.stringMatching(/_draft\.json$/)]));

    // Same commits: the stored file is used as it is, not read from git and written again.
    writeFileSync(join(dir, talks.stored), '{"untouched":true}');
    const again = await storeSiteHistory(articles, dir, 'v1');
    expect(again).toEqual(first);
    expect(read(join(dir, talks.stored))).toEqual({ untouched: true });

    // A new commit to the article gives it a new file, read from git; the old one is deleted.
    // Publishing the draft replaces its marker with a history.
    commitStep(repo, {
      date: '2025-05-28T08:00:00Z',
      message: 'Confirm again',
      files: { 'istanbul-talks.md': REVISIONS.confirmed, 'plans.md': REVISIONS.published },
    });
    const changed = await storeSiteHistory(articles, dir, 'v1');
    if (changed.status !== 'ok') throw new Error('no history');
    expect(changed.articles.map(({ slug }) => slug)).toEqual(['istanbul-talks', 'plans']);
    const [newTalks, plans] = changed.articles;
    expect(newTalks!.stored).not.toBe(talks.stored);
    expect(newTalks!.digest).not.toBe(talks.digest);
    const now = await expected(articles);
    expect(read(join(dir, newTalks!.stored))).toEqual(now['istanbul-talks']);
    expect(read(join(dir, plans!.stored))).toEqual(now['plans']);
    expect(readdirSync(dir).sort()).toEqual([newTalks!.stored, plans!.stored].sort());
  });

  it('reads every history again when the code that makes them changes', async () => {
    const { articles } = fixtureRepo(HISTORY_STEPS);
    const dir = storeDir();
    const first = await storeSiteHistory(articles, dir, 'v1');
    const second = await storeSiteHistory(articles, dir, 'v2');
    if (first.status !== 'ok' || second.status !== 'ok') throw new Error('no history');
    expect(second.articles[0]!.stored).not.toBe(first.articles[0]!.stored);
    expect(read(join(dir, second.articles[0]!.stored))).toEqual((await expected(articles))['istanbul-talks']);
    expect(readdirSync(dir)).toHaveLength(2);
  });

  it('says so outside a git repository, and stores nothing', async () => {
    const dir = storeDir();
    expect(await storeSiteHistory(writeArticles({ 'a.md': REVISIONS.published }), dir, 'v1')).toEqual({
      status: 'no-repository',
    });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('reads a history again when its stored file is missing or cut short, under the same name', async () => {
    const { articles } = fixtureRepo(HISTORY_STEPS);
    const dir = storeDir();
    const first = await storeSiteHistory(articles, dir, 'v1');
    if (first.status !== 'ok') throw new Error('no history');
    const file = join(dir, first.articles[0]!.stored);
    const text = readFileSync(file, 'utf8');
    rmSync(file);
    expect(await storeSiteHistory(articles, dir, 'v1')).toEqual(first);
    expect(readFileSync(file, 'utf8')).toBe(text);
    writeFileSync(file, text.slice(0, 40));
    expect(await storeSiteHistory(articles, dir, 'v1')).toEqual(first);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });
});
