import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import fc from 'fast-check';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/checker/parse-article.ts';
import {
  constructNames,
  hasAutolinkText,
  markdownOptions,
  OPTIONAL_CONSTRUCTS,
  parseBody,
} from '../../src/markdown/parse-body.ts';
import remarkCitations from '../../src/markdown/remark-citations.ts';
import { ROOT } from '../helpers/site.ts';

const FIXTURES = join(ROOT, 'tests/fixtures/remark-citations');
const renderer = unified().use(remarkParse).use(remarkGfm).use(remarkCitations);

describe('parseBody', () => {
  it.each(readdirSync(FIXTURES))(
    "reads %s exactly as the renderer's parser does, citations and positions included",
    (name) => {
      const { body } = parseArticle('input.md', readFileSync(join(FIXTURES, name, 'input.md'), 'utf8'), {
        latestDay: '2025-12-31',
      });
      const tree = parseBody(body);
      expect(tree).toEqual(renderer.parse(body));
      expect(JSON.stringify(tree).includes('"type":"citation"')).toBe(name !== 'no-citations');
    },
  );

  // parseBody leaves out the autolink constructs and transform a body cannot use; the tree must be
  // the one the full parser (remark-gfm) gives, whatever the body.
  const AUTOLINKS = [
    'Write to name@example.org today.',
    'Write to NAME+tag@example.co.uk.',
    'Not an email: [@a] and [see @b; @c].',
    'Escaped: name\\@example.org.',
    'A reference: name&#64;example.org.',
    'A named reference: name&commat;example.org.',
    'Split: name\n@example.org',
    'See https://example.org/a?b=c#d, HTTP://EXAMPLE.ORG and www.example.org.',
    'Escaped: https\\://example.org.',
    'Escaped: www\\.example.org.',
    'Capitals: WWW.EXAMPLE.ORG.',
    'A [link](https://example.org/reports/1) and <https://example.org/2>.',
    'mailto:name@example.org and xmpp:name@example.org/resource',
    '`https://example.org` in code, *www.example.org* in emphasis.',
    '> Quoted https://example.org\n> and name@example.org [@a]',
    '| a | b |\n| - | - |\n| https://example.org | name@example.org |',
    'A footnote[^1] and ~~struck www.example.org~~.\n\n[^1]: Note with name@example.org.',
    '# Heading with www.example.org [@a]',
    'Plain words only, with a citation [@a].',
    'A table of one column\n:-\nwith no pipe at all.',
    'Another\n-:',
    'Not a table\n: -\nnor this\n---',
  ];
  it.each(AUTOLINKS)('parses %j exactly as the full parser does', (body) => {
    expect(parseBody(body)).toEqual(renderer.parse(body));
  });

  it('names constructs that micromark-extension-gfm has, so that leaving them out still saves time', () => {
    const names = constructNames();
    for (const name of Object.values(OPTIONAL_CONSTRUCTS))
      expect(names.has(name), `GitHub's extension has no construct named ${name}`).toBe(true);
    // Left out, each is gone from the options, and only it.
    const without = constructNames(markdownOptions('Plain words.').extensions[0]!);
    expect([...names].filter((name) => !without.has(name)).sort()).toEqual(Object.values(OPTIONAL_CONSTRUCTS).sort());
  });

  it('leaves out only what a body cannot use', () => {
    const emailConstruct = (body: string) =>
      Boolean((markdownOptions(body).extensions[0]!.text as Record<number, unknown>)[97]);
    // Whether the tree as parsed, before the transform, gets the transform.
    const transform = (body: string) => hasAutolinkText(fromMarkdown(body, markdownOptions(body)));
    expect([emailConstruct('Plain [@a]; @b.'), transform('Plain [@a]; @b.')]).toEqual([false, false]);
    expect([emailConstruct('A [link](https://example.org).'), transform('A [link](https://example.org).')]).toEqual([
      false,
      false,
    ]);
    expect([emailConstruct('A [link www.example.org](/a).'), transform('A [link www.example.org](/a).')]).toEqual([
      false,
      false,
    ]);
    expect([emailConstruct('name@example.org'), transform('See name@example.org')]).toEqual([true, false]);
    expect([emailConstruct('name&#64;example.org'), transform('name&#64;example.org')]).toEqual([false, true]);
    expect([emailConstruct('www\\.example.org'), transform('www\\.example.org')]).toEqual([false, true]);
    expect(transform('Write to name\\@example.org')).toBe(true);
    const tableConstruct = (body: string) =>
      Object.values(markdownOptions(body).extensions[0]!.flow ?? {})
        .flat()
        .some((construct) => (construct as { name?: string }).name === 'table');
    expect([
      tableConstruct('Plain - words: here'),
      tableConstruct('a | b'),
      tableConstruct('a\n:-'),
      tableConstruct('a\n-:'),
    ]).toEqual([false, true, true, true]);
  });

  it('parses any mix of autolink pieces exactly as the full parser does', () => {
    const pieces = [
      'http',
      'https',
      '://',
      'www',
      '.',
      '@',
      'name',
      'example.org',
      'mailto:',
      'xmpp:',
      '&#64;',
      '&amp;',
      '\\',
      '[@a]',
      '[',
      ']',
      '(',
      ')',
      '<',
      '>',
      ' ',
      '\n',
      '\n\n',
      '> ',
      '`',
      '*',
      '_',
      '~',
      'H',
      'W',
      '+',
      '-',
      '/',
      '#',
      '|',
      ':',
      '---',
      'a',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (chosen) => {
        const body = chosen.join('');
        expect(parseBody(body)).toEqual(renderer.parse(body));
      }),
      { numRuns: 500 },
    );
  });

  it('gives each citation its ids and its place in the body', () => {
    const tree = parseBody('Met.\n\n> They [@a;\n> @b] and [@c');
    const quote = tree.children[1]!;
    expect(
      quote.type === 'blockquote' && quote.children[0]!.type === 'paragraph' && quote.children[0]!.children,
    ).toMatchObject([
      { type: 'text', value: 'They ' },
      {
        type: 'citation',
        value: '[@a;\n@b]',
        ids: ['a', 'b'],
        malformed: [],
        position: { start: { line: 3, column: 8 }, end: { line: 4, column: 6 } },
      },
      { type: 'text', value: ' and ' },
      { type: 'brokenCitation', value: '[@c', position: { start: { line: 4, column: 11 } } },
    ]);
  });
});
