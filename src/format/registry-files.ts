/** The registries: which file holds which, relative to the content folder (`content/`). */
export const REGISTRY_FILES = {
  topics: 'topics.yaml',
  authors: 'authors.yaml',
  publishers: 'publishers.yaml',
} as const;

export type RegistryName = keyof typeof REGISTRY_FILES;
