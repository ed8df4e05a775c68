import { z } from './zod.ts';

/** Pattern of every id an editor writes: lowercase letters and digits, words joined by single hyphens. */
export const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A kebab-case id such as `bbc-putin-talks`. */
export const idSchema = z.string({ error: 'must be a kebab-case id such as bbc-putin-talks' }).regex(KEBAB_CASE, {
  error: (issue) =>
    `must be kebab-case (lowercase letters, digits and single hyphens, such as bbc-putin-talks), not "${String(issue.input)}"`,
});

/**
 * C0 and C1 control characters (other than tab and line breaks) and the Unicode noncharacters:
 * U+FDD0 to U+FDEF, and the last two code points of each of the 17 planes.
 */
const FORBIDDEN_CHARACTER = new RegExp(
  `[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f\\ufdd0-\\ufdef${Array.from({ length: 17 }, (_, plane) => `\\u{${plane.toString(16)}fffe}\\u{${plane.toString(16)}ffff}`).join('')}]`,
  'u',
);

function hasForbiddenCharacter(value: string): boolean {
  return FORBIDDEN_CHARACTER.test(value);
}

/** Text an editor must fill in: a string with at least one visible character. */
export const textSchema = z
  .string({ error: 'must be text' })
  .refine((value) => value.trim().length > 0, { error: 'must not be empty' })
  // C0 and C1 controls and Unicode noncharacters: HTML forbids them and XML feeds break on them.
  .refine((value) => !hasForbiddenCharacter(value), {
    params: { rule: 'control-character' },
    error: 'contains an invisible control character; delete it',
  });
