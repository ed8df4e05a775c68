export { articleSchema, correctionSchema, pastArticleSchema, timelineEntrySchema } from './article.ts';
export type { Article, Correction, PastArticle, TimelineEntry } from './article.ts';
export {
  CLAIM_STATUSES,
  RETIRED_CLAIM_STATUSES,
  claimSchema,
  pastClaimSchema,
  retiredStatus,
  ratingCounts,
  hasClaimPage,
} from './claim.ts';
export type { AnyClaimStatus, Claim, ClaimStatus, PastClaim, RetiredClaimStatus } from './claim.ts';
export { calendarDay, dateSchema, dateValue, isCalendarDate, isDateOrDateTime } from './date.ts';
export { KEBAB_CASE, idSchema } from './id.ts';
export { SOURCE_KINDS, headlineUnknown, sourceSchema } from './source.ts';
export type { Source, SourceKind } from './source.ts';
export { httpUrlSchema, unsafeUrlReason } from './url.ts';
export { pageSchema } from './page.ts';
export type { Page } from './page.ts';
export { articleSummarySchema, summarizeArticle } from './article-summary.ts';
export type { ArticleSummary } from './article-summary.ts';
export { evidenceProfile } from './evidence.ts';
export { publisherKey } from './publisher.ts';
export type { EvidenceProfile } from './evidence.ts';
export { AUTHOR_TYPES, authorSchema, authorsSchema } from './author.ts';
export type { Author, AuthorType } from './author.ts';
export { PUBLISHER_TYPES, publisherSchema, publishersSchema } from './publisher.ts';
export type { Publisher, PublisherType } from './publisher.ts';
export { topicSchema, topicsSchema } from './topic.ts';
export type { Topic } from './topic.ts';
export { REGISTRY_FILES } from './registry-files.ts';
export type { RegistryName } from './registry-files.ts';
