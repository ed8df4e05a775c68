import { textSchema } from './id.ts';
import { z } from './zod.ts';

/** The frontmatter of a site page written in Markdown (`content/pages/*.md`), such as the methodology. */
export const pageSchema = z.strictObject({
  /** The page's heading and title. */
  title: textSchema.describe('the heading of the page'),
  /** One sentence for search engines and link previews. */
  description: textSchema.describe('one sentence describing the page'),
});

export type Page = z.output<typeof pageSchema>;
