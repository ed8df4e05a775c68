import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Piscina } from 'piscina';
import { codeVersion } from '../infra/module-graph.ts';
import { startWorkerPool } from '../infra/worker-pool.ts';
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
 *
 * `prefetch` starts drawing an image before its page asks for it: the image routes call it for
 * every image when Astro collects the paths, before it renders any page, so the workers draw while
 * Astro renders pages on its one thread, and each image route then reads a file the workers wrote.
 */
export function createShareImageService(
  cacheDir: string,
  { threads = availableParallelism(), prefetch = true }: { threads?: number; prefetch?: boolean } = {},
) {
  const version = shareImageRendererVersion();
  type Draw = { input: ShareImageInput; digest: string; file?: string };
  let pool: Piscina<Draw, Uint8Array<ArrayBuffer> | undefined> | undefined;
  let started = false;
  /** The workers, started with the first image, and the cache folder they write to, made once. */
  const workers = () => {
    if (!started) {
      started = true;
      pool = startWorkerPool(new URL('./share-image-worker.ts', import.meta.url), threads);
      try {
        mkdirSync(cacheDir, { recursive: true });
      } catch {
        // The workers' writes fail and they hand each PNG back: a cache only saves time.
      }
    }
    return pool;
  };
  /** Images being drawn, by digest: the PNG when it could not be kept in the cache, else undefined. */
  const drawing = new Map<string, Promise<Uint8Array<ArrayBuffer> | undefined>>();
  const fileOf = (digest: string) => join(cacheDir, `${digest}.png`);
  /** Drawn on this thread: when the workers fail, or a file they wrote is gone before it is read. */
  const drawHere = async (input: ShareImageInput, digest: string) =>
    new Uint8Array(await (await import('./share-image.ts')).renderShareImage(input, digest));
  const draw = async (input: ShareImageInput, digest: string): Promise<Uint8Array<ArrayBuffer> | undefined> => {
    service.drawn += 1;
    const running = workers();
    if (!running) return drawHere(input, digest);
    try {
      return await running.run({ input, digest, file: fileOf(digest) });
    } catch {
      return drawHere(input, digest);
    }
  };
  const readCached = (digest: string): Uint8Array<ArrayBuffer> | undefined => {
    try {
      return new Uint8Array(readFileSync(fileOf(digest)));
    } catch {
      return undefined; // missing or unreadable: drawn again
    }
  };
  const service: ShareImageService & { close(): Promise<void>; drawn: number; cached: number } = {
    drawn: 0,
    cached: 0,
    digest: (input) => shareImageDigest(input, version),
    prefetch(input) {
      if (!prefetch) return;
      const digest = service.digest(input);
      if (drawing.has(digest) || existsSync(fileOf(digest))) return;
      const drawn = draw(input, digest);
      // A failure is the image route's to report, when it asks for the image.
      drawn.catch(() => {});
      drawing.set(digest, drawn);
    },
    async image(input) {
      const digest = service.digest(input);
      const started = drawing.get(digest);
      if (started) {
        drawing.delete(digest);
        const png = (await started) ?? readCached(digest);
        if (png) return png;
      } else {
        const png = readCached(digest);
        if (png) {
          service.cached += 1;
          return png;
        }
      }
      return (await draw(input, digest)) ?? readCached(digest) ?? (await drawHere(input, digest));
    },
    async close() {
      const closing = pool;
      pool = undefined;
      started = false;
      drawing.clear();
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
  let command = 'build';
  const close = async () => {
    await service?.close();
  };
  return {
    name: 'sourced-share-images',
    hooks: {
      'astro:config:setup': (options) => {
        command = options.command;
      },
      'astro:config:done': ({ config }) => {
        // `astro dev` draws an image when it is asked for, never all of them ahead.
        service = createShareImageService(join(fileURLToPath(config.cacheDir), 'sourced-share-images'), {
          prefetch: command === 'build',
        });
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
