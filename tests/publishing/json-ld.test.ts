import { describe, expect, test } from 'vitest';
import { serializeJsonLd } from '../../src/publishing/json-ld.ts';
import { articleStructuredData, claimRating, structuredDataBlocks } from '../../src/publishing/structured-data.ts';
import { CLAIM_STATUSES, articleSchema } from '../../src/format/index.ts';

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
    const value = {
      '@context': 'https://schema.org',
      headline: HOSTILE,
      list: ['İstanbul ı Київ 🇺🇦 עברית', 1, true, null],
    };
    expect(JSON.parse(serializeJsonLd(value))).toEqual(value);
  });

  test('refuses a value that is not JSON', () => {
    expect(() => serializeJsonLd(undefined)).toThrow('serializeJsonLd: the value cannot be written as JSON.');
  });
});

describe('claimRating', () => {
  test("places the four verdicts on Google's 1 (false) to 5 (true) scale, and gives the other ratings their name alone", () => {
    expect(CLAIM_STATUSES.map((status) => [status, claimRating(status)])).toEqual([
      ['confirmed', { '@type': 'Rating', ratingValue: 5, bestRating: 5, worstRating: 1, alternateName: 'Confirmed' }],
      [
        'missing-context',
        { '@type': 'Rating', ratingValue: 4, bestRating: 5, worstRating: 1, alternateName: 'Missing context' },
      ],
      ['misleading', { '@type': 'Rating', ratingValue: 2, bestRating: 5, worstRating: 1, alternateName: 'Misleading' }],
      ['false', { '@type': 'Rating', ratingValue: 1, bestRating: 5, worstRating: 1, alternateName: 'False' }],
      ['disputed', { '@type': 'Rating', alternateName: 'Disputed' }],
      ['unproven', { '@type': 'Rating', alternateName: 'Unproven' }],
      ['outdated', { '@type': 'Rating', alternateName: 'Outdated' }],
      ['not-checkable', { '@type': 'Rating', alternateName: 'Not checkable' }],
    ]);
  });
});

describe('articleStructuredData', () => {
  const article = articleSchema.parse({
    title: HOSTILE,
    description: 'What was agreed.',
    conclusion: 'One claim is false.',
    published: '2025-05-20',
    updated: '2025-05-22',
    authors: ['ann-writer', 'sourced-desk'],
    sources: [
      {
        id: 'kyiv',
        kind: 'primary',
        publisher: 'Office of the President',
        title: 'Statement',
        url: 'https://example.org/s',
        accessed: '2025-05-20',
        published: '2025-05-10',
        archive: 'https://web.archive.org/x',
      },
      {
        id: 'reuters',
        kind: 'news',
        publisher: 'Reuters',
        title: 'Talks',
        url: 'https://example.com/t',
        accessed: '2025-05-20',
      },
    ],
    claims: [
      { id: 'no-claimant', statement: 'Talks took place.', status: 'confirmed', sources: ['reuters'] },
      {
        id: 'with-claimant',
        statement: 'Putin will attend.',
        status: 'false',
        sources: ['kyiv'],
        claimant: 'A viral post',
        note: 'He did not.',
      },
    ],
    corrections: [{ date: '2025-05-22', text: 'An earlier version misnamed the city.' }],
  });
  const urls = {
    site: 'https://example.org/sub/',
    page: 'https://example.org/sub/articles/talks/',
    claim: (id: string) => `https://example.org/sub/articles/talks/#claim-${id}`,
    author: (id: string) => `https://example.org/sub/authors/${id}/`,
  };
  const registries = {
    authors: {
      'ann-writer': { name: 'Ann Writer', type: 'person' as const, url: 'https://example.net/ann' },
      'sourced-desk': { name: 'Sourced desk', type: 'organization' as const },
    },
    publishers: { tass: { name: 'TASS' }, kremlin: { name: 'Kremlin', homepage: 'https://example.org/kremlin' } },
  };

  test('describes the article as a NewsArticle and each claim with a claimant as a ClaimReview', () => {
    const publisher = { '@type': 'Organization', name: 'Sourced', url: 'https://example.org/sub/' };
    expect(articleStructuredData(article, urls, registries)).toEqual({
      '@context': 'https://schema.org',
      '@graph': [
        {
          '@type': 'NewsArticle',
          '@id': 'https://example.org/sub/articles/talks/#article',
          url: 'https://example.org/sub/articles/talks/',
          headline: HOSTILE,
          datePublished: '2025-05-20',
          dateModified: '2025-05-22',
          author: [
            {
              '@type': 'Person',
              name: 'Ann Writer',
              url: 'https://example.org/sub/authors/ann-writer/',
              sameAs: 'https://example.net/ann',
            },
            { '@type': 'Organization', name: 'Sourced desk', url: 'https://example.org/sub/authors/sourced-desk/' },
          ],
          publisher,
          correction: [
            {
              '@type': 'CorrectionComment',
              url: 'https://example.org/sub/articles/talks/#corrections-heading',
              datePublished: '2025-05-22',
            },
          ],
        },
        {
          '@type': 'ClaimReview',
          url: 'https://example.org/sub/articles/talks/#claim-with-claimant',
          claimReviewed: 'Putin will attend.',
          itemReviewed: { '@type': 'Claim', author: { name: 'A viral post' } },
          author: publisher,
          datePublished: '2025-05-20',
          reviewRating: {
            '@type': 'Rating',
            ratingValue: 1,
            bestRating: 5,
            worstRating: 1,
            alternateName: 'False',
            ratingExplanation: 'He did not.',
          },
        },
      ],
    });
  });

  test('names an author the registries do not list by id, as a Person', () => {
    const [newsArticle] = articleStructuredData(article, urls)['@graph'] as Record<string, unknown>[];
    expect(newsArticle?.['author']).toEqual([
      { '@type': 'Person', name: 'ann-writer' },
      { '@type': 'Person', name: 'sourced-desk' },
    ]);
  });

  test("gives a claim's ClaimReview when it was made, where it appeared first and since, the checked words as the Claim's text, and a typed claimant", () => {
    const claimed = articleSchema.parse({
      ...article,
      claims: [
        {
          id: 'by-publisher',
          statement: 'A.',
          status: 'false',
          sources: ['kyiv'],
          claimant: 'kremlin',
          date: '2025-05-11',
          appearances: ['reuters', 'kyiv'],
          wording: 'A, word for word.',
        },
        {
          id: 'by-author',
          statement: 'B.',
          status: 'missing-context',
          sources: ['kyiv'],
          claimant: 'ann-writer',
          date: '2025-05-11T01:00:00+03:00',
        },
        {
          id: 'by-desk',
          statement: 'C.',
          status: 'unproven',
          sources: ['kyiv'],
          claimant: 'sourced-desk',
          appearances: ['kyiv'],
        },
      ],
    });
    const reviews = (articleStructuredData(claimed, urls, registries)['@graph'] as Record<string, unknown>[]).slice(1);
    const reuters = { '@type': 'CreativeWork', url: 'https://example.com/t', headline: 'Talks' };
    const kyiv = {
      '@type': 'CreativeWork',
      url: 'https://example.org/s',
      headline: 'Statement',
      datePublished: '2025-05-10',
    };
    expect(reviews.map((review) => review['itemReviewed'])).toEqual([
      {
        '@type': 'Claim',
        author: { '@type': 'Organization', name: 'Kremlin', url: 'https://example.org/kremlin' },
        datePublished: '2025-05-11',
        text: 'A, word for word.',
        appearance: [reuters, kyiv],
        firstAppearance: reuters,
      },
      {
        '@type': 'Claim',
        author: {
          '@type': 'Person',
          name: 'Ann Writer',
          url: 'https://example.org/sub/authors/ann-writer/',
          sameAs: 'https://example.net/ann',
        },
        datePublished: '2025-05-11T01:00:00+03:00',
      },
      {
        '@type': 'Claim',
        author: { '@type': 'Organization', name: 'Sourced desk', url: 'https://example.org/sub/authors/sourced-desk/' },
        appearance: [kyiv],
        firstAppearance: kyiv,
      },
    ]);
    // Still a complete ClaimReview: the reviewed statement, a rating, the reviewer and the date.
    expect(reviews[0]).toMatchObject({
      '@type': 'ClaimReview',
      claimReviewed: 'A.',
      author: { '@type': 'Organization', name: 'Sourced' },
      datePublished: '2025-05-20',
      reviewRating: { ratingValue: 1 },
    });
  });

  test('names no headline for an appearance whose headline is unknown: a description is no headline', () => {
    const described = articleSchema.parse({
      ...article,
      sources: article.sources.map((source: { id: string; title: string }) =>
        source.id === 'reuters'
          ? { ...source, title: 'A post on the talks (headline not shown in stored copy)' }
          : source,
      ),
      claims: [{ id: 'a', statement: 'A.', status: 'false', sources: ['kyiv'], appearances: ['reuters'] }],
    });
    const [, review] = articleStructuredData(described, urls, registries)['@graph'] as Record<string, unknown>[];
    expect((review!['itemReviewed'] as Record<string, unknown>)['appearance']).toEqual([
      { '@type': 'CreativeWork', url: 'https://example.com/t' },
    ]);
  });

  test('uses the publication date as dateModified when there is no update, and leaves out empty corrections', () => {
    const plain = articleSchema.parse({ ...article, updated: undefined, corrections: [] });
    const [newsArticle] = articleStructuredData(plain, urls)['@graph'] as Record<string, unknown>[];
    expect(newsArticle?.['dateModified']).toBe('2025-05-20');
    expect(newsArticle).not.toHaveProperty('correction');
  });

  test('splits into the ClaimReviews for the head and the NewsArticle for the source list, together the same nodes', () => {
    const data = articleStructuredData(article, urls, registries);
    const [newsArticle, ...reviews] = data['@graph'] as Record<string, unknown>[];
    expect(reviews.map((node) => node['@type'])).toEqual(['ClaimReview']);
    expect(structuredDataBlocks(data)).toEqual({
      reviews: { '@context': 'https://schema.org', '@graph': reviews },
      article: { '@context': 'https://schema.org', '@graph': [newsArticle] },
    });
    const unclaimed = articleSchema.parse({
      ...article,
      claims: article.claims.filter((claim) => claim.claimant === undefined),
    });
    expect(structuredDataBlocks(articleStructuredData(unclaimed, urls)).reviews).toBeUndefined();
  });
});
