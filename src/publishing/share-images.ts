import { createHash } from 'node:crypto';
import type { ClaimStatus } from '../format/index.ts';
import { verdictCounts } from '../site/claims.ts';
import { formatDate } from '../site/format-date.ts';
import { STATUS_LABELS } from '../site/labels.ts';
import type { ShareImageInput } from './share-image.ts';

export type { ShareImageInput } from './share-image.ts';
export { SHARE_IMAGE_HEIGHT, SHARE_IMAGE_WIDTH } from './share-image-size.ts';

/**
 * What draws share images for the pages of one `astro build` or `astro dev`: the `shareImages()`
 * integration (share-images-integration.ts) makes it, with its worker threads and its cache, and
 * hands it to the pages' code through `globalThis`, in the same process (pages are bundled apart
 * from the config's modules, so they cannot import its instance).
 */
export interface ShareImageService {
  /** The digest of what an image shows and of the code that draws it: its cache key. */
  digest(input: ShareImageInput): string;
  /**
   * Starts drawing the image on a worker thread unless the cache holds it: called for every image
   * before any is asked for, so that images are drawn while Astro renders the pages.
   */
  prefetch(input: ShareImageInput): void;
  /** The PNG, from the cache when an image of the same digest was drawn before. */
  image(input: ShareImageInput): Promise<Uint8Array<ArrayBuffer>>;
}

const KEY = Symbol.for('sourced.share-images');

/** Makes `service` the one pages draw with (the integration, when Astro starts). */
export function provideShareImages(service: ShareImageService | undefined): void {
  (globalThis as Record<symbol, unknown>)[KEY] = service;
}

/** The service the integration provided; a clear error when astro.config.mjs does not add it. */
export function shareImages(): ShareImageService {
  const service = (globalThis as Record<symbol, unknown>)[KEY] as ShareImageService | undefined;
  if (!service)
    throw new Error(
      'Share images cannot be drawn: astro.config.mjs does not add the shareImages() integration (src/publishing/share-images-integration.ts). Add it to `integrations`.',
    );
  return service;
}

/** The digest of an image's input and the renderer's version (hex, 64 characters). */
export const shareImageDigest = (input: ShareImageInput, rendererVersion: string): string =>
  createHash('sha256').update(rendererVersion).update('\0').update(JSON.stringify(input)).digest('hex');

/** A page's share image: what it shows, and the same in words for `og:image:alt`. */
export interface ShareImage {
  input: ShareImageInput;
  alt: string;
}

/** An explainer's share image: its headline and its claims' verdicts ("2 false · 3 misleading · 5 confirmed"). */
export function explainerShareImage(title: string, claims: readonly { status: ClaimStatus }[]): ShareImage {
  const verdicts = verdictCounts(claims);
  return {
    input: { kind: 'explainer', title, verdicts },
    alt: `${title}${verdicts ? `. Claims checked: ${verdicts}.` : ''}`,
  };
}

/** Who made a claim and when, as its page and share image say it: "Claimed by X, 11 May 2025". */
export function claimedBy(claim: { claimant?: string | undefined; date?: string | undefined }): string {
  const date = claim.date === undefined ? undefined : formatDate(claim.date);
  if (claim.claimant === undefined) return date === undefined ? '' : `Made on ${date}`;
  return `Claimed by ${claim.claimant}${date === undefined ? '' : `, ${date}`}`;
}

/** A claim's share image: its verdict, statement, and who made it. */
export function claimShareImage(claim: {
  statement: string;
  status: ClaimStatus;
  claimant?: string | undefined;
  date?: string | undefined;
}): ShareImage {
  const verdict = STATUS_LABELS[claim.status].label;
  const claimant = claimedBy(claim);
  return {
    input: { kind: 'claim', statement: claim.statement, claimant, verdict, status: claim.status },
    alt: `${verdict}: “${claim.statement}”${claimant ? ` ${claimant}.` : ''}`,
  };
}
