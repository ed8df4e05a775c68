/** Characters that only shape text (soft hyphen, zero-width spaces and joiners, word joiner, BOM). */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
const SINGLE_QUOTES = /[\u2018\u2019\u201a\u201b\u2032\u02bc`\u00b4]/g;
const DOUBLE_QUOTES = /[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g;
const DASHES = /[\u2010-\u2015\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d]/g;

/** Text with every run of white space (line breaks between blocks included) made one space, trimmed. */
export const collapseSpaces = (text: string): string => text.replace(/\s+/g, ' ').trim();

/**
 * Text as the quote check compares it: Unicode NFKC, curly quotes made straight, every dash a
 * hyphen, invisible characters dropped, white space (non-breaking spaces included) collapsed, lower case.
 */
export function normalizeText(text: string): string {
  return collapseSpaces(
    text
      .normalize('NFKC')
      .replace(INVISIBLE, '')
      .replace(SINGLE_QUOTES, "'")
      .replace(DOUBLE_QUOTES, '"')
      .replace(DASHES, '-'),
  ).toLowerCase();
}
