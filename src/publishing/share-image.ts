import { createRequire } from 'node:module';
import { createCanvas, GlobalFonts, type SKRSContext2D } from '@napi-rs/canvas';
import { palettePng, textChunk, type Rgb } from './palette-png.ts';
import { SHARE_IMAGE_HEIGHT, SHARE_IMAGE_WIDTH } from './share-image-size.ts';

export { SHARE_IMAGE_HEIGHT, SHARE_IMAGE_WIDTH };

/** What a share image shows: only text the page itself shows. */
export type ShareImageInput =
  | {
      kind: 'explainer';
      /** The explainer's headline. */
      title: string;
      /** Its claims' verdicts, such as "2 false · 3 misleading · 5 confirmed" (empty for none). */
      verdicts: string;
    }
  | {
      kind: 'claim';
      /** The claim's statement. */
      statement: string;
      /** Who made it, as the page names them, and when (may be empty). */
      claimant: string;
      /** The verdict's label, such as "False". */
      verdict: string;
      /** The verdict's id, which picks the badge's colours. */
      status: string;
    };

/**
 * The badge colours of each verdict, those of the site's light theme (src/styles/global.css);
 * the ratings that give no verdict on truth (unproven, outdated, not checkable) are neutral grey
 * there and here.
 */
const VERDICT_COLOURS: Record<string, { bg: string; fg: string }> = {
  confirmed: { bg: '#e1f0e4', fg: '#1b5a2a' },
  'missing-context': { bg: '#e3ecf8', fg: '#1d4b80' },
  disputed: { bg: '#faedd4', fg: '#6e4300' },
  misleading: { bg: '#fce3d4', fg: '#833507' },
  false: { bg: '#fadede', fg: '#931b1b' },
};
const NEUTRAL = { bg: '#ebebeb', fg: '#3f3f3f' };
const TEXT = '#1b1b1b';
const MUTED = '#595959';
const BACKGROUND = '#fdfcf9';
const ACCENT = '#0b5cad';

const PADDING_X = 72;
const CONTENT_WIDTH = SHARE_IMAGE_WIDTH - 2 * PADDING_X;
const BAR = 16;
const MARGIN_TOP = 40;
const MARGIN_BOTTOM = 52;
/** The text column: everything but the accent bar is drawn inside it. */
const CONTENT = {
  left: PADDING_X,
  top: BAR + MARGIN_TOP,
  right: SHARE_IMAGE_WIDTH - PADDING_X,
  bottom: SHARE_IMAGE_HEIGHT - MARGIN_BOTTOM,
};
const BADGE_PADDING_X = 24;
const BADGE_PADDING_Y = 6;
const BADGE_RADIUS = 12;
const ELLIPSIS = '…';

/**
 * Source Serif 4 (headlines and statements, as the site's serif) and Source Sans 3 (labels, as its
 * sans), in their Latin, Cyrillic, Greek and Vietnamese subsets (`SUBSETS`), from the @fontsource packages in node_modules
 * (no network). Each face is registered under a name of its own, so that an installed copy of the
 * same family never stands in and each thread can tell whether another registered it already
 * (skia's font list is the process's); a character they lack is drawn in a font of the system.
 */
const SERIF = 'Sourced Serif 600';
const SANS = 'Sourced Sans 400';
const SANS_BOLD = 'Sourced Sans 700';
const FACES = [
  { family: SERIF, pkg: '@fontsource/source-serif-4', file: 'source-serif-4', weight: 600 },
  { family: SANS, pkg: '@fontsource/source-sans-3', file: 'source-sans-3', weight: 400 },
  { family: SANS_BOLD, pkg: '@fontsource/source-sans-3', file: 'source-sans-3', weight: 700 },
] as const;

type Face = { family: string; weight: number; size: number };
type Style = Face & {
  /** The line's height as a multiple of the size; the font's own (CSS `normal`) when absent. */
  lineHeight?: number;
  colour: string;
  letterSpacing?: number;
};
const font = ({ family, weight, size }: Face): string => `${weight} ${size}px "${family}"`;
/** Makes `style` the context's font, for measuring and drawing. */
function useStyle(ctx: SKRSContext2D, style: Style): void {
  ctx.font = font(style);
  ctx.letterSpacing = `${style.letterSpacing ?? 0}px`;
}

/** A rectangle in pixels: left and top included, right and bottom excluded. */
export type Box = { left: number; top: number; right: number; bottom: number };

/** One line of text as the image draws it. */
export type ShareImageLine = {
  role: 'brand' | 'kind' | 'verdict' | 'statement' | 'claimant' | 'title' | 'verdicts';
  text: string;
  /** The CSS font it is drawn in, its colour and the colour under it. */
  font: string;
  colour: string;
  background: string;
  letterSpacing: number;
  /** Where its baseline starts. */
  x: number;
  baseline: number;
  /** Its line box (advance width by line height) and the box of its ink, as skia measures them. */
  box: Box;
  ink: Box;
};

/** What a share image draws, in pixels: the lines of text and the verdict's badge. */
export type ShareImageLayout = {
  lines: ShareImageLine[];
  badge?: Box & { colour: string };
};

const require = createRequire(import.meta.url);
/**
 * The scripts of the bundled faces, each a file of its own in @fontsource: Latin, and the Cyrillic
 * and Greek of the names and quotations the site's explainers carry. Only characters outside them
 * (Arabic, Hebrew, CJK, emoji) are drawn in a font of the system.
 */
const SUBSETS = ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext', 'greek', 'vietnamese'] as const;

let context: SKRSContext2D | undefined;
/**
 * The canvas this thread draws every image on (1200×630, reused: one image at a time per thread),
 * the fonts registered first.
 */
function canvas(): SKRSContext2D {
  if (context) return context;
  for (const face of FACES) {
    if (GlobalFonts.has(face.family)) continue;
    for (const subset of SUBSETS) {
      const file = require.resolve(`${face.pkg}/files/${face.file}-${subset}-${face.weight}-normal.woff2`);
      if (!GlobalFonts.registerFromPath(file, face.family, { weight: String(face.weight), style: 'normal' }))
        throw new Error(`skia could not read the font ${file}`);
    }
  }
  context = createCanvas(SHARE_IMAGE_WIDTH, SHARE_IMAGE_HEIGHT).getContext('2d');
  return context;
}

const verticalMetrics = new Map<string, { ascent: number; descent: number }>();
/** The font's ascent and descent as skia reads them from it (the line box of CSS), for one pixel of size. */
function metricsOf(ctx: SKRSContext2D, face: Face): { ascent: number; descent: number } {
  const key = `${face.weight} ${face.family}`;
  let metrics = verticalMetrics.get(key);
  if (!metrics) {
    const previous = ctx.font;
    ctx.font = font({ ...face, size: 1000 });
    const measured = ctx.measureText('H');
    ctx.font = previous;
    metrics = { ascent: measured.fontBoundingBoxAscent / 1000, descent: measured.fontBoundingBoxDescent / 1000 };
    verticalMetrics.set(key, metrics);
  }
  return metrics;
}

/** Widths of words by font (`fontKey`), kept across images (words recur): cleared when it grows large. */
const wordWidths = new Map<string, number>();
function wordWidth(ctx: SKRSContext2D, fontKey: string, word: string): number {
  const key = `${fontKey}\n${word}`;
  let width = wordWidths.get(key);
  if (width === undefined) {
    if (wordWidths.size >= 20_000) wordWidths.clear();
    width = ctx.measureText(word).width;
    wordWidths.set(key, width);
  }
  return width;
}

let graphemeSegmenter: Intl.Segmenter | undefined;
const graphemes = (text: string): string[] =>
  [...(graphemeSegmenter ??= new Intl.Segmenter('en', { granularity: 'grapheme' })).segment(text)].map(
    (part) => part.segment,
  );

/** The longest start of `word`, in whole characters (at least `least`), that fits in `width`; and the rest. */
function cutToFit(ctx: SKRSContext2D, word: string, width: number, suffix = '', least = 1): [string, string] {
  const parts = graphemes(word);
  let low = Math.min(least, parts.length);
  let high = parts.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (ctx.measureText(parts.slice(0, mid).join('') + suffix).width <= width) low = mid;
    else high = mid - 1;
  }
  return [parts.slice(0, low).join(''), parts.slice(low).join('')];
}

/** `line` shortened, word by word and then character by character, until it fits with an ellipsis. */
function withEllipsis(ctx: SKRSContext2D, line: string, width: number): string {
  let text = line.trimEnd();
  while (text && ctx.measureText(text + ELLIPSIS).width > width) {
    const space = text.lastIndexOf(' ');
    if (space > 0) text = text.slice(0, space).trimEnd();
    else text = cutToFit(ctx, text, width, ELLIPSIS)[0];
    if (graphemes(text).length === 1 && ctx.measureText(text + ELLIPSIS).width > width) return ELLIPSIS;
  }
  return text + ELLIPSIS;
}

/**
 * `text` broken into lines that fit in `width`, at most `maxLines`, in the context's font: at
 * spaces, and a word too long for a line of its own (a long compound, text without spaces) starts
 * on the line it reaches and is cut between characters. Text that does not fit ends the last line
 * with an ellipsis.
 */
function wrap(ctx: SKRSContext2D, text: string, width: number, maxLines: number): string[] {
  const words = text.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
  const lines: string[] = [];
  const fontKey = `${ctx.font} ${ctx.letterSpacing}`;
  const space = wordWidth(ctx, fontKey, ' ');
  let line = '';
  let lineWidth = 0;
  let next = 0;
  let rest: string | undefined; // what is left of a word cut at the end of a line
  while (lines.length < maxLines) {
    let word: string;
    if (rest !== undefined) {
      word = rest;
      rest = undefined;
    } else if (next < words.length) word = words[next++]!;
    else break;
    const wordWide = wordWidth(ctx, fontKey, word);
    const gap = line ? space : 0;
    if (lineWidth + gap + wordWide <= width) {
      line = line ? `${line} ${word}` : word;
      lineWidth += gap + wordWide;
    } else if (wordWide <= width) {
      lines.push(line);
      line = word;
      lineWidth = wordWide;
    } else {
      const [head, tail] = cutToFit(ctx, word, width - lineWidth - gap, '', line ? 0 : 1);
      lines.push(head ? (line ? `${line} ${head}` : head) : line);
      line = '';
      lineWidth = 0;
      if (tail) rest = tail;
    }
  }
  if (line && lines.length < maxLines) {
    lines.push(line);
    line = '';
  }
  let truncated = line !== '' || rest !== undefined || next < words.length;
  // The widths were added word by word; each line as skia shapes it is measured whole. A line
  // that comes out wider (kerning across a space, a fallback font) gives up its last word.
  for (let i = 0; i < lines.length; i++) {
    while (ctx.measureText(lines[i]!).width > width) {
      const cut = lines[i]!.lastIndexOf(' ');
      if (cut <= 0) {
        lines[i] = cutToFit(ctx, lines[i]!, width)[0];
        truncated ||= i === lines.length - 1;
        break;
      }
      const moved = lines[i]!.slice(cut + 1);
      lines[i] = lines[i]!.slice(0, cut);
      if (i + 1 < lines.length) lines[i + 1] = `${moved} ${lines[i + 1]}`;
      else if (lines.length < maxLines) lines.push(moved);
      else truncated = true;
    }
  }
  if (truncated && lines.length > 0) lines[lines.length - 1] = withEllipsis(ctx, lines.at(-1)!, width);
  return lines;
}

/**
 * Lays out lines of text from `top` down, each `style.lineHeight` high, the baseline placed as CSS
 * places it (half the leading above the ascent) and rounded to a whole pixel.
 */
function setLines(
  ctx: SKRSContext2D,
  role: ShareImageLine['role'],
  texts: string[],
  style: Style,
  x: number,
  top: number,
  background: string,
): ShareImageLine[] {
  const { ascent, descent } = metricsOf(ctx, style);
  const contentHeight = (ascent + descent) * style.size;
  const lineHeight = style.lineHeight ? style.lineHeight * style.size : contentHeight;
  useStyle(ctx, style);
  return texts.map((text, index) => {
    const lineTop = top + index * lineHeight;
    const baseline = Math.round(lineTop + (lineHeight - contentHeight) / 2 + ascent * style.size);
    const measured = ctx.measureText(text);
    return {
      role,
      text,
      font: font(style),
      colour: style.colour,
      background,
      letterSpacing: style.letterSpacing ?? 0,
      x,
      baseline,
      box: { left: x, top: lineTop, right: x + measured.width, bottom: lineTop + lineHeight },
      ink: {
        left: x - measured.actualBoundingBoxLeft,
        top: baseline - measured.actualBoundingBoxAscent,
        right: x + measured.actualBoundingBoxRight,
        bottom: baseline + measured.actualBoundingBoxDescent,
      },
    };
  });
}

/** The height of `lines` lines in `style`. */
function linesHeight(ctx: SKRSContext2D, style: Style, lines: number): number {
  const { ascent, descent } = metricsOf(ctx, style);
  return lines * (style.lineHeight ? style.lineHeight * style.size : (ascent + descent) * style.size);
}

/**
 * The design, in pixels: the accent bar; "Sourced" and what the page is; for a claim, the verdict
 * in a badge of its colours, the statement (at most four lines) and, at the bottom, who made it;
 * for an explainer, its headline (at most four lines) and, at the bottom, its verdicts. The same
 * sizes, margins and line heights as the flexbox layout satori drew before (docs/publishing.md).
 */
function layOut(ctx: SKRSContext2D, input: ShareImageInput): ShareImageLayout {
  const header: Style = { family: SANS_BOLD, weight: 700, size: 34, colour: ACCENT, letterSpacing: 1 };
  const lines = setLines(ctx, 'brand', ['Sourced'], header, CONTENT.left, CONTENT.top, BACKGROUND);
  const kindStyle: Style = { ...header, family: SANS, weight: 400, colour: MUTED };
  const kindX = lines[0]!.box.right + 20;
  lines.push(
    ...setLines(
      ctx,
      'kind',
      [input.kind === 'claim' ? 'Claim check' : 'Explainer'],
      kindStyle,
      kindX,
      CONTENT.top,
      BACKGROUND,
    ),
  );
  let y = lines[0]!.box.bottom;
  if (input.kind === 'claim') {
    const colours = VERDICT_COLOURS[input.status] ?? NEUTRAL;
    const badgeStyle: Style = { family: SANS_BOLD, weight: 700, size: 44, colour: colours.fg };
    useStyle(ctx, badgeStyle);
    const maxText = CONTENT_WIDTH - 2 * BADGE_PADDING_X;
    const [label = ''] = wrap(ctx, input.verdict, maxText, 1);
    const badgeTop = Math.round(y + 36);
    const [verdict] = setLines(
      ctx,
      'verdict',
      [label],
      badgeStyle,
      CONTENT.left + BADGE_PADDING_X,
      badgeTop + BADGE_PADDING_Y,
      colours.bg,
    );
    const badge = {
      left: CONTENT.left,
      top: badgeTop,
      right: Math.round(verdict!.box.right + BADGE_PADDING_X),
      bottom: Math.round(verdict!.box.bottom + BADGE_PADDING_Y),
      colour: colours.bg,
    };
    lines.push(verdict!);
    y = badge.bottom + 28;
    const statementStyle: Style = { family: SERIF, weight: 600, size: 54, lineHeight: 1.2, colour: TEXT };
    useStyle(ctx, statementStyle);
    lines.push(
      ...setLines(
        ctx,
        'statement',
        wrap(ctx, input.statement, CONTENT_WIDTH, 4),
        statementStyle,
        CONTENT.left,
        y,
        BACKGROUND,
      ),
    );
    if (input.claimant) {
      const claimantStyle: Style = { family: SANS, weight: 400, size: 36, colour: MUTED };
      useStyle(ctx, claimantStyle);
      lines.push(
        ...setLines(
          ctx,
          'claimant',
          wrap(ctx, input.claimant, CONTENT_WIDTH, 1),
          claimantStyle,
          CONTENT.left,
          CONTENT.bottom - linesHeight(ctx, claimantStyle, 1),
          BACKGROUND,
        ),
      );
    }
    return { lines, badge };
  }
  const titleStyle: Style = { family: SERIF, weight: 600, size: 62, lineHeight: 1.18, colour: TEXT };
  useStyle(ctx, titleStyle);
  lines.push(
    ...setLines(ctx, 'title', wrap(ctx, input.title, CONTENT_WIDTH, 4), titleStyle, CONTENT.left, y + 40, BACKGROUND),
  );
  if (input.verdicts) {
    const verdictsStyle: Style = { family: SANS_BOLD, weight: 700, size: 40, lineHeight: 1.25, colour: TEXT };
    useStyle(ctx, verdictsStyle);
    const texts = wrap(ctx, input.verdicts, CONTENT_WIDTH, 2);
    lines.push(
      ...setLines(
        ctx,
        'verdicts',
        texts,
        verdictsStyle,
        CONTENT.left,
        CONTENT.bottom - linesHeight(ctx, verdictsStyle, texts.length),
        BACKGROUND,
      ),
    );
  }
  return { lines };
}

/** Where the lines go and what they say, as `renderShareImage` draws them (for tests). */
export function shareImageLayout(input: ShareImageInput): ShareImageLayout {
  return layOut(canvas(), input);
}

const rgb = (hex: string): Rgb => [
  Number.parseInt(hex.slice(1, 3), 16),
  Number.parseInt(hex.slice(3, 5), 16),
  Number.parseInt(hex.slice(5, 7), 16),
];

/**
 * Shades of text coverage between a colour and the colour under it: 16, the coverage skia leaves
 * (0 to 255) rounded to the nearest 1/15, which looks the same as 32 or 256 at these sizes and
 * compresses 10% better. Five pairs at most (the header's two colours, the statement's, the
 * badge's label and the badge's corners) make fewer than 80 colours: within a PNG palette's 256.
 */
const LEVELS = 16;

/** The colours of one image, in the order first used; index 0 is the background. */
class Palette {
  readonly colours: Rgb[] = [];
  private readonly indices = new Map<number, number>();
  private readonly shades = new Map<string, Uint8Array>();

  index([r, g, b]: Rgb): number {
    const key = (r << 16) | (g << 8) | b;
    let index = this.indices.get(key);
    if (index === undefined) {
      index = this.colours.length;
      if (index === 256) throw new Error('a share image needs more than 256 colours');
      this.colours.push([r, g, b]);
      this.indices.set(key, index);
    }
    return index;
  }

  /** For each coverage 0 to 255 of `fg` over `bg`, the palette index of the colour it makes. */
  shade(fg: string, bg: string): Uint8Array {
    let table = this.shades.get(`${fg}${bg}`);
    if (table) return table;
    const [fr, fgG, fb] = rgb(fg);
    const [br, bgG, bb] = rgb(bg);
    const levels = Array.from({ length: LEVELS }, (_, level) => {
      const t = level / (LEVELS - 1);
      return this.index([
        Math.round(br + (fr - br) * t),
        Math.round(bgG + (fgG - bgG) * t),
        Math.round(bb + (fb - bb) * t),
      ]);
    });
    table = new Uint8Array(256);
    for (let alpha = 0; alpha < 256; alpha++) table[alpha] = levels[Math.round((alpha * (LEVELS - 1)) / 255)]!;
    this.shades.set(`${fg}${bg}`, table);
    return table;
  }
}

const ROW = SHARE_IMAGE_WIDTH + 1;
/** The image's PNG rows, reused by every image this thread draws (compressed before the next). */
let pngRows: Uint8Array | undefined;

/** Fills `box` (whole pixels) with palette index `index` in PNG rows (a filter byte, then the pixels). */
function fill(rows: Uint8Array, box: Box, index: number): void {
  for (let y = box.top; y < box.bottom; y++) rows.fill(index, y * ROW + 1 + box.left, y * ROW + 1 + box.right);
}

/** The badge: a rectangle with rounded corners, their edges anti-aliased (4×4 samples a pixel). */
function drawBadge(rows: Uint8Array, badge: Box, shade: Uint8Array): void {
  fill(rows, badge, shade[255]!);
  const r = BADGE_RADIUS;
  for (let dy = 0; dy < r; dy++)
    for (let dx = 0; dx < r; dx++) {
      let inside = 0;
      for (let sy = 0; sy < 4; sy++)
        for (let sx = 0; sx < 4; sx++) {
          const px = r - (dx + (sx + 0.5) / 4);
          const py = r - (dy + (sy + 0.5) / 4);
          if (px * px + py * py <= r * r) inside++;
        }
      const index = shade[Math.round((inside * 255) / 16)]!;
      // The same corner pixel, mirrored to the four corners.
      for (const [x, y] of [
        [badge.left + dx, badge.top + dy],
        [badge.right - 1 - dx, badge.top + dy],
        [badge.left + dx, badge.bottom - 1 - dy],
        [badge.right - 1 - dx, badge.bottom - 1 - dy],
      ] as const)
        rows[y * ROW + 1 + x] = index;
    }
}

/**
 * The PNG of a share image (1200×630), carrying `digest` (the digest of its input) in a `tEXt`
 * `Comment` chunk.
 *
 * skia (@napi-rs/canvas) draws the text, shaped as a browser would (kerning, ligatures, a system
 * font for a character the bundled fonts lack), on one canvas this thread reuses; the coverage it
 * leaves, one alpha byte a pixel, becomes shades of the text's colour over what is under it, in a
 * palette image composed here with the bar and the badge and compressed by zlib (palette-png.ts):
 * 3 ms and 35 KB an image, where skia's own PNG encoder takes 27 ms (4 ms and 92 KB at zlib level
 * 1) and satori + resvg took 30 ms and kept 3.5 MB of every image (docs/publishing.md).
 */
export async function renderShareImage(input: ShareImageInput, digest: string): Promise<Buffer> {
  const ctx = canvas();
  const layout = layOut(ctx, input);
  ctx.clearRect(0, 0, SHARE_IMAGE_WIDTH, SHARE_IMAGE_HEIGHT);
  for (const line of layout.lines) {
    ctx.font = line.font;
    ctx.letterSpacing = `${line.letterSpacing}px`;
    ctx.fillStyle = line.colour;
    ctx.fillText(line.text, line.x, line.baseline);
  }
  const palette = new Palette();
  palette.index(rgb(BACKGROUND));
  // Index 0 is the background and 0 the filter byte of each row ("none"): zeros are a blank image.
  const rows = (pngRows ??= new Uint8Array(ROW * SHARE_IMAGE_HEIGHT)).fill(0);
  fill(rows, { left: 0, top: 0, right: SHARE_IMAGE_WIDTH, bottom: BAR }, palette.index(rgb(ACCENT)));
  if (layout.badge) drawBadge(rows, layout.badge, palette.shade(layout.badge.colour, BACKGROUND));
  // Each line's coverage is read inside its own box (its line box and its ink), within the text
  // column (the badge for its label): ink never leaves the margins, each pixel takes its line's
  // colours, and only the pixels that may hold text are read (reading costs more than drawing).
  for (const line of layout.lines) {
    const bounds = line.role === 'verdict' && layout.badge ? layout.badge : CONTENT;
    const left = Math.max(bounds.left, Math.floor(Math.min(line.box.left, line.ink.left)));
    const top = Math.max(bounds.top, Math.floor(Math.min(line.box.top, line.ink.top)));
    const right = Math.min(bounds.right, Math.ceil(Math.max(line.box.right, line.ink.right)));
    const bottom = Math.min(bounds.bottom, Math.ceil(Math.max(line.box.bottom, line.ink.bottom)));
    if (right <= left || bottom <= top) continue;
    const width = right - left;
    const { data } = ctx.getImageData(left, top, width, bottom - top);
    // Four bytes a pixel, read as one number: 0 where nothing was drawn, else its top byte
    // (little-endian: the alpha) is the coverage.
    const pixels = new Uint32Array(data.buffer, data.byteOffset, data.length >> 2);
    const shade = palette.shade(line.colour, line.background);
    for (let y = top, from = 0; y < bottom; y++, from += width) {
      const row = y * ROW + 1 + left;
      for (let x = 0; x < width; x++) {
        const pixel = pixels[from + x]!;
        if (pixel !== 0) rows[row + x] = shade[pixel >>> 24]!;
      }
    }
  }
  const png = palettePng(SHARE_IMAGE_WIDTH, SHARE_IMAGE_HEIGHT, palette.colours, rows, [
    textChunk('Comment', `sourced-share-image ${digest}`),
  ]);
  // The pixels skia gave (getImageData) are freed by a finalizer that Node runs from the event
  // loop, not during a run of synchronous code: a turn of the loop here keeps a caller that draws
  // image after image (a worker, a test) from holding the pixels of every image it drew.
  await new Promise((resolve) => setImmediate(resolve));
  return png;
}
