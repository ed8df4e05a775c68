import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkArticle } from '../../src/checker/check-article.ts';
import { MAX_SLUG_LENGTH, articleTemplate, localDate, slugify } from '../../src/cli/article-template.ts';
import { ROOT } from '../helpers/site.ts';

describe('slugify', () => {
  test.each([
    ['Zelensky invites Putin to Türkiye', 'zelensky-invites-putin-to-turkiye'],
    ["Putin's 'direct talks' offer: what it means", 'putins-direct-talks-offer-what-it-means'],
    ['İstanbul, Łódź, Straße, Ærø and Kırıkkale', 'istanbul-lodz-strasse-aero-and-kirikkale'],
    ['  Élysée   —  2025 / Q&A  ', 'elysee-2025-q-a'],
    ['Путин', ''],
  ])('%j -> %j', (headline, slug) => {
    expect(slugify(headline)).toBe(slug);
  });

  test('cuts long headlines at a word boundary', () => {
    const slug = slugify('word '.repeat(40));
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(slug).toBe(Array(16).fill('word').join('-'));
  });
});

test('localDate writes the calendar date of the local clock', () => {
  expect(localDate(new Date(2025, 0, 5, 23, 59))).toBe('2025-01-05');
});

describe('articleTemplate', () => {
  const text = articleTemplate('Talks in "Istanbul": a #1 story', '2025-05-11');

  test('passes the checker as it is, with no error and no warning', () => {
    const checked = checkArticle('new.md', text);
    expect(checked.diagnostics).toEqual([]);
    expect(checked.article).toMatchObject({
      title: 'Talks in "Istanbul": a #1 story',
      published: '2025-05-11',
      draft: true,
    });
    expect(checked.article?.sources[0]).toMatchObject({ url: 'https://example.com/', accessed: '2025-05-11' });
  });

  test('explains every field in a comment on the line above it', () => {
    const lines = text.split('\n');
    const fields = [
      'title',
      'description',
      'published',
      'updated',
      'authors',
      'topics',
      'draft',
      'sources',
      'claims',
      'timeline',
      'corrections',
      'id',
      'kind',
      'publisher',
      'url',
      'accessed',
      'archive',
      'quote',
      'lang',
      'party',
    ];
    for (const field of fields) {
      const at = lines.findIndex((line) => new RegExp(`^\\s*(?:- )?(?:# )?${field}:`).test(line));
      expect([field, at > 0 && /^\s*#/.test(lines[at - 1] ?? '')]).toEqual([field, true]);
    }
  });

  test('refuses a date that does not exist', () => {
    expect(() => articleTemplate('x', '2025-02-30')).toThrow(
      'articleTemplate: "2025-02-30" is not a date written YYYY-MM-DD.',
    );
  });
});

describe('npm run new', () => {
  const run = (args: string[], env: Record<string, string>) => {
    const result = spawnSync(process.execPath, [join(ROOT, 'src/cli/new-article.ts'), ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, ...env },
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  test('creates the article from the template, dated today, and refuses to overwrite it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sourced-new-'));
    const env = { SOURCED_ARTICLES_DIR: dir, SOURCED_TODAY: '2025-05-11' };
    const created = run(['Zelensky invites Putin to Türkiye'], env);
    const file = join(dir, 'zelensky-invites-putin-to-turkiye.md');
    expect(created).toEqual({
      status: 0,
      stdout: `Created ${relative(ROOT, file)} (a draft dated 2025-05-11).\nFill in the fields, set draft: false to publish, and run npm run check.\n`,
      stderr: '',
    });
    expect(readFileSync(file, 'utf8')).toBe(articleTemplate('Zelensky invites Putin to Türkiye', '2025-05-11'));

    writeFileSync(file, 'edited by an editor');
    const again = run(['Zelensky invites Putin to Türkiye', '--date', '2025-06-01'], env);
    expect(again.status).toBe(1);
    expect(again.stdout).toBe('');
    expect(again.stderr).toBe(
      `${relative(ROOT, file)} already exists; nothing was written. Edit that file, or choose another file name with --slug.\n`,
    );
    expect(readFileSync(file, 'utf8')).toBe('edited by an editor');
    expect(readdirSync(dir)).toEqual(['zelensky-invites-putin-to-turkiye.md']);
  });

  test('takes --slug and --date', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sourced-new-'));
    expect(
      run(['Путин и Зеленский', '--slug', 'putin-zelensky', '--date', '2024-02-29'], { SOURCED_ARTICLES_DIR: dir })
        .status,
    ).toBe(0);
    expect(readFileSync(join(dir, 'putin-zelensky.md'), 'utf8')).toBe(
      articleTemplate('Путин и Зеленский', '2024-02-29'),
    );
  });

  test('says that npm needs -- when npm took the options for itself', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sourced-new-'));
    // What the editor typed, through npm itself: npm keeps --slug and --date, and passes "x" on as an argument.
    const result = spawnSync(
      'npm',
      ['run', '--silent', 'new', 'Water rationing', '--slug', 'x', '--date', '2025-05-11'],
      {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, SOURCED_ARTICLES_DIR: dir },
      },
    );
    expect(result.status).toBe(2);
    expect(result.stderr.split('\n').filter((line) => !line.startsWith('npm warn'))[0]).toBe(
      'npm took --slug and --date for itself: npm needs -- before the options, as in npm run new -- "Headline" --slug SLUG.',
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  test.each([
    [[], 'Give the headline as one argument, in quotes.'],
    [['   '], 'The headline is empty; give the headline in quotes.'],
    [['Путин'], 'The headline "Путин" has no Latin letter or digit to make a file name from; give one with --slug.'],
    [
      ['Talks', '--slug', 'Bad_Slug'],
      '--slug "Bad_Slug" is not kebab-case; use lowercase letters, digits and single hyphens.',
    ],
    [['Talks', '--date', '2025-02-30'], 'The date "2025-02-30" is not a real date written YYYY-MM-DD.'],
  ])('exits 2 on a usage mistake: %j', (args, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'sourced-new-'));
    const result = run(args, { SOURCED_ARTICLES_DIR: dir });
    expect(result.status).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(message);
    expect(readdirSync(dir)).toEqual([]);
  });
});
