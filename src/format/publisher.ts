/**
 * What makes two publisher names one publisher: case and surrounding spaces do not count
 * (`Reuters`, `reuters ` and ` REUTERS` are one). Used wherever publishers are told apart: the
 * single-publisher rule, the evidence profile and the sources page.
 */
export const publisherKey = (publisher: string): string => publisher.trim().toLowerCase();
