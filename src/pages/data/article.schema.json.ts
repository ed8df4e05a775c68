import type { APIRoute } from 'astro';
import { articleJsonSchema } from '../../publishing/json-schema.ts';
import { dataFileText } from '../../publishing/open-data.ts';
import { siteUrl } from '../../site/addresses.ts';

/** `/data/article.schema.json`: the article format as JSON Schema, generated from the zod schema. */
export const GET: APIRoute = () =>
  new Response(dataFileText(articleJsonSchema(siteUrl('data/article.schema.json'))), {
    headers: { 'Content-Type': 'application/schema+json; charset=utf-8' },
  });
