import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isIndexedPage } from '../../src/publishing/search-index.ts';
import { headerPolicy } from '../../src/publishing/security-policy.ts';
import { shareImageRendererVersion } from '../../src/publishing/share-images-integration.ts';
import { shareImageDigest, type ShareImageInput } from '../../src/publishing/share-images.ts';
import { article as fixtureArticle } from '../helpers/articles.ts';
import { launchChromium } from '../helpers/browser.ts';
import { fixtureRepo } from '../helpers/git-repo.ts';
import { pngInfo } from '../helpers/png.ts';
import { buildSite, listFiles, ROOT, type BuiltSite } from '../helpers/site.ts';
import { hostHeaders, serveStatic, type StaticServer } from '../helpers/static-server.ts';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const HOME = 'https://example.org/';
const STATEMENT = 'Putin will attend the talks & sign </script>.';
const CLAIMANT = 'A post by "</script>" & friends';

const frontmatter = (status: string, corrected: boolean) => `title: Talks in Istanbul
description: What was agreed, and what was not.
published: 2025-05-20
${corrected ? 'updated: 2025-05-22\n' : ''}authors:
  - sourced-newsroom
topics:
  - diplomacy
sources:
  - id: kyiv-statement
    kind: primary
    publisher: Office of the President of Ukraine
    title: Joint statement
    url: https://www.president.gov.ua/en/news/statement
    accessed: 2025-05-20
    published: 2025-05-10
    quote: A full and unconditional ceasefire must begin on Monday.
  - id: reuters-talks
    kind: news
    publisher: Reuters
    title: Russia and Ukraine hold first direct talks since 2022
    url: https://www.reuters.com/world/talks
    accessed: 2025-05-20
  - id: viral-post
    kind: other
    publisher: A social network
    title: A post about the talks
    url: https://example.com/post
    accessed: 2025-05-20
    published: 2025-05-11
claims:
  - id: ceasefire-demand
    statement: European leaders demanded a 30-day ceasefire.
    status: confirmed
    sources:
      - kyiv-statement
      - reuters-talks
  - id: putin-will-attend
    statement: '${STATEMENT}'
    status: ${status}
    claimant: '${CLAIMANT}'
    date: 2025-05-11
    appearances:
      - viral-post
    sources:
      - kyiv-statement
      - reuters-talks
    note: He stayed in Moscow & sent <aides>.
  - id: talks-in-istanbul
    statement: The delegations met in Istanbul.
    status: confirmed
    appearances:
      - reuters-talks
    sources:
      - kyiv-statement
${corrected ? "corrections:\n  - date: 2025-05-22\n    text: 'An earlier version rated [@putin-will-attend] unverified.'\n" : ''}`;

const BODY = `## What happened

Leaders met in Kyiv. [@kyiv-statement]

They demanded a ceasefire. [@ceasefire-demand]

A post said Putin would come. [@viral-post] [@putin-will-attend]

The delegations met in Istanbul. [@talks-in-istanbul; @reuters-talks]
`;

const CLAIM = 'articles/talks/claims/putin-will-attend/';
const CARD = `${CLAIM}card/`;

let site: BuiltSite;
let server: StaticServer;
let browser: Browser;
const html = (path: string) => site.read(path);

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
const decode = (text: string) => text.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ENTITIES[name]!);
/** The text a reader sees of an HTML fragment: without tags, entities decoded, spaces collapsed. */
const textOf = (fragment: string) =>
  decode(
    fragment
      .replace(/<\/?(?:p|li|ol|ul|h1|h2|section|main|div|blockquote|figure|figcaption)\b[^>]*>/g, ' ')
      .replace(/<[^>]+>/g, ''),
  )
    .replace(/\s+/g, ' ')
    .trim();
/** The first element matching `open` (a start tag's beginning, such as `<p class="claimant"`) up to its end tag `</name>`. */
const element = (page: string, open: string, name: string) => {
  const start = page.indexOf(open);
  if (start < 0) throw new Error(`no ${open} in the page`);
  return page.slice(start, page.indexOf(`</${name}>`, start) + name.length + 3);
};
const jsonLd = (page: string) =>
  [...page.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map(
    (match) => JSON.parse(match[1]!) as Record<string, unknown>,
  );
const meta = (page: string, key: string) =>
  decode(new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)">`).exec(page)?.[1] ?? '');

beforeAll(async () => {
  // A repository in which the claim was first published as unverified, then corrected to false.
  const { articles } = fixtureRepo([
    {
      date: '2025-05-20T10:00:00Z',
      message: 'Publish',
      files: { 'talks.md': fixtureArticle(frontmatter('unverified', false), BODY) },
    },
    {
      date: '2025-05-22T10:00:00Z',
      message: 'Correct a rating',
      files: { 'talks.md': fixtureArticle(frontmatter("'false'", true), BODY) },
    },
  ]);
  for (const name of ['topics.yaml', 'authors.yaml', 'publishers.yaml'])
    copyFileSync(join(ROOT, 'content', name), join(articles, '..', name));
  site = buildSite(articles);
  expect(site.status, site.output).toBe(0);
  server = await serveStatic(site.outDir, '/', hostHeaders(readFileSync(join(ROOT, 'public/_headers'), 'utf8')));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a claim page', () => {
  it('exists for each claim with a claimant or an appearance, and for no other', () => {
    const claimPages = listFiles(site.outDir).filter((file) =>
      /^articles\/talks\/claims\/[^/]+\/index\.html$/.test(file),
    );
    expect(claimPages).toEqual([
      'articles/talks/claims/putin-will-attend/index.html',
      'articles/talks/claims/talks-in-istanbul/index.html',
    ]);
  });

  it('shows the statement, the claimant and date, where it appeared, the verdict and its definition, the note and the way back to the explainer', () => {
    const page = html(`${CLAIM}index.html`);
    expect(textOf(element(page, '<h1', 'h1'))).toBe(`False: what this status means ${STATEMENT}`);
    expect(element(page, '<p class="claimant"', 'p')).toMatch(
      /^<p class="claimant"[^>]*>Claimed by A post by &quot;&lt;\/script&gt;&quot; &amp; friends, <time datetime="2025-05-11">11 May 2025<\/time>\s*<\/p>$/,
    );
    expect(textOf(element(page, '<ul class="appearances"', 'ul'))).toBe(
      'A social network, A post about the talks, 11 May 2025',
    );
    expect(element(page, '<ul class="appearances"', 'ul')).toContain('<a href="https://example.com/post"');
    expect(textOf(element(page, '<p class="definition"', 'p'))).toBe(
      'False: The sources show it is wrong. How we rate claims · Every claim rated false',
    );
    expect(element(page, '<p class="definition"', 'p')).toContain('href="/claims/false/"');
    expect(textOf(element(page, '<p class="note"', 'p'))).toBe('He stayed in Moscow & sent <aides>.');
    // Its place in the explainer: the first place in the text that cites it.
    expect(page).toMatch(
      /<a href="\/articles\/talks\/#cite-\d+"[^>]*>See this claim in the explainer “Talks in Istanbul”<\/a>/,
    );
  });

  it('lists the sources that settle it, as the article does, and no other', () => {
    const page = html(`${CLAIM}index.html`);
    expect(
      [...element(page, '<section class="sources"', 'section').matchAll(/<li id="(source-[^"]+)"/g)].map(
        (match) => match[1],
      ),
    ).toEqual(['source-kyiv-statement', 'source-reuters-talks']);
    expect(page).toContain('<blockquote>A full and unconditional ceasefire must begin on Monday.</blockquote>');
  });

  it('shows how its rating changed, with the revisions, and the corrections that name it', () => {
    const page = html(`${CLAIM}index.html`);
    const history = element(page, '<section class="status-history"', 'section');
    expect([...history.matchAll(/<li[^>]*>([\s\S]*?)<\/li>/g)].map((match) => textOf(match[1]!))).toEqual([
      '20 May 2025: Unverified (the revision)',
      '22 May 2025: False (the revision)',
    ]);
    expect([...history.matchAll(/href="\/articles\/talks\/history\/#rev-([0-9a-f]{12})"/g)]).toHaveLength(2);
    const corrections = element(page, '<section class="claim-corrections"', 'section');
    expect(textOf(corrections)).toContain('22 May 2025 An earlier version rated [@putin-will-attend] unverified.');
    expect(corrections).toMatch(/href="\/articles\/talks\/history\/#rev-[0-9a-f]{12}"/);
  });

  it('has its ClaimReview as its one JSON-LD block, the same node as on the article page', () => {
    const [data, ...rest] = jsonLd(html(`${CLAIM}index.html`));
    expect(rest).toEqual([]);
    const review = {
      '@type': 'ClaimReview',
      url: `${HOME}${CLAIM}`,
      claimReviewed: STATEMENT,
      itemReviewed: {
        '@type': 'Claim',
        author: { name: CLAIMANT },
        datePublished: '2025-05-11',
        appearance: [
          {
            '@type': 'CreativeWork',
            url: 'https://example.com/post',
            headline: 'A post about the talks',
            datePublished: '2025-05-11',
          },
        ],
        firstAppearance: {
          '@type': 'CreativeWork',
          url: 'https://example.com/post',
          headline: 'A post about the talks',
          datePublished: '2025-05-11',
        },
      },
      author: { '@type': 'Organization', name: 'Sourced', url: HOME },
      datePublished: '2025-05-20',
      reviewRating: {
        '@type': 'Rating',
        ratingValue: 1,
        bestRating: 6,
        worstRating: 1,
        alternateName: 'False',
        ratingExplanation: 'He stayed in Moscow & sent <aides>.',
      },
    };
    expect(data).toEqual({
      '@context': 'https://schema.org',
      ...review,
      mainEntityOfPage: { '@type': 'WebPage', '@id': `${HOME}${CLAIM}` },
    });
    // The article's head has the same ClaimReview, and one for the claim known by where it appeared (no author).
    const [articleReviews] = jsonLd(html('articles/talks/index.html'));
    expect(articleReviews!['@graph']).toEqual([
      review,
      expect.objectContaining({
        url: `${HOME}articles/talks/claims/talks-in-istanbul/`,
        itemReviewed: expect.not.objectContaining({ author: expect.anything() }),
      }),
    ]);
  });

  it('has a canonical address, Open Graph and Twitter tags, and a share image of its own text', () => {
    const page = html(`${CLAIM}index.html`);
    expect(page).toContain(`<link rel="canonical" href="${HOME}${CLAIM}">`);
    expect(meta(page, 'og:url')).toBe(`${HOME}${CLAIM}`);
    expect(meta(page, 'og:title')).toBe(`False: ${STATEMENT} | Sourced`);
    expect(meta(page, 'og:image')).toBe(`${HOME}${CLAIM}share.png`);
    expect([meta(page, 'og:image:width'), meta(page, 'og:image:height')]).toEqual(['1200', '630']);
    expect(meta(page, 'og:image:alt')).toBe(`False: “${STATEMENT}” Claimed by ${CLAIMANT}, 11 May 2025.`);
    expect(meta(page, 'twitter:card')).toBe('summary_large_image');
    // The image shows the page's own words: its digest is that of the statement, claimant and verdict read off the page.
    const badge = /<a class="status status-([a-z-]+)"[^>]*>([^<]+)</.exec(element(page, '<h1', 'h1'))!;
    const input: ShareImageInput = {
      kind: 'claim',
      statement: textOf(element(page, '<h1', 'h1')).replace(/^.*?: what this status means /, ''),
      claimant: textOf(element(page, '<p class="claimant"', 'p')),
      verdict: badge[2]!,
      status: badge[1]!,
    };
    const png = readFileSync(join(site.outDir, `${CLAIM}share.png`));
    expect(pngInfo(png)).toEqual({
      width: 1200,
      height: 630,
      text: { Comment: `sourced-share-image ${shareImageDigest(input, shareImageRendererVersion())}` },
    });
  });

  it('gives the explainer a share image of its headline and verdicts', () => {
    const page = html('articles/talks/index.html');
    expect(meta(page, 'og:image')).toBe(`${HOME}articles/talks/share.png`);
    expect(meta(page, 'og:image:alt')).toBe('Talks in Istanbul. Claims checked: 1 false · 2 confirmed.');
    expect(meta(page, 'twitter:card')).toBe('summary_large_image');
    const input: ShareImageInput = {
      kind: 'explainer',
      title: meta(page, 'og:title'),
      verdicts: '1 false · 2 confirmed',
    };
    expect(pngInfo(readFileSync(join(site.outDir, 'articles/talks/share.png')))).toEqual({
      width: 1200,
      height: 630,
      text: { Comment: `sourced-share-image ${shareImageDigest(input, shareImageRendererVersion())}` },
    });
  });

  it('is linked from the claims panel (the card the text opens), the navigation, and is in the sitemap but not the search index', () => {
    const article = html('articles/talks/index.html');
    const panelEntry = element(article, '<li id="claim-putin-will-attend"', 'li');
    expect(panelEntry).toContain('<a href="/articles/talks/claims/putin-will-attend/">Claim page</a>');
    expect(element(article, '<li id="claim-ceasefire-demand"', 'li')).not.toContain('Claim page');
    expect(article).toContain('<li><a href="/claims/">Claims</a></li>');
    const sitemap = html('sitemap-0.xml');
    expect(sitemap).toContain(`<loc>${HOME}${CLAIM}</loc>`);
    expect(sitemap).not.toContain(`<loc>${HOME}${CARD}</loc>`);
    expect(isIndexedPage(html(`${CLAIM}index.html`))).toBe(false);
    expect(isIndexedPage(article)).toBe(true);
  });

  it('offers the HTML to embed its card: an iframe of the card, with a link to the page inside', () => {
    const snippet = decode(
      /<textarea id="embed-code"[^>]*>([\s\S]*?)<\/textarea>/.exec(html(`${CLAIM}index.html`))![1]!,
    );
    expect(snippet).toBe(
      `<iframe src="${HOME}${CARD}" title="Claim check: False" width="400" height="360" style="border:0;max-width:100%" loading="lazy">` +
        `<a href="${HOME}${CLAIM}">False: Putin will attend the talks &amp; sign &lt;/script&gt;. (Sourced)</a></iframe>`,
    );
  });
});

describe('the claims listings', () => {
  it('list every claim with a page, newest first, and those of each verdict', () => {
    const entries = (path: string) =>
      [...element(html(path), '<ol class="claim-index"', 'ol').matchAll(/<li[^>]*>([\s\S]*?)<\/li>/g)].map((match) =>
        textOf(match[1]!),
      );
    expect(entries('claims/index.html')).toEqual([
      `False: what this status means ${STATEMENT} Claimed by ${CLAIMANT}, 11 May 2025 Checked in Talks in Istanbul`,
      'Confirmed: what this status means The delegations met in Istanbul. Checked in Talks in Istanbul',
    ]);
    expect(entries('claims/false/index.html')).toEqual([entries('claims/index.html')[0]]);
    expect(html('claims/disputed/index.html')).toMatch(/<p[^>]*>No claims are listed here yet\.<\/p>/);
    expect(html('claims/index.html')).toMatch(
      /<a href="\/articles\/talks\/claims\/putin-will-attend\/"[^>]*>Putin will attend the talks &amp; sign &lt;\/script&gt;\.<\/a>/,
    );
    // Each verdict's definition in the methodology links to its listing.
    expect(html('methodology/index.html')).toContain('<a href="../claims/false/">Every claim rated false</a>');
  });

  it('and the claim pages and card carry no script but their JSON-LD', () => {
    for (const path of [`${CLAIM}index.html`, `${CARD}index.html`, 'claims/index.html', 'claims/false/index.html']) {
      const scripts = [...html(path).matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
      expect([path, scripts.filter((tag) => tag !== '<script type="application/ld+json">')]).toEqual([path, []]);
    }
  });
});

describe('the embeddable claim card', () => {
  it('shows the site, the verdict, the claim, the claimant and a link to the explainer, without script', () => {
    const card = html(`${CARD}index.html`);
    expect(textOf(element(card, '<main', 'main'))).toBe(
      `Sourced · claim check False ${STATEMENT} Claimed by ${CLAIMANT}, 11 May 2025 Read the explainer: Talks in Istanbul`,
    );
    expect(card).toMatch(
      /<a href="https:\/\/example\.org\/articles\/talks\/" target="_blank" rel="noopener"[^>]*>Read the explainer: Talks in Istanbul<\/a>/,
    );
    expect(card).toContain('<meta name="robots" content="noindex">');
    expect(card).toContain('<title>False: Putin will attend the talks &amp; sign &lt;/script&gt;. | Sourced</title>');
  });

  it('may be framed by any site, while every other page forbids it', async () => {
    const cardHeaders = (await fetch(`${server.origin}/${CARD}`)).headers;
    expect(cardHeaders.get('content-security-policy')).toBe(headerPolicy('card'));
    expect(headerPolicy('card')).toMatch(/; frame-ancestors \*$/);
    for (const path of [`/${CLAIM}`, '/articles/talks/', '/claims/']) {
      expect((await fetch(`${server.origin}${path}`)).headers.get('content-security-policy')).toBe(headerPolicy());
    }
    expect(headerPolicy()).toMatch(/; frame-ancestors 'none'$/);
  });

  it("renders inside an iframe on another site's page, with JavaScript off, where the claim's page does not", async () => {
    // Another origin: the same address, another port.
    const host: Server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(
        `<!doctype html><html lang="en"><title>A blog</title><body>` +
          `<iframe name="card" src="${server.origin}/${CARD}" width="400" height="360"><a href="${server.origin}/${CLAIM}">The claim</a></iframe>` +
          `<iframe name="page" src="${server.origin}/${CLAIM}" width="400" height="360"></iframe></body></html>`,
      );
    });
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
    const port = (host.address() as { port: number }).port;
    expect(`http://127.0.0.1:${port}`).not.toBe(server.origin);
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 900, height: 800 } });
    try {
      const page = await context.newPage();
      await page.goto(`http://127.0.0.1:${port}/`, { waitUntil: 'load' });
      const card = page.frame({ name: 'card' })!;
      expect(card.url()).toBe(`${server.origin}/${CARD}`);
      expect(await card.locator('.card-statement').textContent()).toBe(STATEMENT);
      expect(await card.locator('.card-verdict').textContent()).toBe('False');
      // The card fits its frame: nothing to scroll.
      expect(
        await card.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight]),
      ).toEqual([400, 360]);
      // The claim's own page is refused: Chromium shows its error page in the frame instead.
      const blocked = page.frame({ name: 'page' })!;
      expect(await blocked.locator('h1.claim-statement').count()).toBe(0);
    } finally {
      await context.close();
      await new Promise((resolve) => host.close(resolve));
    }
  });
});

describe('accessibility', () => {
  it.each([
    ['claim page', `/${CLAIM}`],
    ['claims index', '/claims/'],
    ['claims of one verdict', '/claims/false/'],
    ['claim card', `/${CARD}`],
  ])(
    'the %s has no WCAG 2.2 AA violation at 320 px, light and dark, and no sideways scrolling',
    async (_name, path) => {
      for (const colorScheme of ['light', 'dark'] as const) {
        const context = await browser.newContext({ viewport: { width: 320, height: 640 }, colorScheme });
        const page = await context.newPage();
        await page.goto(`${server.origin}${path}`);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(320);
        const result = (await page.evaluate(`${AXE}
        axe.run('html', { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG_TAGS)} } }).then((result) => ({
          passes: result.passes.length,
          violations: result.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', ')),
        }))`)) as { passes: number; violations: string[] };
        await context.close();
        expect(result.passes).toBeGreaterThan(0);
        expect([path, colorScheme, result.violations]).toEqual([path, colorScheme, []]);
      }
    },
  );
});

it('the card page exists for every claim page, and nothing else has one', () => {
  for (const file of listFiles(site.outDir).filter((name) =>
    /^articles\/talks\/claims\/[^/]+\/index\.html$/.test(name),
  )) {
    expect(existsSync(join(site.outDir, file.replace(/index\.html$/, 'card/index.html')))).toBe(true);
  }
});
