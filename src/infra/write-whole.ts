import { renameSync, writeFileSync } from 'node:fs';
import { threadId } from 'node:worker_threads';

/**
 * Writes `file` under another name first (this process's and thread's), then renames it: a reader,
 * another build included, sees the old file or the whole new one, never half of it.
 */
export function writeWhole(file: string, data: string | Uint8Array): void {
  const partial = `${file}.${process.pid}.${threadId}.partial`;
  writeFileSync(partial, data);
  renameSync(partial, file);
}
