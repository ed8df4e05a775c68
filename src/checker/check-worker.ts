/**
 * A check-pool worker (see check-pool.ts): turns on the compile cache, then loads the checker and
 * checks each file it is given.
 */
import { enableCompileCache } from '../infra/compile-cache.ts';
import type { CheckedFile, FileToCheck } from './check-file.ts';

enableCompileCache();
const { checkArticleFile } = await import('./check-file.ts');

export default function check(file: FileToCheck): CheckedFile {
  return checkArticleFile(file);
}
