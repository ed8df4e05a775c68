import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { crc32 } from 'node:zlib';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
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
 * a verdict the table does not know is drawn in neutral grey.
 */
const VERDICT_COLOURS: Record<string, { bg: string; fg: string }> = {
  confirmed: { bg: '#e1f0e4', fg: '#1b5a2a' },
  reported: { bg: '#e3ecf8', fg: '#1d4b80' },
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

const require = createRequire(import.meta.url);
/** A font file bundled in an npm package (@fontsource), read from node_modules: no network. */
const fontFile = (pkg: string, file: string): Buffer => readFileSync(require.resolve(`${pkg}/files/${file}`));

type Font = { name: string; data: Buffer; weight: 400 | 600 | 700; style: 'normal' };
let fonts: Font[] | undefined;
/**
 * Source Serif 4 (headlines and statements, as the site's serif) and Source Sans 3 (labels, as its
 * sans), in their Latin and Latin Extended subsets: satori takes WOFF, not WOFF2.
 */
function loadFonts(): Font[] {
  if (fonts) return fonts;
  const faces: Font[] = [];
  for (const subset of ['latin', 'latin-ext']) {
    faces.push({
      name: 'Serif',
      data: fontFile('@fontsource/source-serif-4', `source-serif-4-${subset}-600-normal.woff`),
      weight: 600,
      style: 'normal',
    });
    faces.push({
      name: 'Sans',
      data: fontFile('@fontsource/source-sans-3', `source-sans-3-${subset}-400-normal.woff`),
      weight: 400,
      style: 'normal',
    });
    faces.push({
      name: 'Sans',
      data: fontFile('@fontsource/source-sans-3', `source-sans-3-${subset}-700-normal.woff`),
      weight: 700,
      style: 'normal',
    });
  }
  return (fonts = faces);
}

type Node = { type: string; props: { style: Record<string, unknown>; children: Node | string | (Node | string)[] } };
const box = (style: Record<string, unknown>, children: Node['props']['children']): Node => ({
  type: 'div',
  props: { style, children },
});

/**
 * Text that wraps onto at most `lines` lines and ends with an ellipsis where it would overflow
 * (satori's `lineClamp`): no text ever runs off the image.
 */
const clamped = (text: string, lines: number, style: Record<string, unknown>): Node =>
  box({ display: 'block', width: CONTENT_WIDTH, lineClamp: lines, overflow: 'hidden', ...style }, text);
/** Pushes what follows it to the bottom of the image. */
const spacer = (): Node => box({ display: 'flex', flexGrow: 1 }, []);
const PADDING_X = 72;
const CONTENT_WIDTH = SHARE_IMAGE_WIDTH - 2 * PADDING_X;
const BAR = 16;
const MARGIN_TOP = 40;
const MARGIN_BOTTOM = 52;

function layout(input: ShareImageInput): Node {
  const header = box(
    {
      display: 'flex',
      alignItems: 'center',
      fontFamily: 'Sans',
      fontWeight: 700,
      fontSize: 34,
      color: ACCENT,
      letterSpacing: 1,
    },
    [
      'Sourced',
      box(
        { display: 'flex', marginLeft: 20, fontWeight: 400, color: MUTED },
        input.kind === 'claim' ? 'Claim check' : 'Explainer',
      ),
    ],
  );
  const body =
    input.kind === 'claim'
      ? [
          box(
            {
              display: 'flex',
              alignSelf: 'flex-start',
              marginTop: 36,
              padding: '6px 24px',
              borderRadius: 12,
              fontFamily: 'Sans',
              fontWeight: 700,
              fontSize: 44,
              backgroundColor: (VERDICT_COLOURS[input.status] ?? NEUTRAL).bg,
              color: (VERDICT_COLOURS[input.status] ?? NEUTRAL).fg,
            },
            input.verdict,
          ),
          clamped(input.statement, 4, {
            marginTop: 28,
            fontFamily: 'Serif',
            fontWeight: 600,
            fontSize: 54,
            lineHeight: 1.2,
            color: TEXT,
          }),
          spacer(),
          ...(input.claimant ? [clamped(input.claimant, 1, { fontFamily: 'Sans', fontSize: 36, color: MUTED })] : []),
        ]
      : [
          clamped(input.title, 4, {
            marginTop: 40,
            fontFamily: 'Serif',
            fontWeight: 600,
            fontSize: 62,
            lineHeight: 1.18,
            color: TEXT,
          }),
          spacer(),
          ...(input.verdicts
            ? [
                clamped(input.verdicts, 2, {
                  fontFamily: 'Sans',
                  fontWeight: 700,
                  fontSize: 40,
                  lineHeight: 1.25,
                  color: TEXT,
                }),
              ]
            : []),
        ];
  // Satori sizes boxes without their padding and borders (content-box), so the frame is made of
  // boxes of exact sizes: the accent bar, then the text column inside its margins.
  return box(
    {
      display: 'flex',
      flexDirection: 'column',
      width: SHARE_IMAGE_WIDTH,
      height: SHARE_IMAGE_HEIGHT,
      backgroundColor: BACKGROUND,
    },
    [
      box({ display: 'flex', width: SHARE_IMAGE_WIDTH, height: BAR, backgroundColor: ACCENT }, []),
      box(
        {
          display: 'flex',
          flexDirection: 'column',
          width: CONTENT_WIDTH,
          height: SHARE_IMAGE_HEIGHT - BAR - MARGIN_TOP - MARGIN_BOTTOM,
          marginTop: MARGIN_TOP,
          marginLeft: PADDING_X,
        },
        [header, ...body],
      ),
    ],
  );
}

/** The image as SVG, its text drawn as paths in the bundled fonts (satori). */
export async function shareImageSvg(input: ShareImageInput): Promise<string> {
  return satori(layout(input) as never, { width: SHARE_IMAGE_WIDTH, height: SHARE_IMAGE_HEIGHT, fonts: loadFonts() });
}

/**
 * A PNG chunk of type `tEXt`: a Latin-1 keyword, a NUL and the text. Share images carry the
 * digest of what they show (`Comment`), so that a test, or anyone, can tell which text made them.
 */
function textChunk(keyword: string, text: string): Buffer {
  const data = Buffer.concat([Buffer.from(keyword, 'latin1'), Buffer.from([0]), Buffer.from(text, 'latin1')]);
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write('tEXt', 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** Puts `chunk` right before the PNG's closing IEND chunk (its last 12 bytes). */
const withChunk = (png: Buffer, chunk: Buffer): Buffer =>
  Buffer.concat([png.subarray(0, png.length - 12), chunk, png.subarray(png.length - 12)]);

/** The PNG of a share image (1200×630), carrying `digest` (the digest of its input) in a `tEXt` `Comment` chunk. */
export async function renderShareImage(input: ShareImageInput, digest: string): Promise<Buffer> {
  const svg = await shareImageSvg(input);
  const png = new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render().asPng();
  return withChunk(Buffer.from(png), textChunk('Comment', `sourced-share-image ${digest}`));
}
