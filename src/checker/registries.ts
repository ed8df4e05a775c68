import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  authorsSchema,
  publishersSchema,
  REGISTRY_FILES,
  topicsSchema,
  type Author,
  type Publisher,
  type RegistryName,
  type Topic,
} from '../format/index.ts';
import type { Loose } from '../format/loose.ts';
import type { z } from '../format/zod.ts';
import type { Diagnostic } from './diagnostic.ts';
import type { RegistryIndex } from './registry-index.ts';
import { describeIssues } from './schema-diagnostics.ts';
import { parseYaml } from '../reader/yaml.ts';
import { findRegistryDir, registryTexts } from './registry-dir.ts';

export { findRegistryDir, registryTexts } from './registry-dir.ts';

/** The registries of a content folder: the valid entries of each, by id. */
export interface Registries {
  topics: Record<string, Topic>;
  authors: Record<string, Author>;
  publishers: Record<string, Publisher>;
}

/** The registries as read and checked, with every problem in them. */
export interface CheckedRegistries extends Registries {
  /** The folder that holds the registry files. */
  dir: string;
  /** What the article rules need: every id written in the files, valid or not, so that one mistake is reported once. */
  index: RegistryIndex;
  diagnostics: Diagnostic[];
}

const SCHEMAS: Record<RegistryName, z.ZodType> = {
  topics: topicsSchema,
  authors: authorsSchema,
  publishers: publishersSchema,
};

/**
 * Reads and checks the three registry files of `dir`: YAML syntax and every entry against its
 * schema, each problem positioned in its file (named relative to `cwd`). A missing file is an
 * error. Entries with problems are left out of the registries but kept in the index.
 */
export function checkRegistries(dir: string, cwd = process.cwd()): CheckedRegistries {
  const diagnostics: Diagnostic[] = [];
  const loaded = {} as Record<RegistryName, Record<string, unknown>>;
  const ids = {} as Record<RegistryName, Loose>;
  const files = {} as Record<RegistryName, string>;
  for (const [name, fileName] of Object.entries(REGISTRY_FILES) as [RegistryName, string][]) {
    const full = join(dir, fileName);
    const file = relative(cwd, full) || full;
    files[name] = file;
    const report = (line: number, column: number, rule: string, message: string) =>
      diagnostics.push({ file, line, column, severity: 'error', rule, message });
    loaded[name] = {};
    ids[name] = {};
    if (!existsSync(full)) {
      report(
        1,
        1,
        'registry-missing',
        `The registry file is missing; create ${fileName} next to the other registries (see docs/content-format.md).`,
      );
      continue;
    }
    const yaml = parseYaml(readFileSync(full, 'utf8'), 1);
    for (const error of yaml.errors) report(error.line, error.column, 'yaml-syntax', error.message);
    if (yaml.errors.length > 0) continue;
    const data = yaml.data ?? {};
    const schema = SCHEMAS[name];
    const result = schema.safeParse(data);
    if (!result.success) {
      for (const problem of describeIssues(result.error.issues, schema, data, yaml.locate, `${fileName}`)) {
        report(problem.line, problem.column, problem.rule, problem.message);
      }
    }
    if (data === null || typeof data !== 'object' || Array.isArray(data)) continue;
    ids[name] = data as Loose;
    // Keep each entry that is valid on its own, so that one bad entry does not empty the site.
    const entrySchema = (schema as unknown as { _zod: { def: { valueType: z.ZodType } } })._zod.def.valueType;
    for (const [id, value] of Object.entries(data)) {
      const entry = entrySchema.safeParse(value);
      if (entry.success) loaded[name][id] = entry.data;
    }
  }
  const index: RegistryIndex = {
    files,
    topics: Object.keys(ids.topics),
    authors: Object.keys(ids.authors),
    publishers: Object.entries(ids.publishers).map(([id, value]) => {
      const name = value && typeof value === 'object' ? (value as Loose).name : undefined;
      return { id, name: typeof name === 'string' ? name : id };
    }),
  };
  return {
    dir,
    topics: loaded.topics as Record<string, Topic>,
    authors: loaded.authors as Record<string, Author>,
    publishers: loaded.publishers as Record<string, Publisher>,
    index,
    diagnostics,
  };
}

const byDir = new Map<string, { text: string; checked: CheckedRegistries }>();

/**
 * The registries an article file (or a folder of articles) is checked against (see
 * findRegistryDir), read once per process and working folder, and again when a registry file
 * changes; undefined when there are none above it.
 */
export function registriesOf(articleFile: string, cwd = process.cwd()): CheckedRegistries | undefined {
  const dir = findRegistryDir(articleFile);
  if (dir === undefined) return undefined;
  const text = registryTexts(dir);
  const key = `${dir}\0${cwd}`;
  const known = byDir.get(key);
  if (known?.text === text) return known.checked;
  const checked = checkRegistries(dir, cwd);
  byDir.set(key, { text, checked });
  return checked;
}
