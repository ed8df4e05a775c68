import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { CSP_DIRECTIVES, headerPolicy } from '../../src/publishing/security-policy.ts';
import { ROOT } from '../helpers/site.ts';

const headers = readFileSync(join(ROOT, 'public/_headers'), 'utf8');
/** The headers of one path rule in `_headers`: the indented `Name: value` lines under it. */
const rule = (path: string) => {
  const lines = headers.split('\n');
  const start = lines.indexOf(path);
  const block: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (!line.startsWith('  ')) break;
    block.push(line.trim());
  }
  return start < 0 ? [] : block;
};

test('_headers sends the site policy and the other security headers on every path', () => {
  expect(rule('/*')).toEqual([
    `Content-Security-Policy: ${headerPolicy()}`,
    'X-Content-Type-Options: nosniff',
    'Referrer-Policy: strict-origin-when-cross-origin',
    'Permissions-Policy: camera=(), microphone=(), geolocation=()',
  ]);
});

test('the policy allows no inline script or style, and no framing', () => {
  expect(headerPolicy()).toBe(
    "default-src 'self'; img-src 'self' https: data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; frame-ancestors 'none'",
  );
  expect(headerPolicy()).not.toMatch(/'unsafe-inline'|'unsafe-eval'|'unsafe-hashes'|\*/);
});

test('the directives given to Astro for the <meta> policy are the header directives a <meta> can carry', () => {
  expect(CSP_DIRECTIVES.every((directive) => headerPolicy().includes(`${directive}; `))).toBe(true);
  expect(CSP_DIRECTIVES.some((directive) => /^(script-src|style-src|frame-ancestors)/.test(directive))).toBe(false);
});
