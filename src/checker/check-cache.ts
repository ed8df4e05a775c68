import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Article } from '../format/index.ts';
import type { Diagnostic } from './diagnostic.ts';
import { codeVersion } from '../infra/module-graph.ts';
import { writeWhole } from '../infra/write-whole.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/** Where check results are kept between runs, unless SOURCED_CHECK_CACHE_DIR names another folder. */
export const CHECK_CACHE_DIR = join(ROOT, 'node_modules/.cache/sourced/check');

/** The module every check goes through; its import graph is the checker, this cache and the pool included. */
const CHECKER_ENTRY = join(import.meta.dirname, 'check-files.ts');

let checker: string | undefined;
/**
 * The checker's version: a digest of the checker's own module graph (every project file that
 * check-files.ts loads, the rules and the format of this cache included) and of package-lock.json (zod, the YAML and Markdown parsers). Editing any
 * rule, schema or helper, or updating a package, gives a new version and so a fresh cache.
 */
export function checkerVersion(): string {
  return (checker ??= codeVersion(ROOT, [CHECKER_ENTRY], ['package-lock.json']));
}

/** What the cache keeps of one file's check for `npm run check`: small, since a warm check reads one per file. */
export interface CachedCheck {
  slug: string;
  draft: boolean;
  /** The diagnostics, without the file's name (the same text may be checked under other names). */
  diagnostics: Omit<Diagnostic, 'file'>[];
}

/** What the content loader also needs, kept apart from the check: the article's data and body. */
export interface CachedContent {
  /** The validated frontmatter, when it has no errors. */
  article?: Article;
  /** The Markdown after the frontmatter, and the line of the file it starts on. */
  body: string;
  bodyLine: number;
}

/**
 * Check results by the digest of what decides them: the file's text, its path (the file-name rule),
 * its sources' lock file, the registries it is checked against, the day (future dates are judged against it), the working folder (messages
 * name files relative to it) and the checker's version. Shared by `npm run check`,
 * `npm run build` and the content loader, so that a file is checked once until it or the checker
 * changes. Two JSON files per result, `<key>.json` (the check) and `<key>.content.json` (for the
 * loader), each written atomically and the content first, so that concurrent runs can share the
 * cache; results of other checker versions are deleted when a version is first used.
 */
export class CheckCache {
  readonly #dir: string;
  readonly #salt: string;
  #ready = false;

  constructor({
    dir = process.env.SOURCED_CHECK_CACHE_DIR || CHECK_CACHE_DIR,
    version = checkerVersion(),
    today = process.env.SOURCED_TODAY || new Date().toISOString().slice(0, 10),
  }: { dir?: string; version?: string; today?: string } = {}) {
    this.#dir = join(dir, version);
    // Messages name files relative to the working folder.
    this.#salt = `${version}\0${today}\0${process.cwd()}\0`;
  }

  /** The key of one file's result: its path, its text, its sources' lock file and its registries (each empty when there is none). */
  keyOf(path: string, text: string, lock = '', registries = ''): string {
    return createHash('sha256')
      .update(this.#salt)
      .update(path)
      .update('\0')
      .update(text)
      .update('\0')
      .update(lock)
      .update('\0')
      .update(registries)
      .digest('base64url');
  }

  /** The stored check, if this exact file was checked by this checker today. */
  get(key: string): CachedCheck | undefined {
    return this.#read(`${key}.json`) as CachedCheck | undefined;
  }

  /** The stored data and body of a checked file. */
  content(key: string): CachedContent | undefined {
    return this.#read(`${key}.content.json`) as CachedContent | undefined;
  }

  /** Stores a result. A cache that cannot be written is skipped without a word: it only ever saves time. */
  set(key: string, check: CachedCheck, content: CachedContent): void {
    try {
      if (!this.#ready) this.#prepare();
      this.#write(`${key}.content.json`, content);
      this.#write(`${key}.json`, check);
    } catch {
      // Read-only or full disk: the next run checks again.
    }
  }

  #read(name: string): unknown {
    try {
      return JSON.parse(readFileSync(join(this.#dir, name), 'utf8'));
    } catch {
      return undefined;
    }
  }

  #write(name: string, value: unknown): void {
    writeWhole(join(this.#dir, name), JSON.stringify(value));
  }

  #prepare(): void {
    const parent = join(this.#dir, '..');
    mkdirSync(this.#dir, { recursive: true });
    for (const entry of readdirSync(parent)) {
      if (join(parent, entry) !== this.#dir) rmSync(join(parent, entry), { recursive: true, force: true });
    }
    this.#ready = true;
  }
}

/** A cached result as the diagnostics of a file named `file`. */
export function withFile(diagnostics: readonly Omit<Diagnostic, 'file'>[], file: string): Diagnostic[] {
  return diagnostics.map((diagnostic) => ({ file, ...diagnostic }));
}
