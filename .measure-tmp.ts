import { launchChromium } from './tests/helpers/browser.ts';
import { serveStatic } from './tests/helpers/static-server.ts';
const server = await serveStatic('dist');
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
await page.goto(`${server.origin}/articles/zelensky-invites-putin-to-turkiye/`);
const r = await page.evaluate(() => {
  const body = document.querySelector('.article-body') as HTMLElement;
  const total = body.innerText.replace(/\s+/g, '').length;
  let claimSrc = 0,
    repeatNonAdj = 0,
    multi = 0;
  for (const p of body.querySelectorAll('p, li')) {
    const seen = new Set<string>();
    for (const att of p.querySelectorAll(':scope > .attribution')) {
      const hasClaim = !!att.querySelector('.status');
      const bs = [...att.querySelectorAll<HTMLButtonElement>('button:not(.status)')];
      for (const b of bs) {
        const t = b.innerText.replace(/\s+/g, '').length;
        const card = b.getAttribute('popovertarget')!;
        if (hasClaim) claimSrc += t;
        else if (seen.has(card) && b.innerText !== 'ibid.') repeatNonAdj += t;
        else if (bs.length > 1) multi += t;
        seen.add(card);
      }
    }
  }
  return { total, claimSrc, repeatNonAdj, multi };
});
console.log(r);
await browser.close();
await server.close();
