/**
 * Prints what a built page weighs, as docs/reading.md defines it: its HTML, the stylesheets it
 * links and any script, gzipped; its content; and the markup around the content, against the
 * budget. `node scripts/page-weight.ts [built folder] [page path]`; defaults: `dist`, the first explainer.
 */
import { resolve } from 'node:path';
import { describeWeight, weighBuiltPage } from '../bench/page-weight.ts';

const root = resolve(process.argv[2] ?? 'dist');
const path = process.argv[3] ?? 'articles/zelensky-invites-putin-to-turkiye/';
console.log(`${path}\n${describeWeight(weighBuiltPage(root, path))}`);
