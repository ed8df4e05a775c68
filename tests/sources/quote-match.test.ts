import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/sources/normalize.ts';
import { closestPassage, matchQuote, quoteParts } from '../../src/sources/quote-match.ts';

const PAGE = `Kyiv, 11 May.\nPresident Zelensky said: “I will be waiting for Putin in Türkiye on Thursday.\u00a0Personally.”\n\nHe added that the ceasefire — full, lasting and reliable — must start tomorrow.`;

describe('normalizeText', () => {
  it('folds curly quotes, dashes, non-breaking and repeated spaces, invisible characters and case', () => {
    expect(normalizeText('“Don’t”\u00a0\u00a0stop — NOW\u200b!')).toBe(`"don't" stop - now!`);
  });
  it('composes letters written with combining marks (NFKC)', () => {
    expect(normalizeText('Tu\u0308rkiye')).toBe('türkiye');
  });
});

describe('matchQuote', () => {
  it('finds a quote word for word, whatever the white space between blocks: exact', () => {
    expect(matchQuote('Kyiv, 11 May. President Zelensky said:', PAGE)).toEqual({ match: 'exact', score: 1 });
  });
  it('finds a quote with straight quotes, plain spaces and other case: normalized', () => {
    expect(matchQuote('"i will be waiting for putin in Türkiye on thursday. personally."', PAGE)).toEqual({
      match: 'normalized',
      score: 1,
    });
  });
  it('finds a quote with a dropped comma: fuzzy, with its score', () => {
    expect(matchQuote('the ceasefire - full lasting and reliable - must start tomorrow', PAGE)).toEqual({
      match: 'fuzzy',
      score: 0.98,
    });
  });
  it('reports a quote that is not there as missing, with the closest score', () => {
    const result = matchQuote('Russia agreed to an unconditional ceasefire starting on Monday', PAGE);
    expect(result.match).toBe('missing');
    expect(result.score).toBeLessThan(0.9);
  });
  it('matches the parts of a quote with [...] or … in order, and not out of order', () => {
    expect(matchQuote('Kyiv, 11 May. [...] He added that the ceasefire', PAGE)).toEqual({ match: 'exact', score: 1 });
    expect(matchQuote('kyiv, 11 may … he added', PAGE)).toEqual({ match: 'normalized', score: 1 });
    expect(matchQuote('He added that the ceasefire […] Kyiv, 11 May.', PAGE).match).toBe('missing');
  });
  it('matches a Russian quote the same way', () => {
    expect(matchQuote('«МЫ ГОТОВЫ к переговорам»', 'Он сказал: "Мы готовы к переговорам", и ушёл.')).toEqual({
      match: 'normalized',
      score: 1,
    });
  });
});

describe('quoteParts and closestPassage', () => {
  it('splits on every ellipsis form and drops empty parts', () => {
    expect(quoteParts('… one [...] two […] three... four [ . . . ]')).toEqual(['one', 'two', 'three', 'four']);
  });
  it('gives the edit distance of the closest passage and where it ends', () => {
    expect(closestPassage('abcd', 'xxabxdyy')).toEqual({ distance: 1, end: 6 });
  });
});
