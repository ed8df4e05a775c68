import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkBody } from '../../src/checker/body-check.ts';
import { quickCheckBody } from '../../src/checker/body-scan.ts';
import { splitFrontmatter } from '../../src/checker/frontmatter.ts';
import { parseYaml } from '../../src/checker/yaml.ts';
import { generateArticles } from '../../bench/generate.ts';
import { buildDir } from '../helpers/site.ts';

const IDS = ['bbc-talks', 'kyiv-statement', 'claim-one'];
const FIRST_EXPLAINER = 'content/articles/zelensky-invites-putin-to-turkiye.md';

/** The body of an article file and the ids its frontmatter defines. */
function bodyAndIds(text: string): { body: string; ids: string[] } {
  const split = splitFrontmatter(text);
  if (!('yaml' in split)) throw new Error('no frontmatter');
  const data = parseYaml(split.yaml, split.yamlLine).data as Record<string, { id: string }[]>;
  return { body: split.body, ids: [...(data.sources ?? []), ...(data.claims ?? [])].map((entry) => entry.id) };
}

describe('quickCheckBody answers for plain prose, with the exact check\'s answer', () => {
  it.each([
    ['a citation in a sentence', 'They met [@bbc-talks].', [[1, 10, ['bbc-talks']]]],
    ['two ids, headings, lists, quotes and emphasis', '## Talks\n\n- **Met** [@bbc-talks; @claim-one]\n\n> _Said_ [@kyiv-statement]', [
      [3, 11, ['bbc-talks', 'claim-one']],
      [5, 10, ['kyiv-statement']],
    ]],
    ['links to the web, to the site and to anchors', '[BBC](https://www.bbc.co.uk/news) and [us](/articles/x/) and [here](#sources) [@bbc-talks]', [[1, 79, ['bbc-talks']]]],
    ['a table', '| who | said |\n| - | - |\n| Kyiv | yes [@kyiv-statement] |', [[3, 14, ['kyiv-statement']]]],
    ['a link at the end of a sentence', 'As [the BBC reported](https://www.bbc.co.uk/news). [@bbc-talks]', [[1, 52, ['bbc-talks']]]],
    ['code and indented lines, which markdown-it reads', 'Run `npm test`:\n\n    npm test\n\nThey met [@bbc-talks].', [[5, 10, ['bbc-talks']]]],
  ] as const)('%s', (_name, body, expected) => {
    const quick = quickCheckBody(body, IDS);
    expect(quick?.problems).toEqual([]);
    expect(quick?.citations.map(({ line, column, ids }) => [line, column, ids])).toEqual(expected);
    expect(quick).toEqual(checkBody(body, IDS));
  });

  it('answers for the first explainer, exactly as the exact check does', () => {
    const { body, ids } = bodyAndIds(readFileSync(FIRST_EXPLAINER, 'utf8'));
    const quick = quickCheckBody(body, ids);
    expect(quick).toBeDefined();
    expect(quick).toEqual(checkBody(body, ids));
  });

  it('answers for the benchmark\'s synthetic explainers, exactly as the exact check does', () => {
    const dir = buildDir('body-scan-bench');
    const slugs = generateArticles(dir, 40, 7, FIRST_EXPLAINER);
    for (const slug of slugs) {
      const { body, ids } = bodyAndIds(readFileSync(`${dir}/${slug}.md`, 'utf8'));
      const quick = quickCheckBody(body, ids);
      expect(quick, slug).toBeDefined();
      expect(quick, slug).toEqual(checkBody(body, ids));
    }
  });
});

describe('quickCheckBody leaves to the exact check', () => {
  it.each([
    ['an empty body', '  \n'],
    ['an unknown id', 'They met [@bbc-tlks].'],
    ['a malformed citation', 'They met [@BBC].'],
    ['a citation over two lines', 'They met [@bbc-talks;\n@claim-one].'],
    ['a citation written as a link', '[@bbc-talks](https://example.org)'],
    ['a citation inside a link', '[they met [@bbc-talks]](https://example.org)'],
    ['a citation made a link by a definition', '[@bbc-talks]\n\n[@bbc-talks]: https://example.org'],
    ['an unsafe link', '[x](javascript:alert(1)) [@bbc-talks]'],
    ['a protocol-relative link', '[x](//evil.example) [@bbc-talks]'],
    ['an unsafe definition', '[x]\n\n[x]: javascript:alert(1)'],
    ['an unsafe image', '![x](javascript:alert(1))'],
    ['a citation in an image description', '![map [@bbc-talks]](https://example.org/map.png)'],
    ['raw HTML', '<b>bold</b> [@bbc-talks]'],
    ['an HTML comment', '<!-- note -->\n\nThey met [@bbc-talks].'],
    ['an e-mail address, which GitHub makes a mailto: link', 'Write to press@example.org [@bbc-talks].'],
    ['a bare web address', 'See www.example.org [@bbc-talks].'],
    ['a backslash escape', 'They met \\[@bbc-talks].'],
    ['an entity', 'They met &#91;@bbc-talks].'],
    ['strikethrough', 'They ~met~ [@bbc-talks].'],
    ['a citation in code', 'Write `[@bbc-talks]` to cite.'],
    ['a citation glued to a bare web address', 'See (https://example.org/a)[@bbc-talks] and ](https://example.org/b)[@bbc-talks]'],
    ['a footnote', 'They met.[^1] [@bbc-talks]\n\n[^1]: In Istanbul.'],
    ['code indented inside a quote', 'They met.\n\n>     [@bbc-talks]'],
    ['code indented inside a list item', 'They met.\n\n-     [@bbc-talks]'],
    ['a citation never closed', 'They met [@bbc-talks.'],
    ['a citation split by emphasis', 'They met [@bbc-*talks*].'],
    ['an unclosed [@ in code, beside a citation', 'Write `[@id` to cite [@bbc-talks].'],
  ])('%s', (_name, body) => {
    expect(quickCheckBody(body, IDS)).toBeUndefined();
  });
});

describe('quickCheckBody on arbitrary Markdown', () => {
  const piece = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom('They met', ' in Istanbul', '. ', ' ', 'a', ';', '@', 'é', 'ש') },
    {
      weight: 3,
      arbitrary: fc
        .array(fc.constantFrom(...IDS, 'unknown-id', 'Bad Id', ''), { minLength: 1, maxLength: 2 })
        .map((ids) => `[@${ids.join('; @')}]`),
    },
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        '\n', '\n\n', '\n- ', '\n1. ', '\n> ', '\n    ', '\n\t', '\n  ', '\n# ', '\n---\n', '  \n',
        '**', '*', '_', '`', '```\n', '\n```\n', '~~~\n', '~', '~~',
        '[', ']', '(', ')', '[x]', '[x][y]', '[]',
        '](https://example.org/a)', '](javascript:alert(1))', '](/articles/x/)', '](#x)', '](//evil.example)', '](page.html)', '](https://e.org/a "t")',
        '![alt', '![map [@bbc-talks]](https://e.org/m.png)', '\n[x]: https://example.org\n', '\n[@bbc-talks]: https://example.org\n', '\n[y]: javascript:x\n',
        '<b>', '</b>', '<!-- c -->', '<https://example.org>', '&amp;', '&#91;', '&', '\\', '\\[',
        'www.example.org', 'https://example.org', 'press@example.org', '[^1]', '\n[^1]: ',
        '\n| a | b |\n| - | - |\n| ', ' | ', '\u0000', '\n>     ', '\n-     ', '\n1) ', '\n> > ',
      ),
    },
  );
  const markdown = fc.array(piece, { maxLength: 24 }).map((pieces) => pieces.join(''));

  /**
   * Asserts that the quick check, whenever it answers, gives the exact check's answer, over 3,000
   * bodies; and returns how many it answered for, since the property means something only if that
   * is a fair share.
   */
  const answersAsTheExactCheck = (bodies: fc.Arbitrary<string>): number => {
    let answered = 0;
    fc.assert(
      fc.property(bodies, (body) => {
        const quick = quickCheckBody(body, IDS);
        if (quick === undefined) return;
        answered++;
        expect(quick).toEqual(checkBody(body, IDS));
      }),
      { numRuns: 3000 },
    );
    return answered;
  };

  it('whenever it answers, gives exactly the exact check\'s answer', () => {
    expect(answersAsTheExactCheck(markdown)).toBeGreaterThan(300);
  });

  it('whenever it answers for prose with links, brackets and emphasis, gives exactly the exact check\'s answer', () => {
    const prose = fc
      .array(
        fc.oneof(
          { weight: 3, arbitrary: fc.constantFrom('They met', ' in Istanbul', '. ', ' ', 'a') },
          { weight: 2, arbitrary: fc.constantFrom(...IDS.map((id) => `[@${id}]`), `[@${IDS[0]}; @${IDS[1]}]`) },
          {
            weight: 3,
            arbitrary: fc.constantFrom(
              '\n', '\n\n', '\n- ', '\n> ', '\n# ', '  \n', '**', '*', '_', '[', ']', '(', ')', '[x]', '[]',
              '](https://example.org/a)', '](/articles/x/)', '](#x)', '](https://e.org/a).', '](page.html)', '\n| a | b |\n| - | - |\n| ',
            ),
          },
        ),
        { maxLength: 30 },
      )
      .map((pieces) => pieces.join(''));
    expect(answersAsTheExactCheck(prose)).toBeGreaterThan(1500);
  });
});
