import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkArticle } from '../../src/checker/check-article.ts';
import { formatText } from '../../src/checker/diagnostic.ts';
import { RULES } from '../../src/checker/rules/index.ts';
import { VALID_BODY, VALID_FRONTMATTER, article } from '../helpers/articles.ts';
import { ROOT } from '../helpers/site.ts';

const RULES_DIR = join(ROOT, 'src/checker/rules');
/** Modules of the rules folder that hold shared code, not a rule. */
const HELPERS = ['body-nodes.ts', 'citations.ts', 'index.ts', 'lock-finding.ts', 'read-problems.ts', 'rule.ts'];

describe('the rule list', () => {
  it('names each rule once, with a kebab-case id, a severity and a one-line description', () => {
    const ids = RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of RULES) {
      expect(rule.id).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
      expect(['error', 'warning']).toContain(rule.severity);
      expect(rule.description, rule.id).toMatch(/^[A-Z][^\n]*\.$/);
    }
  });

  it('lists every rule module of src/checker/rules, each documented with a good and a bad example', () => {
    const modules = readdirSync(RULES_DIR).filter((name) => name.endsWith('.ts') && !HELPERS.includes(name));
    const index = readFileSync(join(RULES_DIR, 'index.ts'), 'utf8');
    for (const name of modules) {
      expect(index, `${name} is not in index.ts`).toContain(`from './${name}'`);
      const source = readFileSync(join(RULES_DIR, name), 'utf8');
      const comments = source.match(/\/\*\*[\s\S]*?\*\//g)?.join('\n') ?? '';
      expect(comments, name).toContain('Good:');
      expect(comments, name).toContain('Bad:');
    }
  });

  it('is the table of what the checker reports (docs/checker.md), rule for rule and severity for severity', () => {
    const readme = readFileSync(join(ROOT, 'docs/checker.md'), 'utf8');
    const rows = [...readme.matchAll(/^\| `([a-z-]+)` \| (error|warning)[^|]*\|/gm)].map(
      (match) => `${match[1]} ${match[2]}`,
    );
    expect([...new Set(rows)].sort()).toEqual(RULES.map((rule) => `${rule.id} ${rule.severity}`).sort());
  });

  it('gives every error rule the checker applies a case in the bad-input corpus', () => {
    const bad = join(ROOT, 'tests/fixtures/bad');
    const reported = new Set(
      readdirSync(bad).flatMap((name) =>
        readFileSync(join(bad, name, 'expected.txt'), 'utf8')
          .split('\n')
          .map((line) => line.split(/ {2}/)[2]),
      ),
    );
    // source-dead reads a lock file, which the corpus's articles have none of: tests/sources/ covers it with lock files.
    // unknown-author and unknown-topic read the registries, which the corpus has none of: tests/checker/registries.test.ts covers them.
    const corpusCannotShow = new Set(['source-dead', 'unknown-author', 'unknown-topic']);
    for (const rule of RULES)
      if (rule.severity === 'error' && rule.check && !corpusCannotShow.has(rule.id))
        expect(reported.has(rule.id), rule.id).toBe(true);
  });
});

describe('the checker runs every rule on one parse', () => {
  it('reports problems from the file, the frontmatter and the body in one run, each under its rule', () => {
    const frontmatter = VALID_FRONTMATTER.replace('title: Talks in Istanbul\n', '').replace(
      'published: 2025-05-20',
      'published: 2025-05-20\nupdated: 2025-05-19',
    );
    const body = VALID_BODY.replace('[@reuters-talks]', '[@reuters-*talks*]');
    expect(checkArticle('a.md', article(frontmatter, body), { path: 'Talks.md' }).diagnostics.map(formatText)).toEqual([
      'a.md:1:1  error  file-name  The file name part "Talks" cannot be a page address; rename it in kebab-case (lowercase letters, digits and single hyphens), such as zelensky-invites-putin.md.',
      'a.md:1:1  error  missing-field  Missing required field "title" in the frontmatter; add title: the headline of the explainer.',
      'a.md:4:1  error  date-order  Field "updated" is 2025-05-19, before published (2025-05-20); an update cannot come before publication.',
      'a.md:39:34  error  broken-citation  Citation "[@reuters-" is not closed or is broken by formatting; write [@id] or [@id1; @id2], closed with "]" and with no brackets or formatting (*, _, `) inside.',
    ]);
  });
});
