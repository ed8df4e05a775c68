import { describe, expect, test } from 'vitest';
import { serializeJsonLd } from '../../src/publishing/json-ld.ts';
import { articleStructuredData, claimRating } from '../../src/publishing/structured-data.ts';
import { articleSchema } from '../../src/format/index.ts';

const HOSTILE = '</script><script>alert(1)</script> & "quotes" <!-- \u2028\u2029';

describe('serializeJsonLd', () => {
  test('escapes <, >, & and the line and paragraph separators', () => {
    expect(serializeJsonLd({ headline: HOSTILE })).toBe(
      '{"headline":"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e \\u0026 \\"quotes\\" \\u003c!-- \\u2028\\u2029"}',
    );
  });

  test('writes no character that HTML could read as markup', () => {
    const text = serializeJsonLd({ a: HOSTILE, b: [HOSTILE, { c: '<SCRIPT>' }] });
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
  });

  test('parses back to the same value', () => {
    const value = { '@context': 'https://schema.org', headline: HOSTILE, list: ['İstanbul ı Київ 🇺🇦 עברית', 1, true, null] };
    expect(JSON.parse(serializeJsonLd(value))).toEqual(value);
  });

  test('refuses a value that is not JSON', () => {
    expect(() => serializeJsonLd(undefined)).toThrow('serializeJsonLd: the value cannot be written as JSON.');
  });
});

describe('claimRating', () => {
  test('ranks the statuses from best to worst supported, 6 to 1, with the label the page shows', () => {
    expect(
      (['confirmed', 'reported', 'disputed', 'misleading', 'unverified', 'false'] as const).map((status) => [
        status,
        claimRating(status).ratingValue,
        claimRating(status).alternateName,
      ]),
    ).toEqual([
      ['confirmed', 6, 'Confirmed'],
      ['reported', 5, 'Reported'],
      ['disputed', 4, 'Disputed'],
      ['misleading', 3, 'Misleading'],
      ['unverified', 2, 'Unverified'],
      ['false', 1, 'False'],
    ]);
    expect(claimRating('false')).toEqual({ '@type': 'Rating', ratingValue: 1, bestRating: 6, worstRating: 1, alternateName: 'False' });
  });
});

describe('articleStructuredData', () => {
  const article = articleSchema.parse({
    title: HOSTILE,
    description: 'What was agreed.',
    published: '2025-05-20',
    updated: '2025-05-22',
    authors: ['Ann Writer', 'Bo Editor'],
    sources: [
      { id: 'kyiv', kind: 'primary', publisher: 'Office of the President', title: 'Statement', url: 'https://example.org/s', accessed: '2025-05-20', published: '2025-05-10', archive: 'https://web.archive.org/x' },
      { id: 'reuters', kind: 'news', publisher: 'Reuters', title: 'Talks', url: 'https://example.com/t', accessed: '2025-05-20' },
    ],
    claims: [
      { id: 'no-claimant', statement: 'Talks took place.', status: 'confirmed', sources: ['reuters'] },
      { id: 'with-claimant', statement: 'Putin will attend.', status: 'false', sources: ['kyiv'], claimant: 'A viral post', note: 'He did not.' },
    ],
    corrections: [{ date: '2025-05-22', text: 'An earlier version misnamed the city.' }],
  });
  const urls = {
    site: 'https://example.org/sub/',
    page: 'https://example.org/sub/articles/talks/',
    claim: (id: string) => `https://example.org/sub/articles/talks/#claim-${id}`,
  };

  test('describes the article as a NewsArticle and each claim with a claimant as a ClaimReview', () => {
    const publisher = { '@type': 'Organization', name: 'Sourced', url: 'https://example.org/sub/' };
    expect(articleStructuredData(article, urls)).toEqual({
      '@context': 'https://schema.org',
      '@graph': [
        {
          '@type': 'NewsArticle',
          '@id': 'https://example.org/sub/articles/talks/#article',
          url: 'https://example.org/sub/articles/talks/',
          mainEntityOfPage: 'https://example.org/sub/articles/talks/',
          headline: HOSTILE,
          description: 'What was agreed.',
          datePublished: '2025-05-20',
          dateModified: '2025-05-22',
          author: [
            { '@type': 'Person', name: 'Ann Writer' },
            { '@type': 'Person', name: 'Bo Editor' },
          ],
          publisher,
          citation: ['https://example.org/s', 'https://example.com/t'],
          correction: [{ '@type': 'CorrectionComment', text: 'An earlier version misnamed the city.', datePublished: '2025-05-22' }],
        },
        {
          '@type': 'ClaimReview',
          url: 'https://example.org/sub/articles/talks/#claim-with-claimant',
          claimReviewed: 'Putin will attend.',
          itemReviewed: { '@type': 'Claim', author: { name: 'A viral post' } },
          author: publisher,
          datePublished: '2025-05-20',
          reviewRating: { '@type': 'Rating', ratingValue: 1, bestRating: 6, worstRating: 1, alternateName: 'False', ratingExplanation: 'He did not.' },
        },
      ],
    });
  });

  test('uses the publication date as dateModified when there is no update, and leaves out empty corrections', () => {
    const plain = articleSchema.parse({ ...article, updated: undefined, corrections: [] });
    const [newsArticle] = articleStructuredData(plain, urls)['@graph'] as Record<string, unknown>[];
    expect(newsArticle?.['dateModified']).toBe('2025-05-20');
    expect(newsArticle).not.toHaveProperty('correction');
  });
});
