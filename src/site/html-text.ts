const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * Text as the HTML of an element's content: `&`, `<` and `>` escaped, so that no text can open a
 * tag or a character reference, and quotes written as typed, which element content never needs
 * escaped (Astro's own escaping writes each `'` as the five bytes `&#39;`). For `set:html` on an
 * ordinary element only: never in an attribute, nor in `<script>`, `<style>` or `<title>`.
 */
export function htmlText(text: string): string {
  return text.replace(/[&<>]/g, (character) => ESCAPES[character]!);
}
