import jsYaml from 'js-yaml';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { listArticleFiles } from '../../src/format/article-files.ts';
import { splitFrontmatter } from '../../src/reader/frontmatter.ts';
import { ROOT } from '../helpers/site.ts';

/** Every frontmatter the tests hold: the bad-input corpus, the fixtures' articles and the site's own. */
function frontmatters(): [string, string][] {
  const files = [
    ...readdirSync(join(ROOT, 'tests/fixtures/bad')).flatMap((name) => {
      const folder = join(ROOT, 'tests/fixtures/bad', name);
      return readdirSync(folder)
        .filter((file) => file.endsWith('.md'))
        .map((file) => join(folder, file));
    }),
    ...listArticleFiles(join(ROOT, 'tests/fixtures')).map((path) => join(ROOT, 'tests/fixtures', path)),
    ...listArticleFiles(join(ROOT, 'content')).map((path) => join(ROOT, 'content', path)),
  ];
  return [...new Set(files)].flatMap((file): [string, string][] => {
    const split = splitFrontmatter(readFileSync(file, 'utf8').replace(/\r\n?/g, '\n'));
    return 'yaml' in split ? [[file.slice(ROOT.length + 1), split.yaml]] : [];
  });
}

/**
 * The checker reads frontmatter with js-yaml and asks the positioned `yaml` parser only for
 * positions, or when js-yaml refuses the text (src/reader/yaml.ts). That is sound only if the two
 * never disagree: on every frontmatter here, each refuses exactly what the other refuses, and both
 * read the same data from the rest.
 */
describe('js-yaml and the positioned YAML parser', () => {
  const cases = frontmatters();

  it('cover the whole bad-input corpus and the fixtures', () => {
    expect(cases.length).toBeGreaterThan(150);
  });

  it.each(cases)('agree on %s', (_file, source) => {
    // Anchors and aliases always take the positioned parser (js-yaml does not limit alias expansion).
    if (/(?:^|[\s,[{:-])[&*][^\s,[\]{}]/m.test(source)) return;
    const document = parseDocument(source, { prettyErrors: false, schema: 'core', uniqueKeys: true });
    let fast: { data: unknown } | undefined;
    try {
      fast = { data: jsYaml.load(source, { schema: jsYaml.CORE_SCHEMA }) };
    } catch {
      fast = undefined;
    }
    const refusedBySlow = document.errors.length + document.warnings.length > 0;
    expect(fast === undefined).toBe(refusedBySlow);
    // The checker reads empty frontmatter (undefined from js-yaml, null from yaml) as no fields at all.
    if (fast) expect(fast.data ?? {}).toEqual(document.toJS() ?? {});
  });
});
