import { copyFileSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { weighBuiltPage } from '../../bench/page-weight.ts';
import { launchChromium } from '../helpers/browser.ts';
import { buildSite, ROOT } from '../helpers/site.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';

/** The first explainer, as merged: the tests hold the mechanism to it, whatever its words. */
const EXPLAINER = 'zelensky-invites-putin-to-turkiye';
const ARTICLE = `/articles/${EXPLAINER}/`;
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const frontmatter = readFileSync(join(ROOT, 'content/articles', `${EXPLAINER}.md`), 'utf8');
const conclusion = /^conclusion: (.+)$/m.exec(frontmatter)?.[1];

let browser: Browser;
let server: StaticServer;
let outDir: string;

beforeAll(async () => {
  const content = mkdtempSync(join(tmpdir(), 'sourced-verdict-'));
  const articles = join(content, 'articles');
  mkdirSync(articles);
  writeFileSync(join(articles, `${EXPLAINER}.md`), frontmatter);
  for (const name of ['topics.yaml', 'authors.yaml', 'publishers.yaml'])
    copyFileSync(join(ROOT, 'content', name), join(content, name));
  const site = buildSite(articles);
  expect(site.status, site.output).toBe(0);
  outDir = site.outDir;
  server = await serveStatic(outDir);
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(
  path: string,
  width: number,
  options: { javaScriptEnabled?: boolean; colorScheme?: 'light' | 'dark' } = {},
): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width, height: 800 },
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    colorScheme: options.colorScheme ?? 'light',
  });
  const page = await context.newPage();
  await page.goto(`${server.origin}${path}`);
  return page;
}

describe('the verdict box', () => {
  it('shows the conclusion and the claims by rating within the first 800 px of a 360 px phone', async () => {
    expect(conclusion).toBeDefined();
    const page = await open(ARTICLE, 360);
    const box = page.locator('#verdict');
    expect(await box.locator('.conclusion').innerText()).toBe(
      `Our conclusion: ${conclusion!.replace(/^['"]|['"]$/g, '')}`,
    );
    const bottom = await box.evaluate((element) => element.getBoundingClientRect().bottom + window.scrollY);
    expect(bottom).toBeLessThanOrEqual(800);
    // Every count links to the group of claims with its rating, which holds that many claims.
    const counts = await box
      .locator('a.rating')
      .evaluateAll((links) => links.map((link) => [link.textContent, link.getAttribute('href')]));
    expect(counts.length).toBeGreaterThan(0);
    for (const [text, href] of counts) {
      const [, count, label] = /^(\d+) (.+)$/.exec(text!)!;
      const group = page.locator(href!);
      expect(await group.getAttribute('aria-label')).toBe(`Rated ${label}`);
      expect(await group.locator(':scope > li').count(), text!).toBe(Number(count));
    }
  });

  it.each(['/', '/topics/russia-ukraine-war/', '/authors/sourced-newsroom/', '/sources/bbc-news/'])(
    'is in the listing %s, linking into the article',
    async (path) => {
      const page = await open(path, 360);
      const summary = page.locator('.summary').first();
      expect(await summary.locator('.conclusion').innerText()).toContain(
        conclusion!.replace(/^['"]|['"]$/g, '').slice(0, 40),
      );
      expect(await summary.locator('a.rating').first().getAttribute('href')).toMatch(new RegExp(`^${ARTICLE}#rated-`));
    },
  );
});

describe('the claims list', () => {
  it('opens a row without script, to the claimant, the note, the sources and the places that cite it', async () => {
    const page = await open(ARTICLE, 360, { javaScriptEnabled: false });
    const row = page.locator('.claims li').first();
    const details = row.locator('details');
    expect(await details.evaluate((element) => (element as HTMLDetailsElement).open)).toBe(false);
    expect(await row.locator('.claim-sources').isVisible()).toBe(false);
    await row.locator('summary').click();
    expect(await details.evaluate((element) => (element as HTMLDetailsElement).open)).toBe(true);
    expect(await row.locator('.claim-sources').isVisible()).toBe(true);
    expect(await row.locator('summary .status').innerText()).toMatch(/^Rated [A-Z]/);
  });

  it('is the one list: a rating chip in the text opens the claim with its details shown', async () => {
    const page = await open(ARTICLE, 1280);
    const chip = page.locator('.article-body .attribution button.status').first();
    expect(await chip.innerText()).toMatch(/^Rated [A-Z][a-z]+( [a-z]+)?$/);
    const card = await chip.getAttribute('popovertarget');
    await chip.click();
    await expect.poll(() => page.locator(`#${card} .claim-sources`).isVisible()).toBe(true);
  });
});

describe('attributions', () => {
  it('name publishers in under a tenth of the text, a source cited again in the same paragraph shown as "ibid." or "above"', async () => {
    const page = await open(ARTICLE, 1280);
    const { total, names, repeats, namedTwice } = await page.evaluate(() => {
      const body = document.querySelector<HTMLElement>('.article-body')!;
      const visible = (text: string) => text.replace(/\s+/g, '').length;
      const buttons = [...body.querySelectorAll<HTMLElement>('.attribution button:not(.status)')];
      // A source named in full more than once in one paragraph (or list item, table cell, heading).
      const namedTwice = [...body.querySelectorAll('p, li, td, th, h2, h3, h4')].flatMap((block) => {
        const named = [...block.querySelectorAll(':scope > .attribution button:not(.status):not(.again)')].map(
          (button) => button.getAttribute('popovertarget'),
        );
        return named.filter((card, index) => named.indexOf(card) !== index);
      });
      return {
        namedTwice,
        total: visible(body.innerText),
        names: buttons
          .filter((button) => !button.classList.contains('again'))
          .reduce((sum, button) => sum + visible(button.innerText), 0),
        repeats: buttons
          .filter((button) => button.classList.contains('again'))
          .map((button) => [button.innerText, button.getAttribute('aria-label')]),
      };
    });
    expect(names / total).toBeLessThan(0.1);
    expect(namedTwice).toEqual([]);
    expect(new Set(repeats.map(([text]) => text))).toEqual(new Set(['ibid.', 'above']));
    // The accessible name starts with what the marker shows (WCAG 2.5.3), then names the publisher.
    for (const [text, label] of repeats) expect(label).toMatch(new RegExp(`^${text!.replace('.', '\\.')}, \\S`));
  });
});

describe('source cards', () => {
  it('show a source whose headline is unknown by its description, labelled and in roman type, never as a headline', async () => {
    const page = await open(ARTICLE, 1280);
    const found = await page.evaluate(() => ({
      pseudoHeadlines: [...document.querySelectorAll('cite')]
        .map((cite) => cite.textContent!)
        .filter((text) => /headline not shown/.test(text)),
      described: [...document.querySelectorAll('.sources .described')].map((element) => ({
        text: element.textContent!.replace(/\s+/g, ' ').trim(),
        style: getComputedStyle(element).fontStyle,
      })),
      captions: [...document.querySelectorAll('.claims figcaption')].map((caption) =>
        caption.textContent!.replace(/\s+/g, ' ').trim(),
      ),
      structuredData: [...document.querySelectorAll('script[type="application/ld+json"]')]
        .map((script) => script.textContent!)
        .join('\n'),
    }));
    expect(found.pseudoHeadlines).toEqual([]);
    expect(found.described.length).toBeGreaterThan(0);
    for (const { text, style } of found.described) {
      expect(text).toMatch(/^headline not known; the page is described as: \S/);
      expect(text).not.toMatch(/headline not shown/);
      expect(style).toBe('normal');
    }
    for (const caption of found.captions) expect(caption).not.toMatch(/headline not shown/);
    expect(found.structuredData).not.toMatch(/headline not shown/);
  });
});

describe('accessibility and weight', () => {
  it.each([
    [320, 'light'],
    [320, 'dark'],
    [1280, 'light'],
    [1280, 'dark'],
  ] as const)(
    'the article and the home page have no WCAG 2.2 AA violation at %i px, %s',
    async (width, colorScheme) => {
      for (const path of [ARTICLE, '/']) {
        const page = await open(path, width, { colorScheme });
        await page
          .locator('.claims summary')
          .first()
          .click()
          .catch(() => undefined);
        // Evaluated, not added as a script tag, which the page's security policy would refuse.
        const result = (await page.evaluate(
          `${AXE}\naxe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG_TAGS)} } }).then((r) => ({ passes: r.passes.length, violations: r.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')) }))`,
        )) as { passes: number; violations: string[] };
        expect(result.passes).toBeGreaterThan(0);
        expect(result.violations, `${path} ${width} ${colorScheme}`).toEqual([]);
      }
    },
  );

  it('runs no script on the article page (its markup budget is held in tests/bench/page-weight.site.test.ts)', () => {
    expect(weighBuiltPage(outDir, `articles/${EXPLAINER}/`).js).toBe(0);
  });
});
