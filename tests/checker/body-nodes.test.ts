import { describe, expect, it } from 'vitest';
import { parseBody } from '../../src/markdown/parse-body.ts';
import { bodyNodes } from '../../src/checker/rules/body-nodes.ts';

describe('bodyNodes', () => {
  const tree = parseBody(
    [
      'Said [@a]. See [the list [@b]](https://example.org/list) and ![map](https://example.org/map.png).',
      '',
      '> [ref *[@c]*][r] then [@d',
      '',
      '[r]: https://example.org/r',
    ].join('\n'),
  );

  it('gives the nodes of the types asked for in the order written, each saying whether it sits in a link', () => {
    const found = bodyNodes(tree, 'citation', 'link', 'image', 'linkReference', 'definition', 'brokenCitation').map(
      ({ node, inLink }) => [node.type, node.position?.start.line, node.position?.start.column, inLink],
    );
    expect(found).toEqual([
      ['citation', 1, 6, false],
      ['link', 1, 16, false],
      ['citation', 1, 26, true],
      ['image', 1, 62, false],
      ['linkReference', 3, 3, false],
      ['citation', 3, 9, true],
      ['brokenCitation', 3, 24, false],
      ['definition', 5, 1, false],
    ]);
  });

  it('answers every question about one tree from the same walk', () => {
    expect(bodyNodes(tree, 'citation')).toEqual(bodyNodes(tree, 'citation', 'html'));
    expect(bodyNodes(tree, 'citation')[0]).toBe(bodyNodes(tree, 'link', 'citation')[0]);
    expect(bodyNodes(tree, 'html')).toEqual([]);
  });
});
