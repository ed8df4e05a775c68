import type { ParsedArticle, Report } from './rule.ts';

/**
 * The check of a rule whose problems are found while the file is read (splitting off the
 * frontmatter, parsing the YAML) or while the schema validates the frontmatter: it reports the ones
 * that carry its id.
 */
export function reportFound(id: string): (article: ParsedArticle, report: Report) => void {
  return (article, report) => {
    for (const problem of [...article.readProblems, ...article.schemaProblems]) {
      if (problem.rule === id) report.at(problem, problem.message);
    }
  };
}
