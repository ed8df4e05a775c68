const UNSAFE_IN_SCRIPT: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/**
 * JSON text that is safe as the content of `<script type="application/ld+json">`: `<`, `>` and `&`
 * are written as `\u003c`, `\u003e` and `\u0026`, so no value (a title containing `</script>` or
 * `<!--`, say) can end the element or change how HTML parses it, and U+2028 and U+2029 are
 * escaped for old JavaScript parsers. `JSON.parse` of the result gives back the same value.
 */
export function serializeJsonLd(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) throw new TypeError('serializeJsonLd: the value cannot be written as JSON.');
  return json.replace(/[<>&\u2028\u2029]/g, (character) => UNSAFE_IN_SCRIPT[character] ?? character);
}
