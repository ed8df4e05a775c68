import { inflateSync } from 'node:zlib';

/** A PNG's size (from its IHDR chunk) and its `tEXt` chunks by keyword; throws on anything but a PNG. */
export function pngInfo(png: Uint8Array): { width: number; height: number; text: Record<string, string> } {
  const bytes = Buffer.from(png);
  if (!bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    throw new Error('not a PNG');
  const text: Record<string, string> = {};
  let width = 0;
  let height = 0;
  for (let at = 8; at < bytes.length;) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    const data = bytes.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
    } else if (type === 'tEXt') {
      const nul = data.indexOf(0);
      text[data.toString('latin1', 0, nul)] = data.toString('latin1', nul + 1);
    } else if (type === 'zTXt') {
      const nul = data.indexOf(0);
      text[data.toString('latin1', 0, nul)] = inflateSync(data.subarray(nul + 2)).toString('latin1');
    }
    at += 12 + length;
  }
  return { width, height, text };
}

/**
 * A PNG's pixels, as RGBA bytes row by row: 8-bit palette, grey, RGB and RGBA images, not interlaced
 * (what share images and most encoders write); throws on anything else.
 */
export function pngPixels(png: Uint8Array): { width: number; height: number; rgba: Uint8Array } {
  const bytes = Buffer.from(png);
  const { width, height } = pngInfo(bytes);
  let colourType = -1;
  let palette = Buffer.alloc(0);
  let transparency = Buffer.alloc(0);
  const data: Buffer[] = [];
  for (let at = 8; at < bytes.length;) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    const body = bytes.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      if (body[8] !== 8 || body[12] !== 0) throw new Error('only 8-bit, non-interlaced PNGs are read here');
      colourType = body[9]!;
    } else if (type === 'PLTE') palette = body;
    else if (type === 'tRNS') transparency = body;
    else if (type === 'IDAT') data.push(body);
    at += 12 + length;
  }
  const channels = ({ 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 } as Record<number, number>)[colourType];
  if (!channels) throw new Error(`unknown PNG colour type ${colourType}`);
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x]!;
      const left = x >= channels ? pixels[y * stride + x - channels]! : 0;
      const up = y > 0 ? pixels[(y - 1) * stride + x]! : 0;
      const upLeft = x >= channels && y > 0 ? pixels[(y - 1) * stride + x - channels]! : 0;
      let predicted = 0;
      if (filter === 1) predicted = left;
      else if (filter === 2) predicted = up;
      else if (filter === 3) predicted = (left + up) >> 1;
      else if (filter === 4) {
        const p = left + up - upLeft;
        const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
        predicted = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      } else if (filter !== 0) throw new Error(`unknown PNG filter ${filter}`);
      pixels[y * stride + x] = (value + predicted) & 0xff;
    }
  }
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const at = i * channels;
    if (colourType === 3) {
      const index = pixels[i]!;
      if (index * 3 + 2 >= palette.length) throw new Error(`palette index ${index} is not in the palette`);
      rgba.set(palette.subarray(index * 3, index * 3 + 3), i * 4);
      rgba[i * 4 + 3] = index < transparency.length ? transparency[index]! : 255;
    } else if (colourType === 0 || colourType === 4) {
      rgba.fill(pixels[at]!, i * 4, i * 4 + 3);
      rgba[i * 4 + 3] = colourType === 4 ? pixels[at + 1]! : 255;
    } else {
      rgba.set(pixels.subarray(at, at + 3), i * 4);
      rgba[i * 4 + 3] = colourType === 6 ? pixels[at + 3]! : 255;
    }
  }
  return { width, height, rgba };
}
