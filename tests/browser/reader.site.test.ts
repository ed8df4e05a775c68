import { copyFileSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { article as fixtureArticle, VALID_BODY, VALID_FRONTMATTER } from '../helpers/articles.ts';
import { launchChromium, VIEWPORTS } from '../helpers/browser.ts';
import { fixtureRepo } from '../helpers/git-repo.ts';
import { buildSite, ROOT } from '../helpers/site.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';

const EXPLAINER = 'zelensky-invites-putin-to-turkiye';
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** WCAG 2.0, 2.1 and 2.2 at levels A and AA. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** One page of every type the site has. */
const PAGES = {
  home: '/',
  article: `/articles/${EXPLAINER}/`,
  'article with corrections': '/articles/talks/',
  history: '/articles/talks/history/',
  topics: '/topics/',
  topic: '/topics/diplomacy/',
  sources: '/sources/',
  corrections: '/corrections/',
  methodology: '/methodology/',
  'not found': '/no-such-page/',
};

// A second article with what the first explainer lacks: corrections, an update, an archive link.
const CORRECTED = fixtureArticle(
  `${VALID_FRONTMATTER.replace('published: 2025-05-20', 'published: 2025-05-20\nupdated: 2025-05-22').replace(
    '    quote: A full',
    '    archive: https://web.archive.org/web/2025/https://www.president.gov.ua/en/news/statement\n    party: true\n    quote: A full',
  )}corrections:\n  - date: 2025-05-22\n    text: An earlier version gave the wrong day for the talks, and rated [@ceasefire-demand] disputed.\n`,
  VALID_BODY,
);

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  // A repository in which the second article was revised, so that it has a history page with
  // words added and removed.
  const { articles } = fixtureRepo([
    {
      date: '2025-05-20T10:00:00Z',
      message: 'Publish two explainers',
      files: {
        [`${EXPLAINER}.md`]: readFileSync(join(ROOT, 'content/articles', `${EXPLAINER}.md`), 'utf8'),
        'talks.md': fixtureArticle(
          VALID_FRONTMATTER.replace('status: confirmed', 'status: disputed'),
          VALID_BODY.replace('They demanded a ceasefire.', 'They asked for a truce.'),
        ),
      },
    },
    { date: '2025-05-22T10:00:00Z', message: 'Correct the day of the talks', files: { 'talks.md': CORRECTED } },
  ]);
  // The site's registries beside the articles, so that sources show their publishers' names and words.
  for (const name of ['topics.yaml', 'authors.yaml', 'publishers.yaml'])
    copyFileSync(join(ROOT, 'content', name), join(articles, '..', name));
  const site = buildSite(articles);
  expect(site.status, site.output).toBe(0);
  server = await serveStatic(site.outDir);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(
  viewport: keyof typeof VIEWPORTS,
  path: string,
  javaScriptEnabled = true,
  colorScheme: 'light' | 'dark' = 'light',
): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORTS[viewport], javaScriptEnabled, colorScheme });
  const page = await context.newPage();
  await page.goto(`${server.origin}${path}`);
  return page;
}

/** The id of the card (a popover) in the source list entry of the source `id`. */
const cardOf = (page: Page, id: string) =>
  page.locator(`#source-${id} [popover]`).getAttribute('id') as Promise<string>;

/** Whether the popover with this id is open. */
const isOpen = (page: Page, id: string) =>
  page.evaluate((cardId) => document.getElementById(cardId)!.matches(':popover-open'), id);

/**
 * The boxes of the text an attribution belongs to (the words between the previous attribution,
 * or the start of the paragraph, and this one) and of the card it opened.
 */
function coverage(page: Page, index: number) {
  return page.evaluate((n) => {
    const button = document.querySelectorAll<HTMLButtonElement>('.article-body .attribution button')[n]!;
    const attribution = button.closest('.attribution')!;
    const paragraph = attribution.parentElement!;
    const range = document.createRange();
    range.setStart(paragraph, 0);
    let previous = attribution.previousSibling;
    while (previous && !(previous instanceof Element && previous.classList.contains('attribution')))
      previous = previous.previousSibling;
    if (previous) range.setStartAfter(previous);
    range.setEndBefore(attribution);
    const card = document.getElementById(button.getAttribute('popovertarget')!)!.getBoundingClientRect();
    const overlaps = [...range.getClientRects(), button.getBoundingClientRect()].filter(
      (box) =>
        box.width > 0 &&
        box.left < card.right &&
        box.right > card.left &&
        box.top < card.bottom &&
        box.bottom > card.top,
    );
    return {
      overlaps: overlaps.length,
      cardWidth: card.width,
      viewport: window.innerWidth,
      cardLeft: card.left,
      cardRight: card.right,
    };
  }, index);
}

describe.each([
  ['phone', true],
  ['phone', false],
  ['desktop', true],
  ['desktop', false],
] as const)('the article page on a %s (JavaScript %s)', (viewport, javaScript) => {
  it('opens a source card by click in place, and closes it by a click elsewhere, by its attribution and by Escape', async () => {
    const page = await open(viewport, PAGES.article, javaScript);
    const id = await cardOf(page, 'shafaq-zelensky-x-embed');
    const button = page.locator(`.article-body button[popovertarget="${id}"]`).first();
    await button.click();
    expect(await isOpen(page, id)).toBe(true);
    const card = page.locator(`#${id}`);
    await expect.poll(() => card.isVisible()).toBe(true);
    expect(await card.locator('.publisher').textContent()).toBe('Shafaq News');
    expect(await card.locator('cite a').getAttribute('href')).toBe(
      'https://www.shafaq.com/en/World/Zelensky-ready-for-talks-with-Putin-in-Turkiye',
    );
    expect(await card.locator('blockquote').textContent()).toContain(
      'I will be waiting for Putin in Türkiye on Thursday.',
    );
    // No Close button (docs/reading.md): a click outside the card closes it, as does its attribution.
    expect(await card.getByRole('button').count()).toBe(0);
    await page.locator('h1').click();
    expect(await isOpen(page, id)).toBe(false);
    await button.click();
    expect(await isOpen(page, id)).toBe(true);
    await button.click();
    expect(await isOpen(page, id)).toBe(false);

    await button.click();
    expect(await isOpen(page, id)).toBe(true);
    await page.keyboard.press('Escape');
    expect(await isOpen(page, id)).toBe(false);
    await page.context().close();
  });

  it('opens a card from the keyboard, moves into it with Tab, and closes it with Escape', async () => {
    const page = await open(viewport, PAGES.article, javaScript);
    const id = await cardOf(page, 'mid-ru-putin-statement');
    const button = page.locator(`.article-body button[popovertarget="${id}"]`).first();
    await button.focus();
    await page.keyboard.press('Enter');
    expect(await isOpen(page, id)).toBe(true);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('[popover]')?.id)).toBe(id);
    await page.keyboard.press('Escape');
    expect(await isOpen(page, id)).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('popovertarget'))).toBe(id);
    await page.keyboard.press(' ');
    expect(await isOpen(page, id)).toBe(true);
    await page.context().close();
  });

  it('opens a claim card (its row in the claims list) from a rating in the text', async () => {
    const page = await open(viewport, PAGES.article, javaScript);
    await page.locator('.article-body button[popovertarget="claim-claim-trump-former-president"]').first().click();
    const card = page.locator('#claim-claim-trump-former-president');
    expect(await isOpen(page, 'claim-claim-trump-former-president')).toBe(true);
    expect(await card.locator('summary .status').textContent()).toBe('Rated False');
    expect(await card.locator('.statement').textContent()).toContain('Donald Trump was a former US president');
    // The first explainer cites this claim once in its text: one link, saying where, and its claim page.
    expect(await card.locator('p.meta').getByRole('link').allTextContents()).toEqual([
      'Where the text mentions it',
      'Claim page',
    ]);
    await page.context().close();
  });

  it("names each attribution by its source's publisher, and its card gives the source's kind, title and dates", async () => {
    const page = await open(viewport, PAGES.article, javaScript);
    const id = await cardOf(page, 'shafaq-zelensky-x-embed');
    const button = page.locator(`.article-body button[popovertarget="${id}"]`).first();
    expect(await button.getAttribute('aria-describedby')).toBeNull();
    await expect.poll(() => page.getByRole('button', { name: 'Shafaq News', exact: true }).count()).toBeGreaterThan(0);
    await button.click();
    const about = await page
      .locator(`#${id} > p`)
      .first()
      .evaluate((paragraph) => paragraph.textContent!.replace(/\s+/g, ' ').trim());
    expect(about).toBe(
      'News report Shafaq News, Iraqi online outlet, Zelensky ready for talks with Putin in Turkiye Published 11 May 2025. Accessed 24 November 2026.',
    );
    await page.context().close();
  });

  it('follows a back-link from the source list to the place in the text', async () => {
    const page = await open(viewport, PAGES.article, javaScript);
    const entry = page.locator('#source-kyivindependent-leaders-arrive');
    const backlinks = entry.locator('a[href^="#cite-"]');
    // Links that say what they count, after "In the text:".
    expect(
      await backlinks.evaluateAll((links) =>
        links.map((link) => `${link.parentElement!.firstChild!.textContent!.trim()} ${link.textContent}`),
      ),
    ).toEqual(['In the text: mention 1 of 2', 'In the text: mention 2 of 2']);
    const href = (await backlinks.nth(1).getAttribute('href'))!;
    await backlinks.nth(1).click();
    expect(new URL(page.url()).hash).toBe(href);
    const target = page.locator(href);
    expect(await target.evaluate((element) => element.closest('.article-body') !== null)).toBe(true);
    await expect
      .poll(() =>
        target.evaluate((element) => {
          const box = element.getBoundingClientRect();
          return box.top >= 0 && box.bottom <= window.innerHeight;
        }),
      )
      .toBe(true);
    await page.context().close();
  });

  it('links each claim to where the text mentions it, and its rating to the methodology', async () => {
    const page = await open(viewport, PAGES.article, javaScript);
    const claim = page.locator('#claim-claim-kyiv-leaders-30-day-call');
    await claim.locator('summary').click();
    const link = claim.getByRole('link', { name: 'Where the text mentions it' });
    const href = (await link.getAttribute('href'))!;
    await link.click();
    expect(new URL(page.url()).hash).toBe(href);
    expect(await page.locator(href).getAttribute('popovertarget')).toBe('claim-claim-kyiv-leaders-30-day-call');
    await expect.poll(() => page.locator(href).isVisible()).toBe(true);

    await page.locator('.claims > .meta').getByRole('link', { name: 'What each rating means' }).click();
    await page.waitForURL(/\/methodology\/#claim-statuses$/);
    expect(await page.locator('h3#confirmed').textContent()).toBe('Confirmed');
    await page.context().close();
  });
});

describe.each([
  ['phone', 8],
  ['desktop', 0],
] as const)('cards on a %s', (viewport, margin) => {
  it(`never cover the text they belong to, and stay on the screen ${margin} px or more from its edges`, async () => {
    const page = await open(viewport, PAGES.article);
    const count = await page.locator('.article-body .attribution button').count();
    expect(count).toBeGreaterThan(50);
    for (let index = 0; index < count; index++) {
      const button = page.locator('.article-body .attribution button').nth(index);
      await button.scrollIntoViewIfNeeded();
      await button.click();
      const result = await coverage(page, index);
      expect(result.overlaps, `attribution ${index}`).toBe(0);
      expect(result.cardLeft, `attribution ${index}`).toBeGreaterThanOrEqual(margin);
      expect(result.cardRight, `attribution ${index}`).toBeLessThanOrEqual(result.viewport - margin);
      await page.keyboard.press('Escape');
    }
    await page.context().close();
  });
});

describe('the history page', () => {
  it('marks words added and removed so that screen readers announce them and paper shows them', async () => {
    const page = await open('desktop', PAGES.history, false);
    const diff = page.locator('.change-paragraph-changed .diff');
    expect(await diff.innerHTML()).toBe(
      'They <del>asked for</del><ins>demanded</ins> a <del>truce</del><ins>ceasefire</ins>. (Office of the President of Ukraine, Reuters)',
    );
    const markers = () =>
      page.evaluate(() =>
        ['ins', 'del'].map((tag) => {
          const style = getComputedStyle(document.querySelector(`.diff ${tag}`)!, '::before');
          return [tag, style.content, style.position];
        }),
      );
    expect(await markers()).toEqual([
      ['ins', '" [added: "', 'absolute'],
      ['del', '" [removed: "', 'absolute'],
    ]);
    await page.emulateMedia({ media: 'print' });
    expect(await markers()).toEqual([
      ['ins', '" [added: "', 'static'],
      ['del', '" [removed: "', 'static'],
    ]);
    await page.context().close();
  });

  it('is where the correction and the article header lead', async () => {
    const page = await open('phone', PAGES['article with corrections'], false);
    await page.getByRole('link', { name: 'Updated once: see every change' }).click();
    expect(new URL(page.url()).pathname).toBe(PAGES.history);
    await page.goBack();
    await page.getByRole('link', { name: 'See the revision that made this correction' }).click();
    const target = decodeURIComponent(new URL(page.url()).hash.slice(1));
    expect(await page.locator(`[id="${target}"] h2`).innerText()).toBe('22 May 2025');
    await page.context().close();
  });
});

describe('the 404 page', () => {
  it('answers an unknown address with status 404 and a way back', async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.phone });
    const page = await context.newPage();
    const response = await page.goto(`${server.origin}/no-such-page/`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('Page not found');
    await page.getByRole('link', { name: 'The latest explainers' }).click();
    expect(new URL(page.url()).pathname).toBe('/');
    await context.close();
  });
});

/**
 * The axe-core violations (WCAG 2.x A and AA rules) of the page at `path`, inside `selector`. axe
 * needs script to run, so for a reader without JavaScript the page is loaded with JavaScript off
 * and the document it produced (with `<noscript>` content shown, as such a reader sees it) is
 * served again to a page in which axe can run.
 */
async function axeViolations(
  viewport: keyof typeof VIEWPORTS,
  path: string,
  javaScript: boolean,
  selector = 'html',
  before?: (page: Page) => Promise<void>,
  colorScheme: 'light' | 'dark' = 'light',
) {
  const page = await open(viewport, path, javaScript, colorScheme);
  let audited = page;
  if (!javaScript) {
    const html = (await page.content())
      .replace(/<noscript>/g, '<div data-noscript="">')
      .replace(/<\/noscript>/g, '</div>');
    await page.context().close();
    audited = await (await browser.newContext({ viewport: VIEWPORTS[viewport], colorScheme })).newPage();
    await audited.route(`${server.origin}${path}`, (route) => route.fulfill({ contentType: 'text/html', body: html }));
    await audited.goto(`${server.origin}${path}`);
  }
  if (before) await before(audited);
  const result = (await audited.evaluate(`${AXE}
    axe.run(${JSON.stringify(selector)}, { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG_TAGS)} } }).then((result) => ({
      passes: result.passes.length,
      violations: result.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', ')),
    }))`)) as { passes: number; violations: string[] };
  await audited.context().close();
  // axe ran and checked something: a page with no passing rule was not audited at all.
  expect(result.passes).toBeGreaterThan(0);
  return result.violations;
}

describe.each([true, false])('accessibility with JavaScript %s', (javaScript) => {
  it.each(Object.entries(PAGES))('the %s page has no WCAG 2.2 AA violation at either width', async (_name, path) => {
    for (const viewport of ['phone', 'desktop'] as const) {
      expect(await axeViolations(viewport, path, javaScript), `${path} at ${viewport}`).toEqual([]);
    }
  });

  it('an open source card and an open claim card have no WCAG 2.2 AA violation', async () => {
    for (const entry of ['#source-president-gov-ua-2025-05-10 [popover]', '#claim-claim-invite-in-istanbul']) {
      const openCard = async (page: Page) => {
        const id = (await page.locator(entry).getAttribute('id'))!;
        await page.locator(`.article-body button[popovertarget="${id}"]`).first().click();
        expect(await isOpen(page, id)).toBe(true);
      };
      expect(await axeViolations('phone', PAGES.article, javaScript, entry, openCard), entry).toEqual([]);
    }
  });
});

describe('dark mode', () => {
  it.each(['article', 'home', 'methodology', 'history'] as const)(
    'the %s page keeps WCAG AA contrast in dark mode',
    async (name) => {
      const open = async (page: Page) => {
        if (name === 'article')
          await page.locator('.article-body button[popovertarget="claim-claim-invite-in-istanbul"]').first().click();
      };
      expect(await axeViolations('desktop', PAGES[name], true, 'html', open, 'dark')).toEqual([]);
    },
  );
});

describe('reading pages', () => {
  it.each(Object.entries(PAGES))('the %s page runs no script (structured data only)', async (_name, path) => {
    const page = await open('desktop', path);
    const scripts = await page.evaluate(() => [...document.scripts].map((script) => script.type));
    expect(scripts.filter((type) => type !== 'application/ld+json')).toEqual([]);
    await page.context().close();
  });

  it.each(Object.entries(PAGES))(
    'the %s page fits a 320-pixel-wide screen without sideways scrolling',
    async (_name, path) => {
      const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
      const page = await context.newPage();
      await page.goto(`${server.origin}${path}`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(320);
      await context.close();
    },
  );
});
