import { idSchema, textSchema } from './id.ts';
import { z } from './zod.ts';

/** A topic of `content/topics.yaml`: what readers see on its page and in links to it. */
export const topicSchema = z.strictObject({
  /** The name readers see, such as `Russia–Ukraine war`. */
  label: textSchema.describe('the name readers see, such as Russia–Ukraine war'),
  /** One or two sentences shown at the top of the topic's page. */
  description: textSchema.describe('one or two sentences on what the topic covers, shown on its page'),
});

/** `content/topics.yaml`: each topic under its kebab-case slug, the id articles list in `topics`. */
export const topicsSchema = z.record(idSchema, topicSchema, {
  error: 'must be a list of "slug:" entries, each with label and description',
});

export type Topic = z.output<typeof topicSchema>;
