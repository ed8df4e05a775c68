import { describe, expect, it } from 'vitest';
import { collectPublishers } from '../../src/site/publishers.ts';
import { collectCorrections } from '../../src/site/corrections.ts';
import { collectTopics, topicLabel } from '../../src/site/topics.ts';
import type { Correction, Source } from '../../src/format/index.ts';

const source = (publisher: string, url: string): Source => ({
  id: 'x',
  kind: 'news',
  publisher,
  title: 'T',
  url,
  accessed: '2025-05-20',
});

describe('topics', () => {
  it('labels a slug for readers', () => {
    expect(topicLabel('russia-ukraine-war')).toBe('Russia ukraine war');
    expect(topicLabel('g7')).toBe('G7');
  });

  it('lists every topic by slug, with its articles in the order given, each article once', () => {
    const a = { id: 'a', data: { topics: ['diplomacy', 'war', 'diplomacy'] } };
    const b = { id: 'b', data: { topics: ['diplomacy'] } };
    expect(collectTopics([a, b])).toEqual([
      { slug: 'diplomacy', label: 'Diplomacy', articles: [a, b] },
      { slug: 'war', label: 'War', articles: [a] },
    ]);
  });
});

describe('publishers', () => {
  it('lists each publisher once, most cited first, with the articles citing it', () => {
    const a = { id: 'a', data: { sources: [source('BBC News', 'https://bbc.co.uk/1'), source('Reuters', 'https://reuters.com/1'), source('bbc news ', 'https://bbc.co.uk/2')] } };
    const b = { id: 'b', data: { sources: [source('Reuters', 'https://reuters.com/1'), source('AP', 'https://apnews.com/1')] } };
    expect(collectPublishers([a, b])).toEqual([
      { publisher: 'Reuters', articles: [a, b], documents: 1 },
      { publisher: 'BBC News', articles: [a], documents: 2 },
      { publisher: 'AP', articles: [b], documents: 1 },
    ]);
  });
});

describe('site corrections', () => {
  it('lists every correction newest first, keeping the order of same-day corrections', () => {
    const correction = (date: string, text: string): Correction => ({ date, text });
    const a = { id: 'a', data: { corrections: [correction('2025-05-01', 'a1'), correction('2025-06-01', 'a2')] } };
    const b = { id: 'b', data: { corrections: [correction('2025-06-01', 'b1'), correction('2025-05-15', 'b2')] } };
    expect(collectCorrections([a, b]).map(({ article, correction: { text } }) => `${article.id}:${text}`)).toEqual([
      'a:a2',
      'b:b1',
      'b:b2',
      'a:a1',
    ]);
  });
});
