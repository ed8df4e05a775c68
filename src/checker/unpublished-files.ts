import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { Diagnostic, Severity } from './diagnostic.ts';
import { findRegistryDir } from './registry-dir.ts';

/** The rule id of a file that looks like an article but will never be published. */
export const NOT_PUBLISHED = 'not-published';

// Names editors give Markdown files that are not `.md`: never published, whatever they hold.
const LOOK_ALIKE = /\.(?:markdown|mdown|mkdn|mkd|mdx|txt|md)$/i;

const within = (folder: string, path: string) => {
  const inside = relative(folder, path);
  return inside === '' || (!inside.startsWith('..') && !isAbsolute(inside));
};

interface Places {
  /** The working folder: paths are shown relative to it. */
  cwd: string;
  /** The articles folder (absolute): `.md` files there, and only there, are published. */
  articlesRoot: string;
  /** The project's root (absolute). */
  projectRoot: string;
  /** Folders (absolute) whose Markdown is published otherwise, such as content/pages. */
  otherContent?: readonly string[];
}

/**
 * What is wrong with the place or name of a file that looks like an article, or undefined when it
 * will be published (a `.md` file in the articles folder) or is plainly no article.
 */
function problemOf(
  full: string,
  named: boolean,
  { cwd, articlesRoot, projectRoot, otherContent = [] }: Places,
): string | undefined {
  const name = basename(full);
  if (!LOOK_ALIKE.test(name) || name.startsWith('_') || name.startsWith('.')) return undefined;
  if (otherContent.some((folder) => within(folder, full))) return undefined;
  const stem = name.replace(LOOK_ALIKE, '');
  const folder = relative(cwd, articlesRoot) || '.';
  if (within(articlesRoot, full)) {
    return name.endsWith('.md')
      ? undefined
      : `This file will never be published: only files whose names end in .md are articles; rename it to ${relative(cwd, join(dirname(full), `${stem}.md`))}.`;
  }
  // Outside the articles folder, a file is taken for a misplaced article only where articles are
  // kept: in the content folder around the articles folder, or (when named) at the project's root.
  // Elsewhere (a test's sample, a copy in /tmp) it is checked as it is, and nothing more is said.
  const contentRoot = dirname(articlesRoot);
  const inContent = within(contentRoot, full) && findRegistryDir(contentRoot) === contentRoot;
  if (!inContent && !(named && dirname(full) === projectRoot)) return undefined;
  return `This file will never be published: articles are published only from ${folder}/, as .md files; move it there, as ${folder}/${stem}.md.`;
}

/**
 * The files among `targets` (named ones, and those found in the folders named) that look like
 * articles but will never be published: a `.markdown`, `.mdx` or `.txt` file in the articles folder,
 * a Markdown file beside it in the content folder (`content/article/`, singular) or at the project's
 * root. A file named on the command line is an error (the editor means it to be an article); one
 * found in a folder is a warning. When `scanContent` is set, the content folder around the articles
 * folder is searched too (what `npm run check` with no argument does).
 */
export function unpublishedFiles(
  targets: readonly string[],
  places: Places,
  { scanContent = false } = {},
): Diagnostic[] {
  const found = new Map<string, Diagnostic>();
  const note = (full: string, named: boolean) => {
    if (found.has(full)) return;
    const message = problemOf(full, named, places);
    if (!message) return;
    const severity: Severity = named ? 'error' : 'warning';
    found.set(full, {
      file: relative(places.cwd, full) || full,
      line: 1,
      column: 1,
      severity,
      rule: NOT_PUBLISHED,
      message,
    });
  };
  const walk = (folder: string, skip: readonly string[]) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.name.startsWith('_') || entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory() && !skip.includes(path)) walk(path, skip);
      else if (entry.isFile()) note(path, false);
    }
  };
  for (const target of targets) {
    const full = resolve(places.cwd, target);
    if (!existsSync(full)) continue;
    if (statSync(full).isFile()) note(full, true);
    else if (within(places.articlesRoot, full) || within(full, places.articlesRoot)) walk(full, []);
  }
  const contentRoot = dirname(places.articlesRoot);
  // The content folder is searched only when it is one (it holds the registries), never a folder such as /tmp.
  if (scanContent && findRegistryDir(contentRoot) === contentRoot)
    walk(contentRoot, [places.articlesRoot, ...(places.otherContent ?? [])]);
  return [...found.values()];
}
