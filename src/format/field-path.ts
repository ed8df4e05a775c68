/** What one entry of each list of the frontmatter is called. */
export const ENTRY_NAMES: Record<string, string> = {
  sources: 'source',
  claims: 'claim',
  timeline: 'timeline event',
  corrections: 'correction',
  authors: 'author',
  topics: 'topic',
};

/** An id worth naming beside an entry's number: one word, short enough to read. */
const SHOWN_ID = /^[^\s`]{1,80}$/;

/**
 * A field or list entry as people count and name it: `"title"`, `source 4 (`council-minutes`)`,
 * `"url" of source 4 (`council-minutes`)`, `source 2 of claim 1 (`ceasefire-demand`)`, `topic 2`.
 * Entries are numbered from 1 and named by their `id` when `data` (the frontmatter) has one.
 */
export function describePath(path: readonly PropertyKey[], data?: unknown): string {
  if (path.length === 0) return 'the frontmatter';
  const parts: string[] = [];
  let value = data;
  for (let index = 0; index < path.length; index++) {
    const key = path[index]!;
    const next = path[index + 1];
    value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
    if (typeof key === 'string' && typeof next === 'number') {
      value = Array.isArray(value) ? value[next] : undefined;
      const id = value !== null && typeof value === 'object' ? (value as { id?: unknown }).id : undefined;
      parts.push(
        `${ENTRY_NAMES[key] ?? `entry of "${key}"`} ${next + 1}${typeof id === 'string' && SHOWN_ID.test(id) ? ` (\`${id}\`)` : ''}`,
      );
      index++;
    } else {
      parts.push(`"${String(key)}"`);
    }
  }
  return parts.reverse().join(' of ');
}

/**
 * `describePath` as the subject of a sentence: `Field "url" of source 2 (`reuters-talks`)` for a
 * field, `Source 2 of claim 1 (`ceasefire-demand`)` for a list entry.
 */
export function describeSubject(path: readonly PropertyKey[], data?: unknown): string {
  const described = describePath(path, data);
  return typeof path[path.length - 1] === 'number'
    ? described.charAt(0).toUpperCase() + described.slice(1)
    : `Field ${described}`;
}
