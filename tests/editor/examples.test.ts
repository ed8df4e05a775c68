import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLAIM_STATUSES } from '../../src/format/claim.ts';
import { ROOT } from '../helpers/site.ts';

/**
 * Every example an editor is shown passes the check with no error and no warning, against the
 * repository's own registries (content/*.yaml): the README's example article, each snippet of its
 * guide (a frontmatter fragment in a ```yaml block takes the place of the same fields of the example
 * article; a Markdown fragment is added to its text), and the file `npm run new` writes, both as it
 * is and with its commented examples taken up as its notes say.
 */

const TODAY = '2026-11-25';
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** The fenced blocks of a Markdown text in the given language, in order. */
export function fencedBlocks(markdown: string, language: string): string[] {
  const blocks: string[] = [];
  const fence = new RegExp(`^\`\`\`${language}\\n([\\s\\S]*?)^\`\`\`$`, 'gm');
  for (const match of markdown.matchAll(fence)) blocks.push(match[1]!);
  return blocks;
}

/** An article split at its frontmatter: the YAML between the `---` lines, and the text after. */
function split(article: string): { yaml: string; body: string } {
  const match = /^---\n([\s\S]*?)^---\n([\s\S]*)$/m.exec(article);
  if (!match) throw new Error(`not an article:\n${article}`);
  return { yaml: match[1]!, body: match[2]! };
}

/** The top-level fields of a frontmatter, each with its lines (comments above a field go with it). */
function fieldsOf(yaml: string): Map<string, string> {
  const fields = new Map<string, string[]>();
  let current: string[] = [];
  let pending: string[] = [];
  for (const line of yaml.split('\n')) {
    const key = /^([A-Za-z_][\w-]*):/.exec(line)?.[1];
    if (key) {
      fields.set(key, (current = [...pending, line]));
      pending = [];
    } else if (line.startsWith('#') || line === '') pending.push(line);
    else current.push(...pending.splice(0), line);
  }
  return new Map([...fields].map(([key, lines]) => [key, lines.join('\n')]));
}

/** The example article with the snippet's fields in place of its own (and any new ones added). */
function withFields(article: string, snippet: string): string {
  const { yaml, body } = split(article);
  const fields = fieldsOf(yaml);
  for (const [key, lines] of fieldsOf(snippet)) fields.set(key, lines);
  return `---\n${[...fields.values()].join('\n')}\n---\n${body}`;
}

/**
 * The template with its examples taken up as its notes invite: the `#` removed in front of every
 * commented field or list item, the `[]` removed after a list whose example items follow it, and
 * each example claim cited in the text.
 */
export function uncommented(template: string): string {
  const lines = template.split('\n').map((line) => {
    const match = /^(\s*)# ?(\s*(?:- )?[a-z][A-Za-z]*:(?: |$).*|\s*- \S.*)$/.exec(line);
    return match ? `${match[1]}${match[2]}` : line;
  });
  const taken = lines.map((line, index) => {
    const next = lines.slice(index + 1).find((candidate) => candidate.trim() !== '' && !/^\s*#/.test(candidate));
    return /^[a-z]+: \[\]$/.test(line) && next !== undefined && /^\s+- /.test(next) ? line.replace(' []', '') : line;
  });
  const text = taken.join('\n');
  const claims = [
    ...(split(text).yaml.split(/^claims:/m)[1] ?? '').split(/^\S/m)[0]!.matchAll(/^ {2}- id: (\S+)/gm),
  ].map((match) => match[1]!);
  return text.replace(/\n$/, claims.map((id) => ` [@${id}]`).join('') + '\n');
}

/** Runs `npm run check` over a content folder holding a copy of the repository's registries and these articles. */
function checkWithRegistries(articles: Record<string, string>) {
  const content = join(mkdtempSync(join(tmpdir(), 'sourced-examples-')), 'content');
  mkdirSync(join(content, 'articles'), { recursive: true });
  for (const name of readdirSync(join(ROOT, 'content')))
    if (name.endsWith('.yaml')) cpSync(join(ROOT, 'content', name), join(content, name));
  for (const [name, text] of Object.entries(articles)) writeFileSync(join(content, 'articles', name), text);
  const result = spawnSync(process.execPath, [join(ROOT, 'src/cli/check.ts')], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, SOURCED_ARTICLES_DIR: join(content, 'articles'), SOURCED_TODAY: TODAY },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, articles: join(content, 'articles') };
}

/** Writes the template with `npm run new` itself into a fresh folder, and returns its text. */
function newArticle(headline: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'sourced-new-'));
  const result = spawnSync(process.execPath, [join(ROOT, 'src/cli/new-article.ts'), headline], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, SOURCED_ARTICLES_DIR: dir, SOURCED_TODAY: TODAY },
  });
  expect(result.status, result.stderr).toBe(0);
  return readFileSync(join(dir, readdirSync(dir)[0]!), 'utf8');
}

describe("every example an editor is shown passes the check, with no error and no warning, against the repository's registries", () => {
  const articles = fencedBlocks(README, 'markdown').filter((block) => block.startsWith('---\n'));
  const example = articles[0]!;
  const yamlSnippets = fencedBlocks(README, 'yaml');
  const bodySnippets = fencedBlocks(README, 'markdown').filter((block) => !block.startsWith('---\n'));

  it('finds the example article and the snippets in the README', () => {
    expect(articles.length).toBeGreaterThanOrEqual(1);
    expect(yamlSnippets.length + bodySnippets.length).toBeGreaterThanOrEqual(1);
  });

  it.each([
    ['the README example article', () => ({ 'readme-example.md': example })],
    [
      'every frontmatter snippet of the README, in the example article',
      () =>
        Object.fromEntries(
          yamlSnippets.map((snippet, index) => [`readme-snippet-${index + 1}.md`, withFields(example, snippet)]),
        ),
    ],
    [
      'every Markdown snippet of the README, in the example article',
      () =>
        Object.fromEntries(
          bodySnippets.map((snippet, index) => [`readme-text-${index + 1}.md`, `${example}\n${snippet}`]),
        ),
    ],
    [
      'the template of npm run new, as it is',
      () => ({ 'template.md': newArticle('Water rationing, week 3 of the drought') }),
    ],
    [
      'the template of npm run new, with its examples uncommented as its notes invite',
      () => ({ 'template-uncommented.md': uncommented(newArticle('Water rationing, week 3 of the drought')) }),
    ],
  ])('%s', (_, make) => {
    const articles = make();
    const count = Object.keys(articles).length;
    const result = checkWithRegistries(articles);
    expect({ stdout: result.stdout, stderr: result.stderr, status: result.status }).toEqual({
      stdout: '',
      stderr: `${count} article${count === 1 ? '' : 's'} checked: 0 errors, 0 warnings\n`,
      status: 0,
    });
  });

  it('takes up every commented example of the template (no field is left behind a #)', () => {
    const text = uncommented(newArticle('Talks'));
    expect(text).not.toMatch(/^\s*#\s*(?:- )?[a-z][A-Za-z]*: /m);
    expect(text).toMatch(/^claims:\n {2}- id: example-claim$/m);
    expect(text).toMatch(/^timeline:\n {2}- date: 2026-11-25$/m);
    expect(text).toMatch(/^corrections:\n {2}- date: 2026-11-25$/m);
    expect(text).toMatch(/^topics:\n {2}- russia-ukraine-war$/m);
    expect(text).toMatch(/^updated: 2026-11-25$/m);
    expect(text).toContain('[@example-claim]');
  });

  it("the template uncommented but with a list's [] left in place gets the plain message", () => {
    const text = uncommented(newArticle('Talks')).replace(/^claims:$/m, 'claims: []');
    const result = checkWithRegistries({ 'talks.md': text });
    const line = text.split('\n').indexOf('claims: []') + 1;
    expect(result.stdout).toBe(
      `${relative(ROOT, join(result.articles, 'talks.md'))}:${line}:9  error  yaml-syntax  "claims:" is followed by [], which is an empty list, and by the items of a list on the lines below; remove [] — the items below make the list: write "claims:".\n`,
    );
  });
});

describe('the README, for editors', () => {
  it('is under 250 lines, and says what "kebab-case" means wherever it uses the word', () => {
    expect(README.trimEnd().split('\n').length).toBeLessThan(250);
    for (const match of README.matchAll(/kebab-case/g))
      expect(README.slice(match.index, match.index + 60)).toMatch(
        /^kebab-case \(lowercase letters, digits and single hyphens/,
      );
  });

  it("lists the claim statuses the schema accepts, each once, in the schema's order", () => {
    // The list runs up to the first parenthesis (which says how to write 'false').
    const list = /^- \*\*Claim statuses\*\*: ([^(]*)/m.exec(README)?.[1] ?? '';
    expect([...list.matchAll(/`([a-z-]+)`/g)].map((match) => match[1])).toEqual([...CLAIM_STATUSES]);
  });

  it.each(['README.md', 'CONTRIBUTING.md'])('%s links only to files that exist', (name) => {
    const text = readFileSync(join(ROOT, name), 'utf8').replace(/`[^`\n]*`/g, '');
    const targets = [...text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)]
      .map((match) => match[1]!)
      .filter((target) => !/^[a-z]+:/.test(target));
    expect(targets.length).toBeGreaterThan(0);
    for (const target of targets) expect(existsSync(join(ROOT, target)), target).toBe(true);
  });
});
