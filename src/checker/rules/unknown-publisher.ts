import { TEMPLATE_PLACEHOLDERS } from './placeholder.ts';
import { list } from '../../format/loose.ts';
import type { RegistryIndex } from '../registry-index.ts';
import { closestMatch } from '../suggest.ts';
import type { Rule } from './rule.ts';

/**
 * A source's `publisher` is an id of content/publishers.yaml, so that the page can say what kind
 * of publisher it is and whether a state stands behind it, and the evidence profile counts each
 * publisher once. A name is accepted, with this warning. `via:` may be an id or a name. Applied
 * when the article has registries above it.
 *
 * Good: `publisher: tass`. Bad: `publisher: TASS`:
 * `Publisher "TASS" is not an id of content/publishers.yaml; did you mean "tass"? ...`
 */
export const unknownPublisher: Rule = {
  id: 'unknown-publisher',
  severity: 'warning',
  description: "Each source's publisher is an id of content/publishers.yaml (a name draws this warning).",
  check({ fields, registries }, report) {
    if (!fields || !registries) return;
    const ids = new Set(registries.publishers.map((publisher) => publisher.id));
    list(fields.sources).forEach((source, index) => {
      const { publisher } = source;
      // The template's example publisher is the placeholder rule's to report, once the article is published.
      if (
        typeof publisher !== 'string' ||
        publisher.trim() === '' ||
        ids.has(publisher) ||
        publisher === TEMPLATE_PLACEHOLDERS.sourcePublisher
      )
        return;
      const suggestion = suggestPublisher(publisher, registries.publishers);
      report.field(
        ['sources', index, 'publisher'],
        `Publisher "${publisher}" is not an id of ${registries.files.publishers}${suggestion ? `; did you mean "${suggestion}"?` : '.'} Write the id of a listed publisher (and via: for a site that republished it), or add the publisher there.`,
      );
    });
  },
};

/**
 * The id of the listed publisher a name most likely means: the one whose name or id is the
 * name, ignoring case; else the closest id or name; else the one whose name starts the text
 * (`Reuters (Elizabeth Piper), republished by daily8.com` is `reuters`).
 */
export function suggestPublisher(text: string, publishers: RegistryIndex['publishers']): string | undefined {
  const wanted = text.trim().toLowerCase();
  const exact = publishers.find(({ id, name }) => id === wanted || name.toLowerCase() === wanted);
  if (exact) return exact.id;
  const byId = new Map(
    publishers.flatMap(
      ({ id, name }) =>
        [
          [id, id],
          [name, id],
        ] as const,
    ),
  );
  const close = closestMatch(text.trim(), [...byId.keys()]);
  if (close !== undefined) return byId.get(close);
  const prefixed = publishers
    .filter(({ name }) => new RegExp(`^${escapeRegExp(name.toLowerCase())}(?![\\p{L}\\p{N}])`, 'u').test(wanted))
    .sort((a, b) => b.name.length - a.name.length);
  return prefixed[0]?.id;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
