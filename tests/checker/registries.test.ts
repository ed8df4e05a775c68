import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkArticle } from '../../src/checker/check-article.ts';
import { formatText } from '../../src/checker/diagnostic.ts';
import { checkRegistries, findRegistryDir } from '../../src/checker/registries.ts';
import type { RegistryIndex } from '../../src/checker/registry-index.ts';
import { suggestPublisher } from '../../src/checker/rules/unknown-publisher.ts';
import { VALID_BODY, VALID_FRONTMATTER, article } from '../helpers/articles.ts';
import { ROOT } from '../helpers/site.ts';

/** A new content folder with the given files (name -> text). */
function contentFolder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'sourced-content-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const TOPICS = 'diplomacy:\n  label: Diplomacy\n  description: Talks between governments.\n';
const AUTHORS =
  'sourced-newsroom:\n  name: Sourced newsroom\n  type: organization\n  role: Newsroom\n  bio: The newsroom.\n';
const PUBLISHERS = `tass:
  name: TASS
  country: RU
  type: news agency
  stateAffiliated: true
  basis: https://en.wikipedia.org/wiki/TASS
reuters:
  name: Reuters
  type: news agency
  stateAffiliated: false
office-of-the-president-of-ukraine:
  name: Office of the President of Ukraine
  country: UA
  type: government
  stateAffiliated: true
  basis: https://www.president.gov.ua/en/news/statement
`;

const INDEX: RegistryIndex = {
  files: { topics: 'content/topics.yaml', authors: 'content/authors.yaml', publishers: 'content/publishers.yaml' },
  topics: ['diplomacy', 'russia-ukraine-war'],
  authors: ['sourced-newsroom'],
  publishers: [
    { id: 'tass', name: 'TASS' },
    { id: 'reuters', name: 'Reuters' },
    { id: 'office-of-the-president-of-ukraine', name: 'Office of the President of Ukraine' },
    { id: 'menafn', name: 'MENAFN' },
  ],
};

describe('the registries of content/', () => {
  it('are valid, so npm run check and the build accept them', () => {
    const checked = checkRegistries(join(ROOT, 'content'), ROOT);
    expect(checked.diagnostics.map(formatText)).toEqual([]);
    expect(checked.index.files).toEqual({
      topics: 'content/topics.yaml',
      authors: 'content/authors.yaml',
      publishers: 'content/publishers.yaml',
    });
    expect(Object.keys(checked.authors)).toContain('sourced-newsroom');
  });

  it('are found from the articles folder, a file in it, or a folder below it', () => {
    const dir = join(ROOT, 'content');
    expect(findRegistryDir(join(dir, 'articles'))).toBe(dir);
    expect(findRegistryDir(join(dir, 'articles/zelensky-invites-putin-to-turkiye.md'))).toBe(dir);
    expect(findRegistryDir(contentFolder({ 'articles/a.md': '' }))).toBeUndefined();
  });
});

describe('checkRegistries', () => {
  it('reports every problem in every registry file at its line and column', () => {
    const dir = contentFolder({
      'topics.yaml':
        'diplomacy:\n  label: Diplomacy\n  descripton: Talks.\nBad_Slug:\n  label: Bad\n  description: Bad.\n',
      'publishers.yaml':
        "tass:\n  name: TASS\n  country: Russia\n  type: news agency\n  stateAffiliated: true\nreuters:\n  name: Reuters\n  type: wire\n  stateAffiliated: 'no'\n",
      'authors.yaml':
        'sourced-newsroom:\n  name: Sourced newsroom\n  type: team\n  role: Newsroom\n  bio: The newsroom.\n  url: javascript:alert(1)\n',
    });
    const checked = checkRegistries(dir, dir);
    expect(checked.diagnostics.map(formatText).sort()).toEqual([
      'authors.yaml:3:3  error  invalid-value  Field "type" of "sourced-newsroom" is "team"; it must be person or organization.',
      'authors.yaml:6:3  error  unsafe-url  Field "url" of "sourced-newsroom" is not a plain http(s) address: it uses the "javascript:" scheme; only http: and https: are allowed; write the full address, starting with https://.',
      'publishers.yaml:3:3  error  invalid-value  Field "country" of "tass" must be a two-letter ISO 3166-1 country code in capitals, such as RU or GB.',
      'publishers.yaml:5:3  error  missing-basis  Field "stateAffiliated" of "tass" is true, but no basis is given; add basis: the address of a document showing that a state owns or controls the publisher.',
      'publishers.yaml:8:3  error  invalid-value  Field "type" of "reuters" is "wire"; it must be one of news agency, broadcaster, newspaper, magazine, online outlet, government, international organization, research, other.',
      'publishers.yaml:9:3  error  invalid-type  Field "stateAffiliated" of "reuters" must be true or false, but it is text.',
      'topics.yaml:3:3  error  unknown-field  Unknown field "descripton" in "diplomacy"; did you mean "description"? Allowed fields: label, description.',
      'topics.yaml:4:1  error  invalid-id  The id "Bad_Slug" must be kebab-case (lowercase letters, digits and single hyphens, such as bbc-putin-talks), not "Bad_Slug".',
    ]);
    // Entries with problems stay out of the registries, but their ids are known, so articles naming them draw no second error.
    expect(Object.keys(checked.publishers)).toEqual([]);
    expect(checked.index.publishers).toEqual([
      { id: 'tass', name: 'TASS' },
      { id: 'reuters', name: 'Reuters' },
    ]);
    expect(checked.index.topics).toEqual(['diplomacy', 'Bad_Slug']);
  });

  it('reports a missing registry file and broken YAML', () => {
    const dir = contentFolder({ 'topics.yaml': TOPICS, 'authors.yaml': 'sourced-newsroom: [\n' });
    expect(checkRegistries(dir, dir).diagnostics.map(formatText)).toEqual([
      'authors.yaml:1:19  error  yaml-syntax  The bracket [ that starts here is never closed; add ] at the end of the value, or write the items one per line, each after "- ".',
      'publishers.yaml:1:1  error  registry-missing  The registry file is missing; create publishers.yaml next to the other registries (see docs/content-format.md).',
    ]);
  });

  it('accepts valid registries and keeps every entry', () => {
    const dir = contentFolder({ 'topics.yaml': TOPICS, 'authors.yaml': AUTHORS, 'publishers.yaml': PUBLISHERS });
    const checked = checkRegistries(dir, dir);
    expect(checked.diagnostics).toEqual([]);
    expect(checked.publishers['tass']).toEqual({
      name: 'TASS',
      country: 'RU',
      type: 'news agency',
      stateAffiliated: true,
      basis: 'https://en.wikipedia.org/wiki/TASS',
    });
    expect(checked.authors['sourced-newsroom']?.type).toBe('organization');
  });
});

describe('registry rules in checkArticle', () => {
  const lines = (text: string) => checkArticle('a.md', text, { registries: INDEX }).diagnostics.map(formatText);

  it('refuses an unknown topic or author, suggesting the closest id', () => {
    const text = article(
      VALID_FRONTMATTER.replace('  - diplomacy', '  - diplomcy\n  - elections').replace(
        '  - sourced-newsroom',
        '  - sourced-newsrom',
      ),
    );
    expect(lines(text).filter((line) => !line.includes('unknown-publisher'))).toEqual([
      'a.md:6:5  error  unknown-author  Author "sourced-newsrom" is not in content/authors.yaml; did you mean "sourced-newsroom"? Use an id listed there, or add the author to it.',
      'a.md:8:5  error  unknown-topic  Topic "diplomcy" is not in content/topics.yaml; did you mean "diplomacy"? Use a slug listed there, or add the topic to it with a label and a description.',
      'a.md:9:5  error  unknown-topic  Topic "elections" is not in content/topics.yaml. Use a slug listed there, or add the topic to it with a label and a description.',
    ]);
  });

  it('warns about a publisher written by name, suggesting its id; a via: by name is accepted', () => {
    const text = article(VALID_FRONTMATTER.replace('publisher: Reuters', 'publisher: reuters\n    via: AsiaOne'));
    expect(lines(text)).toEqual([
      'a.md:12:5  warning  unknown-publisher  Publisher "Office of the President of Ukraine" is not an id of content/publishers.yaml; did you mean "office-of-the-president-of-ukraine"? Write the id of a listed publisher (and via: for a site that republished it), or add the publisher there.',
    ]);
    const ids = article(
      VALID_FRONTMATTER.replace('publisher: Reuters', 'publisher: reuters').replace(
        'publisher: Office of the President of Ukraine',
        'publisher: office-of-the-president-of-ukraine',
      ),
    );
    expect(lines(ids)).toEqual([]);
  });

  it('is not applied without registries (a folder of articles outside a content folder)', () => {
    const text = article(VALID_FRONTMATTER.replace('  - diplomacy', '  - elections'));
    expect(checkArticle('a.md', text).diagnostics).toEqual([]);
  });

  it('reports a name that is not an id once, from the schema', () => {
    const text = article(VALID_FRONTMATTER.replace('  - sourced-newsroom', '  - Sourced newsroom'));
    const reported = lines(text).filter((line) => line.startsWith('a.md:6:5'));
    expect(reported).toHaveLength(1);
    expect(reported[0]).toMatch(/^a\.md:6:5  error  invalid-value  .*must be kebab-case .*not "Sourced newsroom"\.$/);
  });
});

describe('suggestPublisher', () => {
  it('suggests the id for a name, a near miss, or a name followed by details', () => {
    expect(suggestPublisher('TASS', INDEX.publishers)).toBe('tass');
    expect(suggestPublisher('office of the president of ukraine', INDEX.publishers)).toBe(
      'office-of-the-president-of-ukraine',
    );
    expect(suggestPublisher('Reuter', INDEX.publishers)).toBe('reuters');
    expect(suggestPublisher('Reuters (Elizabeth Piper), republished by daily8.com', INDEX.publishers)).toBe('reuters');
    expect(suggestPublisher('Ukrinform via MENAFN', INDEX.publishers)).toBeUndefined();
    expect(suggestPublisher('BBC News', INDEX.publishers)).toBeUndefined();
  });
});

describe('claim provenance', () => {
  it("checks that a claim's appearances name sources of the article, and its date", () => {
    const text = article(
      VALID_FRONTMATTER.replace(
        '    status: confirmed\n',
        "    status: confirmed\n    date: '2025-05-32'\n    appearances:\n      - reuters-talks\n      - reuters-talk\n",
      ),
      VALID_BODY,
    );
    expect(checkArticle('a.md', text).diagnostics.map(formatText)).toEqual([
      'a.md:28:5  error  invalid-date  Field "date" of claim 1 (`ceasefire-demand`) is "2025-05-32", which is not a real date; write YYYY-MM-DD (for example 2025-05-11) or a date-time with an offset (2025-05-11T09:30:00+03:00).',
      'a.md:31:9  error  unknown-reference  Entry of "appearances" 2 of claim 1 (`ceasefire-demand`) names "reuters-talk", which is not the id of a source in this article; did you mean "reuters-talks"? Known source ids: kyiv-statement, reuters-talks.',
    ]);
  });
});

describe('npm run check with registries', () => {
  it('checks the registries beside the articles folder and the articles against them, and exits 1 on a registry error', () => {
    const dir = contentFolder({
      'topics.yaml': TOPICS,
      'authors.yaml': AUTHORS,
      'publishers.yaml': PUBLISHERS.replace('  basis: https://en.wikipedia.org/wiki/TASS\n', ''),
      'articles/talks.md': article(
        VALID_FRONTMATTER.replace('publisher: Reuters', 'publisher: reuters')
          .replace('publisher: Office of the President of Ukraine', 'publisher: office-of-the-president-of-ukraine')
          .replace('  - diplomacy', '  - diplomacy\n  - elections'),
      ),
    });
    const result = spawnSync(process.execPath, [join(ROOT, 'src/cli/check.ts'), 'articles'], {
      encoding: 'utf8',
      cwd: dir,
    });
    expect(result.stdout).toBe(
      [
        'articles/talks.md:9:5  error  unknown-topic  Topic "elections" is not in topics.yaml. Use a slug listed there, or add the topic to it with a label and a description.',
        'publishers.yaml:5:3  error  missing-basis  Field "stateAffiliated" of "tass" is true, but no basis is given; add basis: the address of a document showing that a state owns or controls the publisher.',
        '',
      ].join('\n'),
    );
    expect(result.stderr).toBe('1 article checked: 2 errors, 0 warnings\n');
    expect(result.status).toBe(1);
  });
});
