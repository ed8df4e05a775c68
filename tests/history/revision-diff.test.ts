import { describe, expect, it } from 'vitest';
import { diffSnapshots } from '../../src/history/revision-diff.ts';
import { publishedSnapshot, type Snapshot } from '../../src/history/snapshot.ts';
import { attributionText, visibleBlocks } from '../../src/history/visible-text.ts';
import { article, VALID_BODY, VALID_FRONTMATTER } from '../helpers/articles.ts';

const snapshot = (frontmatter: string, body = VALID_BODY): Snapshot =>
  publishedSnapshot('talks.md', article(frontmatter, body))!;
const blocksOf = (state: Snapshot) => visibleBlocks(state.body, attributionText(state.article));
const corrections = (...texts: [date: string, text: string][]) =>
  `corrections:\n${texts.map(([date, text]) => `  - date: ${date}\n    text: ${text}\n`).join('')}`;

describe('diffSnapshots', () => {
  it('leaves out HTML comments and sees the text as readers read it', () => {
    const before = snapshot(VALID_FRONTMATTER, `${VALID_BODY}\n<!-- legal: check the second source -->\n`);
    const after = snapshot(
      VALID_FRONTMATTER,
      `${VALID_BODY}\n<!-- legal: done, it holds -->\n\nSee [the statement](https://www.president.gov.ua/) <!-- inline note -->too. [@kyiv-statement]\n`,
    );
    expect(blocksOf(after)).toEqual([
      'What happened',
      'Leaders met in Kyiv. (Office of the President of Ukraine)',
      'They demanded a ceasefire. (Office of the President of Ukraine, Reuters)',
      'The delegations met in Istanbul. (Reuters)',
      'See the statement too. (Office of the President of Ukraine)',
    ]);
    expect(diffSnapshots(before, after, blocksOf)).toEqual([
      { kind: 'paragraph-added', text: 'See the statement too. (Office of the President of Ukraine)' },
    ]);
    expect(
      diffSnapshots(before, snapshot(VALID_FRONTMATTER, `${VALID_BODY}\n<!-- legal: changed its mind -->\n`), blocksOf),
    ).toEqual([]);
  });

  it('shows a reworded correction word by word, and a removed one', () => {
    const before = snapshot(
      `${VALID_FRONTMATTER}updated: 2025-05-25\n${corrections(['2025-05-24', 'We gave the wrong day.'], ['2025-05-25', 'We misspelled a name.'])}`,
    );
    const after = snapshot(
      `${VALID_FRONTMATTER}updated: 2025-05-25\n${corrections(['2025-05-24', 'We gave the wrong day for [@ceasefire-demand].'])}`,
    );
    expect(diffSnapshots(before, after, blocksOf)).toEqual([
      {
        kind: 'correction-changed',
        date: '2025-05-24',
        words: [
          { kind: 'same', text: 'We gave the wrong day ' },
          { kind: 'ins', text: 'for [@ceasefire-demand]' },
          { kind: 'same', text: '.' },
        ],
      },
      { kind: 'correction-removed', date: '2025-05-25', text: 'We misspelled a name.' },
    ]);
  });
});
