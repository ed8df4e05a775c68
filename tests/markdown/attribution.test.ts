import { describe, expect, it } from 'vitest';
import * as attribution from '../../src/template/page-ids.ts';
import { CitationNumbering, indexTargets, numberSources, shortPublisher } from '../../src/markdown/attribution.ts';

const SOURCES = [
  {
    id: 'reuters-talks',
    publisher: 'Reuters (Elizabeth Piper), republished by daily8.com',
    title: 'Talks end',
    published: '2025-05-16',
  },
  { id: 'kyiv-statement', publisher: 'Office of the President of Ukraine', title: 'Joint statement' },
];
const CLAIMS = [{ id: 'talks-ended', status: 'confirmed', sources: ['kyiv-statement', 'reuters-talks'] }];

describe('attribution', () => {
  it('names the anchors: permalinks by id, cards and places by number', () => {
    expect([
      attribution.sourceAnchor('kyiv-statement'),
      attribution.claimAnchor('talks-ended'),
      attribution.cardAnchor(2),
      attribution.citeAnchor(17),
    ]).toEqual(['source-kyiv-statement', 'claim-talks-ended', 'card-2', 'cite-17']);
  });
});

describe('shortPublisher', () => {
  it('shows a publisher up to its first parenthesis', () => {
    expect(shortPublisher('Reuters (Elizabeth Piper), republished by daily8.com')).toBe('Reuters');
    expect(shortPublisher('BBC News')).toBe('BBC News');
    expect(shortPublisher('(anonymous)')).toBe('(anonymous)');
  });
});

describe('numberSources', () => {
  it('numbers the sources by their place in the list, from 1, which every attribution and card uses', () => {
    const numbered = numberSources(SOURCES);
    expect([...numbered].map(([id, { source, number }]) => [id, source.title, number])).toEqual([
      ['reuters-talks', 'Talks end', 1],
      ['kyiv-statement', 'Joint statement', 2],
    ]);
    expect(indexTargets(SOURCES, CLAIMS).get('kyiv-statement')).toEqual({
      kind: 'source',
      source: SOURCES[1],
      number: 2,
    });
  });
});

describe('CitationNumbering', () => {
  it("numbers every place in order, a cited claim as one place (its sources are on its card), and lists each id's places", () => {
    const numbering = new CitationNumbering(indexTargets(SOURCES, CLAIMS));
    expect(numbering.resolve(['kyiv-statement'])).toEqual([
      {
        kind: 'source',
        link: { card: 'card-2', anchor: 'cite-1', label: 'Office of the President of Ukraine' },
      },
    ]);
    expect(numbering.resolve(['talks-ended', 'reuters-talks'])).toEqual([
      {
        kind: 'claim',
        card: 'claim-talks-ended',
        anchor: 'cite-2',
        status: 'confirmed',
      },
      { kind: 'source', link: { card: 'card-1', anchor: 'cite-3', label: 'Reuters' } },
    ]);
    expect(Object.fromEntries(numbering.places)).toEqual({
      'kyiv-statement': ['cite-1'],
      'talks-ended': ['cite-2'],
      'reuters-talks': ['cite-3'],
    });
  });

  it('refuses an id that names nothing', () => {
    expect(() => new CitationNumbering(indexTargets(SOURCES, [])).resolve(['nobody'])).toThrow(
      'Citation [@nobody] matches no source or claim',
    );
  });
});
