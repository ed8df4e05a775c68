import fc from 'fast-check';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import type { Root as MdastRoot } from 'mdast';
import type { Processor } from 'unified';
import { visit } from 'unist-util-visit';
import { visitParents } from 'unist-util-visit-parents';
import { checkArticle } from '../../src/checker/check-article.ts';
import { parseBody } from '../../src/markdown/parse-body.ts';
import { attributedCitations } from '../../src/checker/rules/citations.ts';
import {
  citation,
  citationFromMarkdown,
  type BrokenCitation,
  type Citation,
} from '../../src/format/citation-syntax/index.ts';
import { KEBAB_CASE } from '../../src/format/index.ts';
import { shortPublisher } from '../../src/markdown/attribution.ts';
import remarkCitations, { type CitationData } from '../../src/markdown/remark-citations.ts';

const RUNS = { numRuns: 300 };

/** Characters that matter to citations and Markdown, and text from scripts that trip up naive code. */
const TRICKY = [
  '[',
  ']',
  '@',
  ';',
  '-',
  ' ',
  '\n',
  '\t',
  '*',
  '_',
  '`',
  '(',
  ')',
  '<',
  '>',
  '&',
  '"',
  "'",
  '\\',
  '#',
  '!',
  ':',
  'a',
  'z',
  '0',
  'A',
  'Б',
  'ı',
  'İ',
  'é',
  '😀',
  'ש',
  'ع',
  '\u200f',
  '\u0000',
];
const trickyText = fc.array(fc.constantFrom(...TRICKY), { maxLength: 80 }).map((chars) => chars.join(''));
const anyText = fc.oneof(
  trickyText,
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 80 }),
);

const word = fc.array(fc.constantFrom(...'abcxyz0189'), { minLength: 1, maxLength: 5 }).map((chars) => chars.join(''));
const kebabId = fc.array(word, { minLength: 1, maxLength: 3 }).map((words) => words.join('-'));

/** The body rules' findings for a body, in an article whose sources have the given ids. */
function bodyRules(body: string, ids: readonly string[]): string[] {
  const frontmatter = `---\nsources: ${JSON.stringify(ids.map((id) => ({ id })))}\n---\n`;
  return checkArticle('a.md', `${frontmatter}${body}`)
    .diagnostics.filter((diagnostic) => BODY_RULES.has(diagnostic.rule))
    .map((diagnostic) => diagnostic.rule);
}
const BODY_RULES = new Set([
  'empty-body',
  'citation-in-link',
  'raw-html',
  'unsafe-link',
  'broken-citation',
  'malformed-citation',
  'unknown-citation',
]);

/** Every citation and broken citation the parser finds in `text`, in document order. */
function citationNodes(text: string): (Citation | BrokenCitation)[] {
  const found: (Citation | BrokenCitation)[] = [];
  visit(parseBody(text), (node) => {
    if (node.type === 'citation' || node.type === 'brokenCitation') found.push(node);
  });
  return found;
}

describe('the citation syntax on arbitrary text', () => {
  it('never throws, and finds ordered citations written as [@...] and broken ones written as [@ and id-like text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        let last = 0;
        for (const node of citationNodes(text)) {
          const start = node.position!.start.offset!;
          const end = node.position!.end.offset!;
          expect(start).toBeGreaterThanOrEqual(last);
          expect(node.value.startsWith('[@')).toBe(true);
          if (node.type === 'citation') {
            expect(node.value.endsWith(']')).toBe(true);
            expect(/[[\]*`~<]/.test(node.value.slice(2, -1))).toBe(false);
          } else {
            expect(/^\[@[\p{L}\p{N}_-]*$/u.test(node.value)).toBe(true);
          }
          // Written on one line, a citation is exactly the text it stands for.
          if (!node.value.includes('\n')) expect(text.slice(start, end)).toBe(node.value);
          last = end;
        }
      }),
      RUNS,
    );
  });

  it('splits every citation into kebab-case ids and malformed parts, one per ";"-separated part', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        for (const node of citationNodes(text)) {
          if (node.type !== 'citation') continue;
          const parts = node.value.slice(1, -1).split(';');
          expect(node.ids.length + node.malformed.length).toBe(parts.length);
          for (const id of node.ids) expect(KEBAB_CASE.test(id)).toBe(true);
          expect(node.ids).toEqual(parts.map((part) => part.trim().slice(1)).filter((id) => node.ids.includes(id)));
        }
      }),
      RUNS,
    );
  });

  it('finds exactly the citations written into any prose, with their ids in order', () => {
    const citation = fc.array(kebabId, { minLength: 1, maxLength: 3 });
    const filler = fc
      .array(fc.constantFrom('a', 'z', 'A', '0', ' ', ',', ';', 'é', 'Б', 'ש', 'ع', '😀'), { maxLength: 20 })
      .map((chars) => chars.join(''));
    fc.assert(
      fc.property(fc.array(fc.tuple(filler, citation), { maxLength: 6 }), filler, (pieces, tail) => {
        // Prose starts with a word: four leading spaces would make the line an indented code block.
        const text = 'Text ' + pieces.map(([before, ids]) => `${before}[@${ids.join('; @')}]`).join('') + tail;
        expect(attributedCitations(parseBody(text)).map((node) => node.ids)).toEqual(pieces.map(([, ids]) => ids));
      }),
      RUNS,
    );
  });
});

/** Every tag name, in document order, of the elements outside attributions. */
function outline(nodes: readonly (RootContent | ElementContent)[], into: string[] = []): string[] {
  for (const node of nodes) {
    if (node.type !== 'element' || isAttribution(node)) continue;
    into.push(node.tagName);
    outline(node.children, into);
  }
  return into;
}

const isAttribution = (node: Element) =>
  node.tagName === 'span' &&
  String(node.properties.className ?? '')
    .split(' ')
    .includes('attribution');

/** The text outside attributions. */
function textOf(nodes: readonly (RootContent | ElementContent)[]): string {
  let text = '';
  for (const node of nodes) {
    if (node.type === 'text') text += node.value;
    else if (node.type === 'element' && !isAttribution(node)) text += textOf(node.children);
  }
  return text;
}

/**
 * The citation syntax with every citation left out, as a page without attributions would be (in a
 * link, and when broken, a citation shows as written, as remark-citations shows it).
 */
function remarkCitationsLeftOut(this: Processor) {
  const data = this.data() as { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push(citation());
  (data.fromMarkdownExtensions ??= []).push(citationFromMarkdown());
  return (tree: MdastRoot) => {
    visitParents(tree, (node, ancestors) => {
      if (node.type !== 'citation' && node.type !== 'brokenCitation') return;
      const parent = ancestors.at(-1) as { children: unknown[] };
      const shown =
        node.type === 'brokenCitation' ||
        ancestors.some((ancestor) => ancestor.type === 'link' || ancestor.type === 'linkReference');
      parent.children[parent.children.indexOf(node)] = { type: 'text', value: shown ? node.value : '' };
    });
  };
}

/** Every element inside attributions, and every attribute of every element. */
function* elements(
  nodes: readonly (RootContent | ElementContent)[],
  inAttribution = false,
): Generator<{ node: Element; inAttribution: boolean }> {
  for (const node of nodes) {
    if (node.type !== 'element') continue;
    yield { node, inAttribution };
    yield* elements(node.children, inAttribution || isAttribution(node));
  }
}

function render(markdown: string, data?: CitationData): Root {
  const processor = unified().use(remarkParse).use(remarkGfm);
  if (data) processor.use(remarkCitations, data);
  else processor.use(remarkCitationsLeftOut);
  const html = String(processor.use(remarkRehype).use(rehypeStringify).processSync(markdown));
  return fromHtml(html, { fragment: true });
}

const ATTRIBUTION_TAGS = new Set(['span', 'a', 'button', 'cite', 'time', 'q', 'sup', 'small', 'bdi']);

describe('the attribution plugin on arbitrary Markdown and ids', () => {
  const source = fc.record({
    id: kebabId,
    publisher: anyText.filter((text) => text.trim() !== ''),
    title: anyText.filter((text) => text.trim() !== ''),
    published: fc.constantFrom(undefined, '2025-05-11', '2025-05-11T21:30:54+00:00'),
  });
  const articleData = fc
    .uniqueArray(source, { minLength: 1, maxLength: 4, selector: (entry) => entry.id })
    .chain((sources) =>
      fc.array(fc.constantFrom(...sources.map((entry) => entry.id)), { minLength: 1, maxLength: 3 }).map((cited) => ({
        sources: sources.map((entry) => ({ ...entry, url: `https://example.org/${entry.id}` })),
        claims: [{ id: `claim-${sources[0]!.id}`, status: 'disputed', sources: cited }],
      })),
    );
  const markdown = (data: { sources: { id: string }[]; claims: { id: string }[] }) => {
    const ids = [...data.sources, ...data.claims].map((entry) => entry.id);
    const citation = fc
      .array(fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...ids) }, { weight: 1, arbitrary: kebabId }), {
        minLength: 1,
        maxLength: 3,
      })
      .map((cited) => `[@${cited.join('; @')}]`);
    const piece = fc.oneof(
      { weight: 4, arbitrary: trickyText },
      { weight: 3, arbitrary: citation },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          '\n\n',
          '\n- ',
          '\n> ',
          '\n# ',
          '**',
          '_',
          '`',
          '[',
          '](https://example.org/)',
          '\n\n| a | b |\n| - | - |\n| ',
          '[^1]',
          '\n\n[^1]: ',
        ),
      },
    );
    return fc.array(piece, { maxLength: 12 }).map((pieces) => pieces.join(''));
  };
  const cases = articleData.chain((data) => markdown(data).map((text) => ({ data, text })));

  it('never throws on a body the checker accepts, and adds nothing outside attributions but the attributions', () => {
    fc.assert(
      fc.property(cases, ({ data, text }) => {
        const ids = [...data.sources, ...data.claims].map((entry) => entry.id);
        // The checker reports these before any build renders; the plugin may refuse them.
        fc.pre(bodyRules(text, ids).filter((rule) => rule !== 'empty-body').length === 0);
        const plain = render(text);
        const attributed = render(text, data);
        expect(outline(attributed.children)).toEqual(outline(plain.children));
        expect(textOf(attributed.children)).toBe(textOf(plain.children));
        for (const { node, inAttribution } of elements(attributed.children)) {
          if (inAttribution) expect(ATTRIBUTION_TAGS.has(node.tagName), node.tagName).toBe(true);
          for (const name of Object.keys(node.properties)) expect(/^on/i.test(name), name).toBe(false);
          expect(node.properties.style).toBeUndefined();
          if (inAttribution && node.properties.href !== undefined)
            expect(String(node.properties.href)).toMatch(/^(#|\/|https:\/\/)/);
        }
      }),
      RUNS,
    );
  });

  it("shows every cited source's publisher as text, escaped, never as markup", () => {
    fc.assert(
      fc.property(articleData, (data) => {
        const text = data.sources.map((entry) => `Said [@${entry.id}].`).join('\n\n');
        const tree = render(text, data);
        const attributions = [...elements(tree.children)].filter(({ node }) => isAttribution(node));
        expect(attributions).toHaveLength(data.sources.length);
        attributions.forEach(({ node }, index) => {
          // Browsers collapse white space and HTML parsers drop U+0000; every other character must come back as written.
          const visible = (value: string) => value.replace(/\u0000/g, '').replace(/[ \t\r\n]+/g, ' ');
          // The text shows the publisher up to its first parenthesis; the card shows the rest.
          expect(visible(textOf([{ ...node, properties: {} }]))).toContain(
            visible(shortPublisher(data.sources[index]!.publisher)).trim(),
          );
        });
      }),
      RUNS,
    );
  });

  it('throws only on bodies the checker refuses (unknown or malformed citations)', () => {
    fc.assert(
      fc.property(cases, ({ data, text }) => {
        const ids = [...data.sources, ...data.claims].map((entry) => entry.id);
        let threw = false;
        try {
          render(text, data);
        } catch {
          threw = true;
        }
        if (threw) {
          const rules = bodyRules(text, ids);
          expect(rules.some((rule) => rule === 'unknown-citation' || rule === 'malformed-citation')).toBe(true);
        }
      }),
      RUNS,
    );
  });
});
