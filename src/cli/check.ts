/**
 * `npm run check [-- [--format text|github|json] [path ...]]`: validates articles without Astro
 * (see check-command.ts). This entry only turns on the compile cache before loading the checker.
 */
import { enableCompileCache } from '../infra/compile-cache.ts';

enableCompileCache();
await import('./check-command.ts');
