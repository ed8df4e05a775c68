import { DEAD_AFTER_DAYS, DEAD_AFTER_FAILURES, type LockEntry } from './lock.ts';
import type { ArticleReport, SourceReport } from './check-sources.ts';

const day = (instant: string) => instant.slice(0, 10);

/** One line on what the lock now says about a source, for the editor. */
export function describeEntry(entry: LockEntry): string {
  const status = entry.httpStatus === null ? (entry.error ?? 'no answer') : String(entry.httpStatus);
  const parts: string[] = [];
  if (entry.dead) {
    parts.push(`${status}, dead: ${entry.failures} failed checks since ${day(entry.firstFailure ?? entry.checked)}`);
  } else if (entry.failures > 0) {
    parts.push(
      `${status}, failed check ${entry.failures} of ${DEAD_AFTER_FAILURES} (a failure counts ${DEAD_AFTER_DAYS} days after the last one)`,
    );
  } else if (entry.httpStatus !== null && [401, 402, 403, 429].includes(entry.httpStatus)) {
    parts.push(`${status}, refused to us (paywall or bot wall); never counted as dead`);
  } else if (entry.error !== null) {
    parts.push(`${status}, not read (${entry.error})`);
  } else {
    parts.push(status);
  }
  if (entry.failures === 0 || entry.quote !== null) {
    if (entry.quote === 'none') parts.push('no quote to look for');
    else if (entry.quote === 'missing') parts.push(`quote MISSING (closest passage ${entry.quoteScore ?? 0} similar)`);
    else if (entry.quote === 'fuzzy') parts.push(`quote found nearly word for word (${entry.quoteScore} similar)`);
    else if (entry.quote !== null) parts.push(`quote found (${entry.quote})`);
  }
  if (entry.redirects.length > 0) parts.push(`redirected to ${entry.finalUrl}`);
  if (entry.changedSince) parts.push(`text changed on ${day(entry.changedSince)}`);
  if (entry.archive) parts.push(`archived: ${entry.archive}`);
  return parts.join('; ');
}

/** The lines for one source. */
function sourceLines({ id, entry, previous, detail, archiveNote }: SourceReport): string[] {
  const changed = previous !== undefined && JSON.stringify(previous) !== JSON.stringify(entry);
  const mark = previous === undefined ? ' (new)' : changed ? ' (changed)' : '';
  return [
    `  ${id}${mark}: ${describeEntry(entry)}`,
    ...(detail ? [`      ${detail}`] : []),
    ...(archiveNote ? [`      archive: ${archiveNote}`] : []),
  ];
}

/** What the command prints for one article. */
export function articleReportText(report: ArticleReport): string {
  return [
    `${report.file} -> ${report.lockFile} ${report.written ? '(written)' : '(unchanged)'}`,
    ...(report.problem ? [`  the old lock file was ignored: ${report.problem}`] : []),
    ...report.sources.flatMap(sourceLines),
  ].join('\n');
}

/** The closing line: how many sources are in which state. */
export function summaryText(reports: readonly ArticleReport[]): string {
  const entries = reports.flatMap((report) => report.sources.map((source) => source.entry));
  const count = (test: (entry: LockEntry) => boolean) => entries.filter(test).length;
  const found = count((entry) => entry.quote === 'exact' || entry.quote === 'normalized' || entry.quote === 'fuzzy');
  const missing = count((entry) => entry.quote === 'missing');
  const failing = count((entry) => entry.failures > 0 && !entry.dead);
  const dead = count((entry) => entry.dead);
  const written = reports.filter((report) => report.written).length;
  return (
    `${entries.length} sources in ${reports.length} articles: ${found} quotes found, ${missing} missing, ` +
    `${failing} failing, ${dead} dead; ${written} lock ${written === 1 ? 'file' : 'files'} written.`
  );
}
