import type { Article } from '../../format/index.ts';
import type { SourceLock } from '../../sources/lock.ts';
import type { LockFinding } from './lock-finding.ts';
import { quoteMissing } from './quote-missing.ts';
import { sourceChanged } from './source-changed.ts';
import { sourceDead } from './source-dead.ts';

export type { LockFinding } from './lock-finding.ts';

/** The rules that read an article's lock file (never the network), in the order they report. */
export const LOCK_RULES: readonly ((article: Article, lock: SourceLock) => LockFinding[])[] = [quoteMissing, sourceDead, sourceChanged];

/** Every finding of the lock rules. */
export const checkLock = (article: Article, lock: SourceLock): LockFinding[] => LOCK_RULES.flatMap((rule) => rule(article, lock));
