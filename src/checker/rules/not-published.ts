import { NOT_PUBLISHED } from '../unpublished-files.ts';
import type { Rule } from './rule.ts';

/**
 * A file that looks like an article is where articles are published from, under a name that is
 * published: a `.md` file in the articles folder. Applied by `npm run check` to the files it is given
 * and to the folders it searches (src/checker/unpublished-files.ts), not to an article's text: an
 * error for a file named on the command line, a warning for one found in a folder.
 *
 * Good: `content/articles/talks-in-istanbul.md`.
 * Bad: `content/article/talks-in-istanbul.md`: `This file will never be published: articles are published only from content/articles/, as .md files; move it there, as content/articles/talks-in-istanbul.md.`
 */
export const notPublished: Rule = {
  id: NOT_PUBLISHED,
  severity: 'error',
  description: 'A file that looks like an article is a .md file in the articles folder (applied by npm run check).',
};
