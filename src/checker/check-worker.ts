/** Worker-thread entry of the check pool: turns on the compile cache, then loads the checker (check-jobs.ts). */
import { enableCompileCache } from './compile-cache.ts';

enableCompileCache();
await import('./check-jobs.ts');
