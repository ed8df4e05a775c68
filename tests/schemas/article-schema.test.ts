import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  articleSchema,
  articleSummarySchema,
  isCalendarDate,
  isDateOrDateTime,
  summarizeArticle,
  unsafeUrlReason,
} from '../../src/format/index.ts';
import { VALID_FRONTMATTER } from '../helpers/articles.ts';

const valid = () => parse(VALID_FRONTMATTER) as Record<string, unknown>;
const messages = (data: unknown) => {
  const result = articleSchema.safeParse(data);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('articleSchema', () => {
  it('accepts a minimal valid article and fills in the defaults', () => {
    const result = articleSchema.parse(valid());
    expect(result.draft).toBe(false);
    expect(result.timeline).toEqual([]);
    expect(result.corrections).toEqual([]);
    expect(result.published).toBe('2025-05-20');
  });

  it('refuses an unknown field instead of ignoring it', () => {
    expect(messages({ ...valid(), souces: [] })).toEqual([': Unrecognized key: "souces"']);
  });

  it('refuses 2025-02-30 instead of rolling it over to March', () => {
    expect(messages({ ...valid(), published: '2025-02-30' })).toEqual([
      'published: is "2025-02-30", which is not a real date; write YYYY-MM-DD (for example 2025-05-11) or a date-time with an offset (2025-05-11T09:30:00+03:00)',
    ]);
  });

  it('refuses javascript: URLs, which z.url() would accept', () => {
    const data = valid();
    (data.sources as Record<string, unknown>[])[0]!.url = 'javascript:alert(1)';
    expect(messages(data)).toEqual([
      'sources.0.url: is not a plain http(s) address: it uses the "javascript:" scheme; only http: and https: are allowed',
    ]);
  });

  it('refuses an update before publication and a source read before it was published', () => {
    const data: Record<string, unknown> = { ...valid(), updated: '2025-05-19' };
    (data.sources as Record<string, unknown>[])[0]!.published = '2025-05-21';
    expect(messages(data)).toEqual([
      'updated: is 2025-05-19, before published (2025-05-20); an update cannot come before publication',
      'sources.0.accessed: is 2025-05-20, before the source was published (2025-05-21); a source cannot be read before it exists',
    ]);
  });

  it('refuses an id used twice across sources and claims, and a claim citing an unknown source', () => {
    const data = valid();
    const claims = data.claims as Record<string, unknown>[];
    claims[0]!.id = 'reuters-talks';
    claims[0]!.sources = ['kyiv-statment'];
    expect(messages(data)).toEqual([
      'claims.0.id: has the id "reuters-talks", already the id of source 2; ids must be unique across sources and claims',
      'claims.0.sources.0: names "kyiv-statment", which is not the id of a source in this article',
    ]);
  });

  it('runs the cross-field checks even when another field is invalid', () => {
    const data: Record<string, unknown> = { ...valid(), title: 42 };
    (data.claims as Record<string, unknown>[])[0]!.sources = ['nowhere'];
    expect(messages(data)).toEqual([
      'title: must be text',
      'claims.0.sources.0: names "nowhere", which is not the id of a source in this article',
    ]);
  });

  it('refuses a status outside the vocabulary', () => {
    const data = valid();
    (data.claims as Record<string, unknown>[])[0]!.status = 'true';
    expect(messages(data)).toEqual([
      'claims.0.status: must be one of confirmed, missing-context, misleading, false, disputed, unproven, outdated, not-checkable',
    ]);
  });
});

describe('dates', () => {
  it.each([
    ['2025-05-11', true],
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2025-02-30', false],
    ['2025-13-01', false],
    ['2025-00-10', false],
    ['2025-5-11', false],
    ['11/05/2025', false],
  ])('isCalendarDate(%s) is %s', (value, expected) => expect(isCalendarDate(value)).toBe(expected));

  it.each([
    ['2025-05-11T21:30:54+00:00', true],
    ['2025-05-11T21:30:54Z', true],
    ['2025-05-11T21:30+03:00', true],
    ['2025-05-11T24:00:00Z', false],
    ['2025-05-11T21:30:54', false],
    ['2025-02-30T10:00:00Z', false],
  ])('isDateOrDateTime(%s) is %s', (value, expected) => expect(isDateOrDateTime(value)).toBe(expected));
});

describe('unsafeUrlReason', () => {
  it.each([
    ['https://example.org/page', null],
    ['http://example.org', null],
    ['HTTPS://EXAMPLE.ORG/', null],
    ['javascript:alert(1)', 'it uses the "javascript:" scheme; only http: and https: are allowed'],
    ['JaVaScRiPt:alert(1)', 'it uses the "javascript:" scheme; only http: and https: are allowed'],
    ['data:text/html,<script>alert(1)</script>', 'it uses the "data:" scheme; only http: and https: are allowed'],
    [' https://example.org', 'it has spaces at the start or end'],
    ['java\tscript:alert(1)', 'it contains spaces, tabs, newlines or control characters'],
    ['&#106;avascript:alert(1)', 'it is not an absolute address; start it with https://'],
    ['//evil.example/x', 'it is protocol-relative; start it with https://'],
    ['https://user:pass@example.org/', 'it contains a user name or password'],
    ['https:///example.org', 'it has no host after the scheme'],
    ['https://intranet/', '"intranet" is not a public host name'],
  ])('%j -> %j', (url, reason) => expect(unsafeUrlReason(url)).toBe(reason));
});

describe('summarizeArticle', () => {
  it('keeps what listings show and only that: counts instead of claims and sources, each publisher once', () => {
    const article = articleSchema.parse({
      ...valid(),
      topics: ['diplomacy', 'war', 'diplomacy'],
      sources: [
        {
          id: 'a',
          kind: 'primary',
          publisher: ' BBC News',
          title: 'A',
          url: 'https://example.org/a',
          accessed: '2025-05-20',
          party: true,
        },
        {
          id: 'b',
          kind: 'news',
          publisher: 'bbc news',
          title: 'B',
          url: 'https://example.org/b',
          accessed: '2025-05-20',
        },
        {
          id: 'c',
          kind: 'news',
          publisher: 'Reuters',
          title: 'C',
          url: 'https://example.org/c',
          accessed: '2025-05-20',
        },
      ],
      claims: [{ id: 'met', statement: 'They met.', status: 'confirmed', sources: ['a'] }],
      timeline: [],
    });
    const summary = summarizeArticle(article, '/cache/x.json');
    expect(summary).toEqual({
      title: article.title,
      description: article.description,
      conclusion: article.conclusion,
      ratings: [{ status: 'confirmed', count: 1 }],
      published: article.published,
      authors: article.authors,
      topics: ['diplomacy', 'war'],
      corrections: article.corrections,
      evidence: { claims: 1, sources: 3, publishers: 2, primary: 1, parties: 1, stateAffiliated: 0 },
      publishers: ['BBC News', 'Reuters'],
      claims: [{ id: 'met', status: 'confirmed' }],
      stored: '/cache/x.json',
    });
    expect(articleSummarySchema.parse(summary)).toEqual(summary);
  });
});
