// @ts-check
/**
 * The folders of src/ are the stages of the pipeline, in this order. A module may import only from
 * its own layer and from layers EARLIER in the list (cli, the last, may import anything). A new
 * folder gets its place in this list; `npm run lint` refuses a module of src/ that is in no layer.
 * Read by .dependency-cruiser.cjs and, for the .astro files that dependency-cruiser cannot parse, by
 * scripts/lint-astro-imports.ts.
 */
const LAYERS = [
  { name: 'infra', folders: ['infra'] },
  { name: 'format', folders: ['format'] },
  { name: 'reader', folders: ['reader'] },
  { name: 'template', folders: ['template'] },
  { name: 'sources', folders: ['sources'] },
  { name: 'markdown', folders: ['markdown'] },
  { name: 'checker', folders: ['checker'] },
  { name: 'history', folders: ['history'] },
  { name: 'astro', folders: ['astro'], files: ['content.config.ts'] },
  { name: 'site', folders: ['site'] },
  { name: 'publishing', folders: ['publishing'] },
  { name: 'ui', folders: ['components', 'layouts', 'styles'] },
  { name: 'pages', folders: ['pages'] },
  // The steps of a build after Astro's pages: the sourced() integration (astro.config.mjs).
  { name: 'build', folders: ['build'] },
  { name: 'cli', folders: ['cli'] },
];

/** @param {string} text */
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/**
 * A regular expression (as text) matching the files of some layers, from the repository's root.
 * @param {typeof LAYERS} layers
 */
const pathsOf = (layers) =>
  `^src/(${layers
    .flatMap((layer) => [
      ...layer.folders.map((folder) => `${escape(folder)}/`),
      ...(layer.files ?? []).map((file) => `${escape(file)}$`),
    ])
    .join('|')})`;

module.exports = { LAYERS, pathsOf };
