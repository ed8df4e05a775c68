import { splitFrontmatter } from '../reader/frontmatter.ts';
import { parseYaml } from '../reader/yaml.ts';
import { isArticlePath } from '../format/article-files.ts';
import { pastArticleSchema, type PastArticle } from '../format/index.ts';

/** An article as it stood in one revision, when that revision could have been published. */
export interface Snapshot {
  article: PastArticle;
  /** The Markdown after the frontmatter. */
  body: string;
}

/**
 * The published state of an article file in one revision, or undefined when that revision was not
 * published: a draft, a file the site ignores (`_notes.md`), or a file with errors, which the build
 * refuses. Only published states ever reach the history, so draft content never does.
 */
export function publishedSnapshot(path: string, text: string): Snapshot | undefined {
  if (!isArticlePath(path)) return undefined;
  const split = splitFrontmatter(text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text);
  if (!('yaml' in split)) return undefined;
  const yaml = parseYaml(split.yaml, split.yamlLine);
  if (yaml.errors.length > 0) return undefined;
  const result = pastArticleSchema.safeParse(yaml.data);
  if (!result.success || result.data.draft) return undefined;
  return { article: result.data, body: split.body };
}
