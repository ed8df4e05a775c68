import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { Piscina } from 'piscina';
import { codeVersion } from '../infra/module-graph.ts';
import { provideShareImages, shareImageDigest, type ShareImageInput, type ShareImageService } from './share-images.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/** The renderer's version: a digest of its code (share-image.ts and what it imports) and of package-lock.json (@napi-rs/canvas, the fonts). */
export const shareImageRendererVersion = (): string =>
  codeVersion(ROOT, [join(import.meta.dirname, 'share-image.ts')], ['package-lock.json']);

/**
 * Draws share images on worker threads (piscina, one per core) and keeps each PNG in `cacheDir`
 * under the digest of its input and the renderer's version, so a rebuild draws only the images
 * whose text changed. The cache only saves time: a missing or unreadable file is drawn again, a
 * file that cannot be written is skipped, and an image whose worker fails is drawn on this thread.
 */
export function createShareImageService(
  cacheDir: string,
  { threads = availableParallelism() }: { threads?: number } = {},
) {
  const version = shareImageRendererVersion();
  let pool: Piscina<{ input: ShareImageInput; digest: string }, Uint8Array<ArrayBuffer>> | undefined;
  const draw = async (input: ShareImageInput, digest: string): Promise<Uint8Array<ArrayBuffer>> => {
    try {
      pool ??= new Piscina({
        filename: new URL('./share-image-worker.ts', import.meta.url).href,
        minThreads: 1,
        maxThreads: threads,
        idleTimeout: 1_000,
      });
      return await pool.run({ input, digest });
    } catch {
      return new Uint8Array(await (await import('./share-image.ts')).renderShareImage(input, digest));
    }
  };
  const service: ShareImageService & { close(): Promise<void>; drawn: number; cached: number } = {
    drawn: 0,
    cached: 0,
    digest: (input) => shareImageDigest(input, version),
    async image(input) {
      const digest = service.digest(input);
      const file = join(cacheDir, `${digest}.png`);
      if (existsSync(file)) {
        try {
          const png = new Uint8Array(readFileSync(file));
          service.cached += 1;
          return png;
        } catch {
          // Unreadable: drawn again below.
        }
      }
      const png = await draw(input, digest);
      service.drawn += 1;
      try {
        mkdirSync(cacheDir, { recursive: true });
        // Written whole under another name first, so that no build ever reads half a file.
        writeFileSync(`${file}.${process.pid}.tmp`, png);
        renameSync(`${file}.${process.pid}.tmp`, file);
      } catch {
        // A cache that cannot be written makes the next build slower, never this one fail.
      }
      return png;
    },
    async close() {
      const closing = pool;
      pool = undefined;
      await closing?.close({ force: true });
    },
  };
  return service;
}

/**
 * The `og:image` of every explainer and claim page (src/pages/articles/[...slug]/share.png.ts and
 * claims/[claim]/share.png.ts): this integration gives those routes a service that draws them
 * (share-images.ts), cached in Astro's cache folder, and closes its threads when the build ends.
 */
export function shareImages(): AstroIntegration {
  let service: ReturnType<typeof createShareImageService> | undefined;
  const close = async () => {
    await service?.close();
  };
  return {
    name: 'sourced-share-images',
    hooks: {
      'astro:config:done': ({ config }) => {
        service = createShareImageService(join(fileURLToPath(config.cacheDir), 'sourced-share-images'));
        provideShareImages(service);
      },
      'astro:build:done': async ({ logger }) => {
        if (service)
          logger.info(
            `${service.drawn} share image${service.drawn === 1 ? '' : 's'} drawn, ${service.cached} from the cache`,
          );
        await close();
      },
      'astro:server:done': close,
    },
  };
}
