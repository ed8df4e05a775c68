import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { ARTICLES_DIR } from '../format/article-files.ts';
import type { RegistryName, Source } from '../format/index.ts';
import { showPublisher } from '../template/publisher-description.ts';
import { formatText } from '../checker/diagnostic.ts';
import { registriesOf, type CheckedRegistries } from '../checker/registries.ts';

/** Thrown when a registry file has errors; its message lists each one as `file:line:column  error  rule  message`. */
export class RegistryError extends Error {
  override name = 'RegistryError';
}

/**
 * Astro content loader for one registry (content/topics.yaml, authors.yaml or publishers.yaml):
 * the registry of the content folder that holds the articles (see findRegistryDir), checked as
 * `npm run check` checks it. Any error in any registry file fails the build, named by file and
 * line. Articles with no registries above them (test fixtures) leave the collection empty.
 */
export function registryLoader(
  name: RegistryName,
  options: { /** Folder of the articles. */ base?: string } = {},
): Loader {
  return {
    name: `sourced-${name}`,
    async load({ config, store, parseData, generateDigest }) {
      const root = fileURLToPath(config.root);
      const checked = registriesOf(resolve(root, options.base ?? ARTICLES_DIR), root);
      // Entries are replaced only when they changed, so that a rebuild with the same registries
      // does not make Astro write its data store again.
      const entries = checked === undefined || checked.diagnostics.length > 0 ? {} : checked[name];
      for (const id of store.keys()) if (!Object.hasOwn(entries, id)) store.delete(id);
      if (checked === undefined) return;
      if (checked.diagnostics.length > 0) {
        const count = checked.diagnostics.length;
        throw new RegistryError(
          `${count} ${count === 1 ? 'error' : 'errors'} in the registries; nothing was published:\n${checked.diagnostics.map(formatText).join('\n')}`,
        );
      }
      for (const [id, entry] of Object.entries(entries)) {
        store.set({
          id,
          data: await parseData({ id, data: entry as Record<string, unknown> }),
          digest: generateDigest(entry as Record<string, unknown>),
        });
      }
    },
  };
}

/** An article's sources as the Markdown renderer needs them: each publisher by the name the registry gives it. */
export function sourcesToRender(sources: readonly Source[], registries: CheckedRegistries | undefined): Source[] {
  return sources.map((source) => ({ ...source, publisher: showPublisher(source, registries?.publishers ?? {}).name }));
}
