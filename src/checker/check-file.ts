import { readFileSync } from 'node:fs';
import { badSlugReason, slugOf } from '../format/article-files.ts';
import type { Article } from '../format/index.ts';
import { checkArticle } from './check-article.ts';
import type { Diagnostic } from './diagnostic.ts';

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
  diagnostics: Diagnostic[];
  /** The validated frontmatter, when it has no errors. */
  article?: Article;
  /** The Markdown after the frontmatter. */
  body: string;
  /** Line of the file on which the body starts. */
  bodyLine: number;
}

/** One file to check, with its text when the caller has read it already. */
export interface FileToCheck extends ArticleFile {
  text?: string;
}

/** Reads (unless given its text) and checks one article file, its name included. */
export function checkArticleFile({ path, full, file, text = readFileSync(full, 'utf8') }: FileToCheck): CheckedFile {
  const { diagnostics, article, body, bodyLine } = checkArticle(file, text);
  const slugProblem = badSlugReason(path);
  if (slugProblem) diagnostics.unshift({ file, line: 1, column: 1, severity: 'error', rule: 'file-name', message: slugProblem });
  return { path, full, file, slug: slugOf(path), diagnostics, ...(article ? { article } : {}), body, bodyLine };
}
