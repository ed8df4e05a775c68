import type { Article } from '../../format/index.ts';
import type { Loose } from '../../format/loose.ts';
import type { SourceLock } from '../../sources/lock.ts';
import type { LockFinding } from './lock-finding.ts';
import { quoteMissing } from './quote-missing.ts';
import { sourceChanged } from './source-changed.ts';
import { sourceDead } from './source-dead.ts';
import type { RegistryIndex } from '../registry-index.ts';
import type { RuleFinding } from './finding.ts';
import { unknownAuthors } from './unknown-author.ts';
import { unknownPublishers } from './unknown-publisher.ts';
import { unknownTopics } from './unknown-topic.ts';

export type { LockFinding } from './lock-finding.ts';
export type { RuleFinding } from './finding.ts';

/** The rules that read an article's lock file (never the network), in the order they report. */
export const LOCK_RULES: readonly ((article: Article, lock: SourceLock) => LockFinding[])[] = [quoteMissing, sourceDead, sourceChanged];

/** Every finding of the lock rules. */
export const checkLock = (article: Article, lock: SourceLock): LockFinding[] => LOCK_RULES.flatMap((rule) => rule(article, lock));

/**
 * The rules that read the registries (content/topics.yaml, authors.yaml, publishers.yaml), in the
 * order they report. They read the frontmatter as written, so that they report even when other
 * fields are invalid.
 */
export const REGISTRY_RULES: readonly ((frontmatter: Loose, registries: RegistryIndex) => RuleFinding[])[] = [unknownAuthors, unknownTopics, unknownPublishers];

/** Every finding of the registry rules. */
export const checkRegistryUse = (frontmatter: Loose, registries: RegistryIndex): RuleFinding[] =>
  REGISTRY_RULES.flatMap((rule) => rule(frontmatter, registries));
