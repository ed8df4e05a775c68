import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CheckedFile } from '../../src/checker/check-files.ts';
import type { Diagnostic } from '../../src/checker/diagnostic.ts';
import { buildSummary } from '../../src/build/build-summary.ts';

const dir = mkdtempSync(join(tmpdir(), 'sourced-summary-'));

/** A checked article file, written with the given `published` and `draft` values. */
function checked(name: string, published: string, draft: boolean, diagnostics: Diagnostic[] = []): CheckedFile {
  const full = join(dir, name);
  writeFileSync(full, `---\ntitle: T\npublished: ${published}\ndraft: ${draft}\n---\n\nText.\n`);
  return { path: name, full, file: `content/articles/${name}`, slug: name.replace(/\.md$/, ''), draft, diagnostics };
}

const env = { SOURCED_TODAY: '2026-11-25' };

describe("npm run build's summary", () => {
  it('names every draft skipped, and warns of each draft whose date has passed', () => {
    const files = [
      checked('a.md', '2026-11-25', false),
      checked('old-draft.md', '2026-11-24', true),
      checked('new-draft.md', '2026-11-25', true),
      checked('dated-ahead.md', "'2026-12-01'", true),
    ];
    expect(buildSummary(files, { env })).toBe(
      'Summary: 1 article published, 3 drafts skipped (content/articles/old-draft.md, content/articles/new-draft.md, content/articles/dated-ahead.md), 1 warning:\n' +
        'content/articles/old-draft.md:3:1  warning  draft-not-published  This draft is dated 2026-11-24, which has passed, and it is not published; set draft: false to publish it, or set published to the day it will go live.\n',
    );
  });

  it("counts every warning printed before it, the registries' included", () => {
    const registry: Diagnostic = {
      file: 'content/topics.yaml',
      line: 3,
      column: 1,
      severity: 'warning',
      rule: 'duplicate-value',
      message: 'A repeat.',
    };
    const article: Diagnostic = {
      file: 'content/articles/a.md',
      line: 9,
      column: 5,
      severity: 'warning',
      rule: 'unused-source',
      message: 'Unused.',
    };
    expect(buildSummary([checked('a.md', '2026-11-25', false, [article])], { env, registries: [registry] })).toBe(
      'Summary: 1 article published, 0 drafts skipped, 2 warnings:\ncontent/articles/a.md:9:5  warning  unused-source  Unused.\ncontent/topics.yaml:3:1  warning  duplicate-value  A repeat.\n',
    );
  });

  it('says "no warnings" when there is none', () => {
    expect(buildSummary([checked('a.md', '2026-11-25', false)], { env })).toBe(
      'Summary: 1 article published, 0 drafts skipped, no warnings.\n',
    );
  });
});
