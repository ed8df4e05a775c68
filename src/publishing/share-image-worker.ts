import { writeWhole } from '../infra/write-whole.ts';
import { renderShareImage, type ShareImageInput } from './share-image.ts';

/**
 * A piscina worker: draws one share image (share-image.ts). With `file`, it keeps the PNG there
 * (in a folder the caller made) and returns nothing; without it, or when the file cannot be
 * written, the PNG's buffer is moved, not copied, back.
 */
export default async function draw({
  input,
  digest,
  file,
}: {
  input: ShareImageInput;
  digest: string;
  file?: string;
}): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const png = new Uint8Array(await renderShareImage(input, digest));
  if (file === undefined) return png;
  try {
    writeWhole(file, png);
    return undefined;
  } catch {
    // A cache that cannot be written makes the next build slower, never this one fail.
    return png;
  }
}
