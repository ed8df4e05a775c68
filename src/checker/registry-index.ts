/**
 * What the article rules need to know of the registries (content/topics.yaml, authors.yaml,
 * publishers.yaml): plain data, so that it can be sent to the check pool's worker threads.
 */
export interface RegistryIndex {
  /** Each registry file as editors name it, such as `content/topics.yaml`. */
  files: { topics: string; authors: string; publishers: string };
  /** Topic slugs. */
  topics: string[];
  /** Author ids. */
  authors: string[];
  /** Publisher ids with their names, to suggest an id for a publisher written by name. */
  publishers: { id: string; name: string }[];
}
