import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { explainerShareImage, shareImages, type ShareImageInput } from '../../../publishing/share-images.ts';

// Keyed by what the image shows and the renderer's version: an image whose text did not change is
// copied from the last build, and one drawn before is read from the share images' cache. Astro
// collects every route's paths before it renders a page: each image starts drawing here, on the
// share images' worker threads, while Astro renders the pages.
export const getStaticPaths = (async () => {
  const service = shareImages();
  return (await getCollection('articles')).map((entry) => {
    const { input } = explainerShareImage(entry.data.title, entry.data.claims);
    service.prefetch(input);
    return { params: { slug: entry.id }, props: { input }, cacheKey: service.digest(input) };
  });
}) satisfies GetStaticPaths;

/** `/articles/<slug>/share.png`: the explainer's og:image, its headline and its claims' verdicts. */
export const GET: APIRoute<{ input: ShareImageInput }> = async ({ props }) =>
  new Response(await shareImages().image(props.input), { headers: { 'Content-Type': 'image/png' } });
