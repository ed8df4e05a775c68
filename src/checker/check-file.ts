import { readFileSync } from 'node:fs';
import { badSlugReason, slugOf } from '../format/article-files.ts';
import { checkArticle } from './check-article.ts';
import type { Diagnostic } from './diagnostic.ts';
import type { RegistryIndex } from './registry-index.ts';
import { textDigest } from './prechecked.ts';

/** Where an article file is, for reading it and for naming it to the editor. */
export interface ArticleFile {
  /** Path relative to the folder being checked, with `/` separators: the page address. */
  path: string;
  /** Absolute path. */
  full: string;
  /** Path as given to the editor: relative to the working folder. */
  file: string;
}

/** What checking one file from the command line yields. */
export interface CheckedFile extends ArticleFile {
  slug: string;
  /** Digest of the exact text that was checked (see prechecked.ts), when asked for. */
  digest?: string;
  /** True when the frontmatter says `draft: true`: checked, never published. */
  draft: boolean;
  diagnostics: Diagnostic[];
}

/** One file to check, with its text when the caller has read it already. */
export interface FileToCheck extends ArticleFile {
  text?: string;
  /** Whether to record the digest of the text (`npm run build` needs it; `npm run check` does not). */
  digest?: boolean;
  /** The registries to check topics, authors and publishers against. */
  registries?: RegistryIndex | undefined;
}

/** Reads (unless given its text) and checks one article file, its name included. */
export function checkArticleFile({ path, full, file, text = readFileSync(full, 'utf8'), digest = false, registries }: FileToCheck): CheckedFile {
  const { article, diagnostics } = checkArticle(file, text, { registries });
  const slugProblem = badSlugReason(path);
  if (slugProblem) diagnostics.unshift({ file, line: 1, column: 1, severity: 'error', rule: 'file-name', message: slugProblem });
  return { path, full, file, slug: slugOf(path), ...(digest ? { digest: textDigest(text) } : {}), draft: article?.draft === true, diagnostics };
}
