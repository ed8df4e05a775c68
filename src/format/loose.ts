/** Frontmatter read before (or despite) validation: any field may be missing or of the wrong type. */
export type Loose = Record<string, unknown>;

/** The items of a list field, each as a loose record (`{}` for an item that is not a mapping); `[]` for anything but a list. */
export const list = (value: unknown): Loose[] =>
  Array.isArray(value) ? value.map((item) => (item && typeof item === 'object' ? (item as Loose) : {})) : [];
