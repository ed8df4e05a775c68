import { existsSync, mkdtempSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { createRequire } from 'node:module';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { generateArticle } from '../../bench/generate.ts';
import {
  renderShareImage,
  shareImageLayout,
  SHARE_IMAGE_HEIGHT,
  SHARE_IMAGE_WIDTH,
  type ShareImageInput,
} from '../../src/publishing/share-image.ts';
import { createShareImageService, shareImageRendererVersion } from '../../src/publishing/share-images-integration.ts';
import { claimShareImage, explainerShareImage, shareImageDigest } from '../../src/publishing/share-images.ts';
import { pngInfo, pngPixels } from '../helpers/png.ts';

/** The longest claim statement of the bench's first 300 synthetic explainers (seed 1). */
const LONGEST_STATEMENT = Array.from({ length: 300 }, (_, index) => generateArticle(1, index))
  .flatMap((text) => [...text.matchAll(/^ {4}statement: '(.*)'$/gm)].map((match) => match[1]!.replaceAll("''", "'")))
  .reduce((longest, statement) => (statement.length > longest.length ? statement : longest), '');

/** The margins of the design: 72 px at the sides, the 16 px accent bar and 40 px above, 52 px below. */
const MARGIN = { left: 72, right: SHARE_IMAGE_WIDTH - 72, top: 16 + 40, bottom: SHARE_IMAGE_HEIGHT - 52 };
const BACKGROUND = [0xfd, 0xfc, 0xf9];
const ACCENT = [0x0b, 0x5c, 0xad];

/** The RGB colour of one pixel of a decoded image. */
const colourAt = ({ rgba, width }: { rgba: Uint8Array; width: number }, x: number, y: number): number[] => [
  ...rgba.subarray((y * width + x) * 4, (y * width + x) * 4 + 3),
];

/**
 * Draws `input` and checks that its text stays inside the margins twice over: the ink of every line
 * as skia measures it, and the pixels (the accent bar above, nothing but background in the margins).
 * Returns how many pixels inside the margins are not background, to show that text was drawn.
 */
async function expectWithinMargins(input: ShareImageInput): Promise<number> {
  const { lines } = shareImageLayout(input);
  for (const line of lines) {
    expect(line.ink.left, line.text).toBeGreaterThanOrEqual(MARGIN.left);
    expect(line.ink.right, line.text).toBeLessThanOrEqual(MARGIN.right);
    expect(line.ink.top, line.text).toBeGreaterThanOrEqual(MARGIN.top);
    expect(line.ink.bottom, line.text).toBeLessThanOrEqual(MARGIN.bottom);
    expect(line.box.right, line.text).toBeLessThanOrEqual(MARGIN.right);
  }
  const image = pngPixels(await renderShareImage(input, 'test'));
  expect([image.width, image.height]).toEqual([SHARE_IMAGE_WIDTH, SHARE_IMAGE_HEIGHT]);
  let outside = 0;
  let inked = 0;
  for (let y = 0; y < image.height; y++)
    for (let x = 0; x < image.width; x++) {
      const colour = colourAt(image, x, y);
      if (y < 16) {
        if (colour.join() !== ACCENT.join()) outside++;
      } else if (x < MARGIN.left || x >= MARGIN.right || y < MARGIN.top || y >= MARGIN.bottom) {
        if (colour.join() !== BACKGROUND.join()) outside++;
      } else if (colour.join() !== BACKGROUND.join()) inked++;
    }
  expect(outside).toBe(0);
  return inked;
}

const longClaim = claimShareImage({
  statement: `${LONGEST_STATEMENT} ${LONGEST_STATEMENT} ${LONGEST_STATEMENT}`,
  status: 'false',
  claimant:
    'Radio Free Europe/Radio Liberty and the Office of the President of Ukraine, in a joint statement read out to reporters',
  date: '2025-05-11',
}).input;

describe('share images', () => {
  test('the longest statement of the bench is long enough to need shortening', () => {
    expect(LONGEST_STATEMENT.split(' ').length).toBeGreaterThanOrEqual(19);
  });

  test.each([
    ['a claim with the longest statement of the bench and a long claimant', longClaim],
    [
      'an explainer with a very long headline',
      explainerShareImage(`Explainer: ${LONGEST_STATEMENT} ${LONGEST_STATEMENT} ${LONGEST_STATEMENT}`, [
        { status: 'false' },
        { status: 'misleading' },
        { status: 'confirmed' },
        { status: 'confirmed' },
      ]).input,
    ],
    [
      'a headline of one word longer than a line',
      explainerShareImage(`Rindfleischetikettierungsüberwachungsaufgabenübertragungsgesetz${'x'.repeat(300)}`, [])
        .input,
    ],
  ])('draws %s without any text leaving its margins', async (_name, input) => {
    expect(await expectWithinMargins(input)).toBeGreaterThan(20_000);
  });

  test('a long statement is shortened with an ellipsis: the drawing stops at four lines', () => {
    const statement = (input: ShareImageInput) =>
      shareImageLayout(input).lines.filter((line) => line.role === 'statement' || line.role === 'title');
    const short = statement(claimShareImage({ statement: 'Talks took place in Istanbul.', status: 'false' }).input);
    expect(short.map((line) => line.text)).toEqual(['Talks took place in Istanbul.']);
    const long = statement(longClaim);
    expect(long).toHaveLength(4);
    expect(long.at(-1)!.text).toMatch(/\S…$/);
    expect(long.slice(0, 3).every((line) => !line.text.endsWith('…'))).toBe(true);
    // Every line is filled: none could have taken the next word (each line is over 80% of the width).
    for (const line of long) expect(line.box.right - line.box.left).toBeGreaterThan(0.8 * (MARGIN.right - MARGIN.left));
    // A word longer than the line is cut, and still ends with the ellipsis at four lines.
    const word = statement(explainerShareImage('W'.repeat(500), []).input);
    expect(word).toHaveLength(4);
    expect(word.at(-1)!.text).toMatch(/W…$/);
  });

  test('is a 1200×630 PNG that carries the digest of what it shows', async () => {
    const png = await renderShareImage(
      {
        kind: 'claim',
        statement: 'Talks took place.',
        claimant: 'Claimed by a post',
        verdict: 'False',
        status: 'false',
      },
      'abc123',
    );
    expect(pngInfo(png)).toEqual({ width: 1200, height: 630, text: { Comment: 'sourced-share-image abc123' } });
  });

  test('the same input gives the same bytes; another verdict, another badge colour', async () => {
    const input = claimShareImage({ statement: LONGEST_STATEMENT, status: 'false', claimant: 'A post' }).input;
    const first = await renderShareImage(input, 'same');
    expect(await renderShareImage(input, 'same')).toEqual(first);
    const confirmed = claimShareImage({ statement: LONGEST_STATEMENT, status: 'confirmed', claimant: 'A post' }).input;
    const { badge } = shareImageLayout(input);
    const x = badge!.left + 6;
    const y = Math.round((badge!.top + badge!.bottom) / 2);
    // The badge's own background, beside its label: the verdict's colour of the site's light theme.
    expect(colourAt(pngPixels(first), x, y)).toEqual([0xfa, 0xde, 0xde]);
    expect(colourAt(pngPixels(await renderShareImage(confirmed, 'same')), x, y)).toEqual([0xe1, 0xf0, 0xe4]);
  });

  test('draws Cyrillic and Greek in the bundled fonts, as wide as Source Serif 4 sets them, not in a font of the system', () => {
    const text = 'Зеленський у Стамбулі. Η κυβέρνηση.';
    const [line] = shareImageLayout({
      kind: 'claim',
      statement: text,
      claimant: '',
      verdict: 'False',
      status: 'false',
    }).lines.filter((candidate) => candidate.role === 'statement');
    expect(line!.text).toBe(text);
    // The same words measured in the bundled files alone, registered under a name of the test's own.
    for (const subset of ['latin', 'cyrillic', 'greek'])
      GlobalFonts.registerFromPath(
        createRequire(import.meta.url).resolve(
          `@fontsource/source-serif-4/files/source-serif-4-${subset}-600-normal.woff2`,
        ),
        'Test Serif',
      );
    const context = createCanvas(10, 10).getContext('2d');
    context.font = line!.font.replace(/"[^"]+"/, '"Test Serif"');
    expect(line!.box.right - line!.box.left).toBeCloseTo(context.measureText(text).width, 0);
    context.font = line!.font.replace(/"[^"]+"/, '"No such font"');
    expect(Math.abs(line!.box.right - line!.box.left - context.measureText(text).width)).toBeGreaterThan(10);
  });

  test('draws text the bundled fonts lack (Arabic, Chinese, emoji) and Cyrillic and Greek without failing, inside the margins', async () => {
    const claim = claimShareImage({
      statement: `Москва заявила, что переговоры состоялись. قالت الحكومة إن المحادثات جرت. 政府表示会谈已经举行，双方同意继续对话并在下个月再次会面以讨论停火的细节 🙂🇺🇦👩‍👩‍👧 ${'中文'.repeat(80)}`,
      status: 'misleading',
      claimant: 'Η κυβέρνηση 🗳️',
      date: '2025-05-11',
    }).input;
    expect(await expectWithinMargins(claim)).toBeGreaterThan(10_000);
    const explainer = explainerShareImage('政府表示会谈已经举行'.repeat(20), [{ status: 'false' }]).input;
    expect(await expectWithinMargins(explainer)).toBeGreaterThan(10_000);
    // A verdict label too long for its badge, in a colour table the verdict is not in (neutral grey).
    const badge = {
      kind: 'claim',
      statement: 'Ж',
      claimant: '',
      verdict: 'Ω🙂'.repeat(100),
      status: 'unknown',
    } as const;
    expect(await expectWithinMargins(badge)).toBeGreaterThan(1_000);
  });

  test('draws image after image without holding on to memory (300 on one thread)', async () => {
    const input = (index: number) =>
      claimShareImage({ statement: `${LONGEST_STATEMENT} ${index}`, status: 'false', claimant: 'A post' }).input;
    for (let index = 0; index < 20; index++) await renderShareImage(input(index), 'warm');
    const before = process.memoryUsage().rss;
    for (let index = 0; index < 300; index++) await renderShareImage(input(index), 'memory');
    // satori + resvg kept about 3.5 MB of every image (about 1 GB here); the canvas is reused and
    // the pixels read from it are freed between images.
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 2 ** 20);
  });

  test('the explainer image counts verdicts worst first, and the alternative text says the same', () => {
    expect(
      explainerShareImage('Talks', [
        { status: 'confirmed' },
        { status: 'false' },
        { status: 'confirmed' },
        { status: 'misleading' },
        { status: 'false' },
      ]),
    ).toEqual({
      input: { kind: 'explainer', title: 'Talks', verdicts: '2 false · 1 misleading · 2 confirmed' },
      alt: 'Talks. Claims checked: 2 false · 1 misleading · 2 confirmed.',
    });
    expect(
      claimShareImage({ statement: 'He will come.', status: 'false', claimant: 'A post', date: '2025-05-11' }),
    ).toEqual({
      input: {
        kind: 'claim',
        statement: 'He will come.',
        claimant: 'Claimed by A post, 11 May 2025',
        verdict: 'False',
        status: 'false',
      },
      alt: 'False: “He will come.” Claimed by A post, 11 May 2025.',
    });
  });

  test('are cached by content: drawn once, then read; a deleted file is drawn again; an unwritable cache only costs time', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sourced-share-'));
    const service = createShareImageService(join(dir, 'cache'), { threads: 1 });
    try {
      const input = explainerShareImage('Talks in Istanbul', [{ status: 'false' }]).input;
      const otherInput = explainerShareImage('Talks in Ankara', [{ status: 'false' }]).input;
      const first = await service.image(input);
      expect([service.drawn, service.cached]).toEqual([1, 0]);
      expect(pngInfo(first).text).toEqual({
        Comment: `sourced-share-image ${shareImageDigest(input, shareImageRendererVersion())}`,
      });
      expect(await service.image(input)).toEqual(first);
      expect([service.drawn, service.cached]).toEqual([1, 1]);
      expect(readdirSync(join(dir, 'cache'))).toEqual([`${service.digest(input)}.png`]);
      rmSync(join(dir, 'cache', `${service.digest(input)}.png`));
      expect(await service.image(input)).toEqual(first);
      expect([service.drawn, service.cached]).toEqual([2, 1]);
      // Another text, another image.
      const other = await service.image(otherInput);
      expect(other).not.toEqual(first);
      expect(service.digest(otherInput)).not.toBe(service.digest(input));
    } finally {
      await service.close();
    }
    // A file where the cache folder should be: nothing can be written, the image is still made.
    writeFileSync(join(dir, 'blocked'), '');
    const blocked = createShareImageService(join(dir, 'blocked'), { threads: 1 });
    try {
      expect(pngInfo(await blocked.image(explainerShareImage('Talks', []).input)).width).toBe(1200);
    } finally {
      await blocked.close();
    }
  });

  test('are drawn ahead when prefetched (a build), and only when asked for otherwise (astro dev)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sourced-share-'));
    const input = explainerShareImage('Talks in Istanbul', [{ status: 'false' }]).input;
    const file = (cache: string) => join(dir, cache, `${shareImageDigest(input, shareImageRendererVersion())}.png`);
    const build = createShareImageService(join(dir, 'build'), { threads: 1 });
    try {
      build.prefetch(input);
      build.prefetch(input); // asked twice, drawn once
      await vi.waitFor(() => expect(existsSync(file('build'))).toBe(true), { timeout: 10_000 });
      expect(build.drawn).toBe(1);
      const png = await build.image(input);
      expect(pngInfo(png).text).toEqual({ Comment: `sourced-share-image ${build.digest(input)}` });
      expect([build.drawn, build.cached]).toEqual([1, 0]);
      // Already in the cache: a prefetch draws nothing.
      build.prefetch(input);
      expect(build.drawn).toBe(1);
    } finally {
      await build.close();
    }
    const dev = createShareImageService(join(dir, 'dev'), { threads: 1, prefetch: false });
    try {
      dev.prefetch(input);
      expect(dev.drawn).toBe(0);
      expect(existsSync(join(dir, 'dev'))).toBe(false);
      expect(pngInfo(await dev.image(input)).width).toBe(1200);
      expect(dev.drawn).toBe(1);
    } finally {
      await dev.close();
    }
  });
});
