import { dateValue, type Correction } from '../format/index.ts';

/** One correction, with the article it belongs to. */
export interface SiteCorrection<T> {
  article: T;
  correction: Correction;
}

/** Every correction of every article, newest first; same-day corrections keep article and list order. */
export function collectCorrections<T extends { id: string; data: { corrections: readonly Correction[] } }>(
  articles: readonly T[],
): SiteCorrection<T>[] {
  const all = articles.flatMap((article) => article.data.corrections.map((correction) => ({ article, correction })));
  return all
    .map((item, index) => ({ item, index }))
    .sort((a, b) => dateValue(b.item.correction.date) - dateValue(a.item.correction.date) || a.index - b.index)
    .map(({ item }) => item);
}
