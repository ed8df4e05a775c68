import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { CARD_PATH_PATTERN, headerPolicy } from '../../src/publishing/security-policy.ts';
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
/** A policy's directives by name, each with its sources. */
const directives = (policy: string) =>
  new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .map(([name, ...sources]) => [name!, sources]),
  );

const policy = directives(
  rule('/*')
    .find((line) => line.startsWith('Content-Security-Policy: '))!
    .slice('Content-Security-Policy: '.length),
);

test('_headers sends a policy and the other security headers on every path', () => {
  expect(rule('/*').slice(1)).toEqual([
    'X-Content-Type-Options: nosniff',
    'Referrer-Policy: strict-origin-when-cross-origin',
    'Permissions-Policy: camera=(), microphone=(), geolocation=()',
  ]);
});

test("the header policy runs only the site's own scripts and styles, WebAssembly for search, and forbids framing", () => {
  expect(policy.get('default-src')).toEqual(["'self'"]);
  expect(policy.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  expect(policy.get('style-src')).toEqual(["'self'"]);
  expect(policy.get('object-src')).toEqual(["'none'"]);
  expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  for (const [name, sources] of policy)
    expect([name, sources.filter((source) => /'unsafe-|^\*$/.test(source))]).toEqual([name, []]);
});

test("a claim's card may be framed by any site: its rule detaches the site-wide policy and sends the card's", () => {
  expect(rule(CARD_PATH_PATTERN)).toEqual([
    '! Content-Security-Policy',
    `Content-Security-Policy: ${headerPolicy('card')}`,
  ]);
  expect(rule('/*')[0]).toBe(`Content-Security-Policy: ${headerPolicy()}`);
  const card = directives(headerPolicy('card'));
  expect(card.get('frame-ancestors')).toEqual(['*']);
  // Only framing differs.
  card.delete('frame-ancestors');
  const page = new Map(policy);
  page.delete('frame-ancestors');
  expect(card).toEqual(page);
});

test('the header policy is the one src/publishing/security-policy.ts defines, word for word', () => {
  expect(rule('/*')[0]).toBe(`Content-Security-Policy: ${headerPolicy()}`);
});

test('_headers names only files that exist', () => {
  const named = [...headers.matchAll(/\b((?:src|tests)\/[\w./-]+\.ts)\b/g)].map((match) => match[1]!);
  expect(named).toEqual(['src/publishing/security-policy.ts', 'tests/publishing/security-headers.test.ts']);
  for (const file of named) expect(existsSync(join(ROOT, file)), file).toBe(true);
});
