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

/** True for a C0 or C1 control character (other than tab and line breaks) or a Unicode noncharacter. */
function hasForbiddenCharacter(value: string): boolean {
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) return true;
    if ((code >= 0x7f && code <= 0x9f) || (code >= 0xfdd0 && code <= 0xfdef) || (code & 0xfffe) === 0xfffe) return true;
  }
  return false;
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
