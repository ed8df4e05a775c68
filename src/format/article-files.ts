import { readdirSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** Where editors keep articles, relative to the project root. */
export const ARTICLES_DIR = 'content/articles';

/** Where the site's other Markdown pages (such as the methodology) are kept, relative to the project root. */
export const PAGES_DIR = 'content/pages';

/**
 * The folder of the articles that `npm run check`, `npm run build`, `npm run new` and the content
 * loader work on: SOURCED_ARTICLES_DIR when it is set (tests, the benchmark, another archive), else
 * ARTICLES_DIR; a relative path is relative to the project root.
 */
export function articlesDir(env: Record<string, string | undefined> = process.env): string {
  return env['SOURCED_ARTICLES_DIR'] || ARTICLES_DIR;
}

/**
 * Every article file under `dir`, as sorted paths relative to it with `/` separators. Files and
 * folders whose names start with `_` or `.` are left out; so is anything that is not `.md`.
 */
export function listArticleFiles(dir: string): string[] {
  const files: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.name.startsWith('_') || entry.name.startsWith('.')) continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && entry.name.endsWith('.md')) files.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return files.sort();
}

/**
 * True for a path (relative to the articles folder, `/` separators) that `listArticleFiles` would
 * list: a `.md` file with no part starting with `_` or `.`.
 */
export function isArticlePath(relativePath: string): boolean {
  return (
    relativePath.endsWith('.md') &&
    !relativePath.split('/').some((part) => part.startsWith('_') || part.startsWith('.'))
  );
}

/** The page address part of an article file: `2025/talks.md` is `2025/talks`, at `/articles/2025/talks/`. */
export function slugOf(relativePath: string): string {
  return relativePath.replace(/\.md$/, '');
}

/** Why a file's name cannot be a page address, or null when every part is kebab-case. */
export function badSlugReason(relativePath: string): string | null {
  const bad = slugOf(relativePath)
    .split('/')
    .find((part) => !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(part));
  return bad === undefined
    ? null
    : `The file name part "${bad}" cannot be a page address; rename it in kebab-case (lowercase letters, digits and single hyphens), such as zelensky-invites-putin.md.`;
}

/** The article files a target (a folder, or one file) names, and the folder their paths are relative to. */
export interface ArticleTarget {
  /** The articles folder the paths are relative to (absolute). */
  root: string;
  /** Each file's path inside `root`, `/` separators: `2025/talks.md`. */
  paths: string[];
}

/**
 * The article files of `target`, a folder or one file (given alone, it is taken whatever its
 * name). Inside the articles folder `articlesRoot` their paths are relative to that folder, so
 * that `content/articles/2025/talks.md` checked alone is still the article `2025/talks`, with its
 * address and its lock file `content/sources/2025/talks.lock.json`; elsewhere they are relative to
 * the folder given, or to the file's own folder.
 */
export function articleTarget(target: string, articlesRoot: string): ArticleTarget {
  const full = resolve(target);
  const isFile = statSync(full).isFile();
  const inside = relative(resolve(articlesRoot), full);
  const withinRoot = !inside.startsWith('..') && !isAbsolute(inside);
  const root = withinRoot ? resolve(articlesRoot) : isFile ? dirname(full) : full;
  const paths = isFile ? [full] : listArticleFiles(full).map((path) => join(full, path));
  return { root, paths: paths.map((path) => relative(root, path).split(sep).join('/')) };
}
