export { articleSchema, correctionSchema, timelineEntrySchema } from './article.ts';
export type { Article, Correction, TimelineEntry } from './article.ts';
export { CLAIM_STATUSES, claimSchema } from './claim.ts';
export type { Claim, ClaimStatus } from './claim.ts';
export { calendarDay, dateSchema, dateValue, isCalendarDate, isDateOrDateTime } from './date.ts';
export { KEBAB_CASE, idSchema } from './id.ts';
export { SOURCE_KINDS, sourceSchema } from './source.ts';
export type { Source, SourceKind } from './source.ts';
export { httpUrlSchema, unsafeUrlReason } from './url.ts';
