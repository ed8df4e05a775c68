import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { claimShareImage, shareImages, type ShareImageInput } from '../../../../../publishing/share-images.ts';
import { collectClaims } from '../../../../../site/claims.ts';

// Keyed by what the image shows and the renderer's version, like the explainer's image.
export const getStaticPaths = (async () => {
  const service = shareImages();
  return collectClaims(await getCollection('articles')).map((claim) => {
    const { input } = claimShareImage(claim);
    service.prefetch(input);
    return { params: { slug: claim.article.id, claim: claim.id }, props: { input }, cacheKey: service.digest(input) };
  });
}) satisfies GetStaticPaths;

/** `/articles/<slug>/claims/<claim>/share.png`: the claim's og:image, its verdict, statement and claimant. */
export const GET: APIRoute<{ input: ShareImageInput }> = async ({ props }) =>
  new Response(await shareImages().image(props.input), { headers: { 'Content-Type': 'image/png' } });
