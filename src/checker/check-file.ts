import { readFileSync } from 'node:fs';
import type { Root } from 'mdast';
import { dirname, relative } from 'node:path';
import { slugOf } from '../format/article-files.ts';
import type { Article } from '../format/index.ts';
import { articleLockPath } from '../sources/lock-path.ts';
import { parseLock, readLock } from '../sources/lock.ts';
import { checkArticle } from './check-article.ts';
import type { Diagnostic } from './diagnostic.ts';
import { registriesOf } from './registries.ts';

/** Where an article file is, for reading it and for naming it to the editor. */
export interface ArticleFile {
  /** Path relative to the folder being checked, with `/` separators: the page address. */
  path: string;
  /** Absolute path. */
  full: string;
  /** Path as given to the editor: relative to the working folder. */
  file: string;
}

/** What checking one file yields. */
export interface CheckedFile extends ArticleFile {
  slug: string;
  /** True when the frontmatter says `draft: true`: checked, never published. */
  draft: boolean;
  diagnostics: Diagnostic[];
  /** The validated frontmatter, when it has no errors. */
  article?: Article;
  /** The Markdown after the frontmatter (absent from a result `npm run check` took from the check cache). */
  body?: string;
  /** Line of the file on which the body starts (absent likewise). */
  bodyLine?: number;
}

/** One file to check, with its text and its lock file's text when the caller has read them already. */
export interface FileToCheck extends ArticleFile {
  text?: string;
  /** The text of the article's lock file, empty when it has none. */
  lockText?: string;
}

/** Reads (unless given its text) and checks one article file, its name, its sources' lock file and its registries included. */
export function checkArticleFile(file: FileToCheck): CheckedFile {
  return checkArticleFileWithTree(file).checked;
}

/**
 * `checkArticleFile`, with the body's tree as the checker parsed it with the site's Markdown parser
 * (src/markdown/parse-body.ts), which the renderer renders instead of parsing the body again.
 */
export function checkArticleFileWithTree({
  path,
  full,
  file,
  text = readFileSync(full, 'utf8'),
  lockText,
}: FileToCheck): { checked: CheckedFile; tree?: Root | undefined } {
  // The lock file, `sources/<slug>.lock.json` beside the articles folder; none is no problem.
  const lockFile = articleLockPath(full, path);
  const { lock, problem } =
    lockText === undefined ? readLock(dirname(lockFile), slugOf(path)) : lockText === '' ? {} : parseLock(lockText);
  const lockProblem = problem
    ? `The lock file ${relative(process.cwd(), lockFile)} cannot be read: ${problem}.`
    : undefined;
  // The registries of the content folder above the article, if any (their own problems are reported once, by checkTargets).
  const registries = registriesOf(full)?.index;
  const { article, diagnostics, body, bodyLine, tree } = checkArticle(file, text, {
    path,
    lock,
    lockProblem,
    registries,
  });
  return {
    checked: {
      path,
      full,
      file,
      slug: slugOf(path),
      draft: article?.draft === true,
      diagnostics,
      ...(article ? { article } : {}),
      body,
      bodyLine,
    },
    tree,
  };
}
