import { mkdtempSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { generateArticle } from '../../bench/generate.ts';
import {
  renderShareImage,
  shareImageSvg,
  SHARE_IMAGE_HEIGHT,
  SHARE_IMAGE_WIDTH,
} from '../../src/publishing/share-image.ts';
import { createShareImageService, shareImageRendererVersion } from '../../src/publishing/share-images-integration.ts';
import { claimShareImage, explainerShareImage, shareImageDigest } from '../../src/publishing/share-images.ts';
import { pngInfo } from '../helpers/png.ts';

/** The longest claim statement of the bench's first 300 synthetic explainers (seed 1). */
const LONGEST_STATEMENT = Array.from({ length: 300 }, (_, index) => generateArticle(1, index))
  .flatMap((text) => [...text.matchAll(/^ {4}statement: '(.*)'$/gm)].map((match) => match[1]!.replaceAll("''", "'")))
  .reduce((longest, statement) => (statement.length > longest.length ? statement : longest), '');

/**
 * Every point of the glyph outlines satori drew (the `<path>`s filled with a text colour), as
 * [x, y]: the outlines are absolute `M`, `L` and `Q` commands.
 */
function glyphPoints(svg: string): [number, number][] {
  const points: [number, number][] = [];
  for (const [, d] of svg.matchAll(/<path fill="#(?:1b1b1b|595959|0b5cad|931b1b)" d="([^"]+)"/g)) {
    const numbers = d!.match(/-?\d+(?:\.\d+)?/g)!.map(Number);
    for (let i = 0; i + 1 < numbers.length; i += 2) points.push([numbers[i]!, numbers[i + 1]!]);
  }
  return points;
}

describe('share images', () => {
  test('the longest statement of the bench is long enough to need shortening', () => {
    expect(LONGEST_STATEMENT.split(' ').length).toBeGreaterThanOrEqual(19);
  });

  test.each([
    [
      'a claim with the longest statement of the bench and a long claimant',
      claimShareImage({
        statement: `${LONGEST_STATEMENT} ${LONGEST_STATEMENT} ${LONGEST_STATEMENT}`,
        status: 'false',
        claimant:
          'Radio Free Europe/Radio Liberty and the Office of the President of Ukraine, in a joint statement read out to reporters',
        date: '2025-05-11',
      }).input,
    ],
    [
      'an explainer with a very long headline',
      explainerShareImage(`Explainer: ${LONGEST_STATEMENT} ${LONGEST_STATEMENT} ${LONGEST_STATEMENT}`, [
        { status: 'false' },
        { status: 'misleading' },
        { status: 'confirmed' },
        { status: 'confirmed' },
      ]).input,
    ],
  ])('draws %s without any text leaving its margins', async (_name, input) => {
    const svg = await shareImageSvg(input);
    const points = glyphPoints(svg);
    expect(points.length).toBeGreaterThan(1000);
    const xs = points.map(([x]) => x);
    const ys = points.map(([, y]) => y);
    // 72 px side margins, the accent bar (16 px) above, and the bottom margin (52 px).
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(72);
    expect(Math.max(...xs)).toBeLessThanOrEqual(SHARE_IMAGE_WIDTH - 72);
    expect(Math.min(...ys)).toBeGreaterThanOrEqual(16);
    expect(Math.max(...ys)).toBeLessThanOrEqual(SHARE_IMAGE_HEIGHT - 52 + 12);
  });

  test('a long statement is shortened with an ellipsis: the drawing stops at four lines', async () => {
    const short = await shareImageSvg(claimShareImage({ statement: LONGEST_STATEMENT, status: 'false' }).input);
    const long = await shareImageSvg(
      claimShareImage({ statement: `${LONGEST_STATEMENT} ${LONGEST_STATEMENT} ${LONGEST_STATEMENT}`, status: 'false' })
        .input,
    );
    const bottom = (svg: string) => Math.max(...glyphPoints(svg).map(([, y]) => y));
    // Three times the text does not make three times the lines: the statement is clamped.
    expect(bottom(long)).toBeLessThan(SHARE_IMAGE_HEIGHT - 52);
    expect(bottom(long)).toBeGreaterThanOrEqual(bottom(short));
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
});
