import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLAIM_STATUSES } from '../../src/format/index.ts';
import { RATING_VALUES } from '../../src/publishing/structured-data.ts';
import { STATUS_LABELS } from '../../src/site/labels.ts';
import { ROOT } from '../helpers/site.ts';

const methodology = readFileSync(join(ROOT, 'content/pages/methodology.md'), 'utf8');

/** The text of the methodology section under `### <heading>`, up to the next heading. */
function section(heading: string): string | undefined {
  const start = methodology.indexOf(`\n### ${heading}\n`);
  if (start < 0) return undefined;
  const rest = methodology.slice(start + heading.length + 6);
  return rest.slice(0, rest.search(/\n#{2,3} /) >>> 0);
}

describe('the rating scale', () => {
  it('defines every rating on the methodology page in the words the site shows, with an example', () => {
    for (const status of CLAIM_STATUSES) {
      const { label, meaning } = STATUS_LABELS[status];
      const text = section(label);
      expect(text, `### ${label}`).toBeDefined();
      expect(text, label).toContain(meaning);
      expect(text, label).toMatch(/\nExample: /);
    }
  });

  it('prints the ClaimReview numbers the structured data uses, and only for the ratings that have one', () => {
    const table = [...methodology.matchAll(/^\| ([A-Z][a-z ]+) \| (\d) \|$/gm)].map(([, label, value]) => [
      label,
      Number(value),
    ]);
    expect(table).toEqual(
      CLAIM_STATUSES.filter((status) => RATING_VALUES[status] !== undefined).map((status) => [
        STATUS_LABELS[status].label,
        RATING_VALUES[status],
      ]),
    );
  });
});
