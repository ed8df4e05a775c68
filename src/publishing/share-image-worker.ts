import { renderShareImage, type ShareImageInput } from './share-image.ts';

/** A piscina worker: draws one share image (share-image.ts); the PNG's buffer is moved, not copied, back. */
export default async function draw({
  input,
  digest,
}: {
  input: ShareImageInput;
  digest: string;
}): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await renderShareImage(input, digest));
}
