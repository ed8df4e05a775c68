import type { APIRoute, GetStaticPaths } from 'astro';
import { REGISTRY_FILES, type RegistryName } from '../../format/index.ts';
import { registryJsonSchema } from '../../publishing/json-schema.ts';
import { dataFileText } from '../../publishing/open-data.ts';
import { siteUrl } from '../../site/addresses.ts';

/** `/data/topics.schema.json`, `authors.schema.json`, `publishers.schema.json`: the registry formats as JSON Schema. */
export const getStaticPaths = (() =>
  (Object.keys(REGISTRY_FILES) as RegistryName[]).map((registry) => ({
    params: { registry },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const name = params.registry as RegistryName;
  return new Response(dataFileText(registryJsonSchema(name, siteUrl(`data/${name}.schema.json`))), {
    headers: { 'Content-Type': 'application/schema+json; charset=utf-8' },
  });
};
