import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { parseArticle, parseBody } from '../../src/checker/parse-article.ts';
import remarkCitations from '../../src/markdown/remark-citations.ts';
import { ROOT } from '../helpers/site.ts';

const FIXTURES = join(ROOT, 'tests/fixtures/remark-citations');
const renderer = unified().use(remarkParse).use(remarkGfm).use(remarkCitations);

describe('parseBody', () => {
  it.each(readdirSync(FIXTURES))('reads %s exactly as the renderer\'s parser does, citations and positions included', (name) => {
    const { body } = parseArticle('input.md', readFileSync(join(FIXTURES, name, 'input.md'), 'utf8'), { latestDay: '2025-12-31' });
    const tree = parseBody(body);
    expect(tree).toEqual(renderer.parse(body));
    expect(JSON.stringify(tree).includes('"type":"citation"')).toBe(name !== 'no-citations');
  });

  it('gives each citation its ids and its place in the body', () => {
    const tree = parseBody('Met.\n\n> They [@a;\n> @b] and [@c');
    const quote = tree.children[1]!;
    expect(quote.type === 'blockquote' && quote.children[0]!.type === 'paragraph' && quote.children[0]!.children).toMatchObject([
      { type: 'text', value: 'They ' },
      { type: 'citation', value: '[@a;\n@b]', ids: ['a', 'b'], malformed: [], position: { start: { line: 3, column: 8 }, end: { line: 4, column: 6 } } },
      { type: 'text', value: ' and ' },
      { type: 'brokenCitation', value: '[@c', position: { start: { line: 4, column: 11 } } },
    ]);
  });
});
