import { z } from './zod.ts';

/** Pattern of every id an editor writes: lowercase letters and digits, words joined by single hyphens. */
export const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A kebab-case id such as `bbc-putin-talks`. */
export const idSchema = z
  .string({ error: 'must be a kebab-case id such as bbc-putin-talks' })
  .regex(KEBAB_CASE, {
    error: (issue) =>
      `must be kebab-case (lowercase letters, digits and single hyphens, such as bbc-putin-talks), not "${String(issue.input)}"`,
  });

/** Text an editor must fill in: a string with at least one visible character. */
export const textSchema = z
  .string({ error: 'must be text' })
  .refine((value) => value.trim().length > 0, { error: 'must not be empty' })
  // Control characters are invisible on the page (and U+0000 is dropped by HTML parsers).
  .refine((value) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value), {
    params: { rule: 'control-character' },
    error: 'contains an invisible control character; delete it',
  });
