/**
 * Takes the README's screenshots of the first explainer, at a phone and a desktop width, from a
 * built site: `npm run build && npm run screenshots` (or `npm run screenshots -- <built folder>`).
 * Writes `docs/screenshots/article-<width>.png`, plus the same page with a source card open.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchChromium, VIEWPORTS } from '../tests/helpers/browser.ts';
import { serveStatic } from '../tests/helpers/static-server.ts';

const ARTICLE = 'articles/zelensky-invites-putin-to-turkiye/';
const root = resolve(process.argv[2] ?? 'dist');
const out = resolve('docs/screenshots');
mkdirSync(out, { recursive: true });

const server = await serveStatic(root);
const browser = await launchChromium();
try {
  for (const [name, viewport] of Object.entries(VIEWPORTS)) {
    const page = await browser.newPage({ viewport, colorScheme: 'light', reducedMotion: 'reduce' });
    await page.goto(`${server.origin}/${ARTICLE}`);
    await page.screenshot({ path: `${out}/article-${name}.png` });
    const paragraph = page.locator('.article-body p:has(.attribution)').first();
    await paragraph.scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, -120));
    await paragraph.locator('.attribution button:not(.status)').first().click();
    await page.screenshot({ path: `${out}/article-${name}-card.png` });
    await page.close();
    console.log(`docs/screenshots/article-${name}.png, article-${name}-card.png`);
  }
} finally {
  await browser.close();
  await server.close();
}
