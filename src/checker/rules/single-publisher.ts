import { publisherKey } from '../../format/publisher.ts';
import { TEMPLATE_PLACEHOLDERS } from './placeholder.ts';
import type { Rule } from './rule.ts';

/**
 * The claims do not all rest on one publisher. Publishers are told apart as the evidence profile
 * and the sources page tell them apart (`publisherKey`: case and surrounding spaces do not count).
 *
 * Good: one claim sourced to Reuters, another to the BBC.
 * Bad: every claim sourced to Reuters (or to `Reuters` and `reuters `):
 * `Every claim rests on one publisher (Reuters); add an independent source to at least one claim.`
 */
export const singlePublisher: Rule = {
  id: 'single-publisher',
  severity: 'warning',
  description: 'The claims do not all rest on a single publisher.',
  check({ article }, report) {
    if (!article || article.claims.length === 0) return;
    const publisherOf = new Map(article.sources.map((source) => [source.id, source.publisher.trim()]));
    const publishers = new Map<string, string>();
    for (const id of article.claims.flatMap((claim) => claim.sources)) {
      const name = publisherOf.get(id) ?? id;
      if (!publishers.has(publisherKey(name))) publishers.set(publisherKey(name), name);
    }
    // The template's example publisher is no publisher yet: the placeholder rule reports it on publication.
    if (publishers.size === 1 && !publishers.has(publisherKey(TEMPLATE_PLACEHOLDERS.sourcePublisher))) {
      report.field(
        ['claims'],
        `Every claim rests on one publisher (${[...publishers.values()][0]}); add an independent source to at least one claim.`,
      );
    }
  },
};
