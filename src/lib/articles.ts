import { dateValue } from '../schemas/index.ts';

interface Dated {
  id: string;
  data: { published: string };
}

/** Newest first; articles published the same day keep a stable order by slug. */
export function byNewestFirst<T extends Dated>(a: T, b: T): number {
  return dateValue(b.data.published) - dateValue(a.data.published) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
