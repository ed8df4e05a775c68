import type { CheckedFile } from '../checker/check-file.ts';
import { checkHistories, currentDates } from '../checker/check-history.ts';
import type { PublishedRevision } from '../checker/rules/unannounced-change.ts';
import { calendarDay, dayAfter } from '../format/date.ts';
import { forEachArticleHistory } from '../history/read-history.ts';
import { visibleBlocks } from '../history/visible-text.ts';

/**
 * Adds the `unannounced-change` warnings and the `silent-claim-change` errors to files just
 * checked: reads git history once per folder checked (one `git log`, one `git cat-file`), and only
 * the texts of articles that can be reported: those with a commit more than a day after their
 * current `updated` (or `published`), and any other with two commits or more (a claim may have
 * changed after a published revision). Nothing happens outside a git repository.
 */
export async function checkUnannouncedChanges(checked: CheckedFile[]): Promise<void> {
  const roots = new Map<string, Map<string, CheckedFile>>();
  for (const file of checked) {
    if (file.diagnostics.some((diagnostic) => diagnostic.severity === 'error')) continue;
    const root = file.full.slice(0, file.full.length - file.path.length);
    const files = roots.get(root) ?? new Map<string, CheckedFile>();
    files.set(file.path, file);
    roots.set(root, files);
  }
  const revisions = new Map<string, PublishedRevision[]>();
  for (const [root, files] of roots) {
    await forEachArticleHistory(
      root,
      (path, committed) => {
        // The text as readers read it (no HTML comment counts), made only for the revisions the
        // unannounced-change rule compares; citations as written, so that a changed source counts.
        const published = committed.flatMap(({ commit, snapshot }): PublishedRevision[] => {
          if (!snapshot) return [];
          let body: string | undefined;
          return [
            {
              commit: commit.commit,
              date: commit.date,
              article: snapshot.article,
              get body() {
                return (body ??= visibleBlocks(snapshot.body, (citation) => citation.value.replace(/\s+/g, ' ')).join(
                  '\n\n',
                ));
              },
            },
          ];
        });
        revisions.set(files.get(path)!.full, published);
      },
      (path, commits) => {
        const file = files.get(path);
        const dates = file && currentDates(file.full);
        if (!dates) return false;
        // A commit on the day after the last change is in time (time zones), as in the rule.
        const limit = dayAfter(calendarDay(dates.updated ?? dates.published));
        if (commits.some((commit) => calendarDay(commit.date) > limit)) return true;
        // A claim can have changed after a published revision only in an article of two commits or more.
        return commits.length > 1;
      },
    );
  }
  checkHistories(checked, revisions);
}
