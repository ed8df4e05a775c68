import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { LinkChecker, LinkState } from 'linkinator';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { articleJsonSchema, registryJsonSchema } from '../../src/publishing/json-schema.ts';
import {
  ROOT,
  buildDir,
  buildSite,
  listFiles,
  runBuildCommand,
  writeContent,
  type BuiltSite,
} from '../helpers/site.ts';
import { serveStatic } from '../helpers/static-server.ts';

const SITE = 'https://user.github.io';
const BASE = '/sub/path/';
const HOME = `${SITE}${BASE}`;
const ENV = { SITE_URL: SITE, BASE_PATH: BASE };

const HOSTILE_TITLE = `</script><script>alert(1)</script> & "quotes" 'apostrophes' <b>not bold</b> İstanbul ı Київ`;
const HOSTILE_DESCRIPTION = `A summary with </script> and <!-- and &amp; written out, "quoted".`;
const HOSTILE_CLAIMANT = `A post by "</script>" & friends`;
const DRAFT_MARKER = 'draftmarker7731';

const yamlQuote = (text: string) => `'${text.replace(/'/g, "''")}'`;

const ARTICLES = {
  'hostile-title.md': `---
title: ${yamlQuote(HOSTILE_TITLE)}
description: ${yamlQuote(HOSTILE_DESCRIPTION)}
conclusion: Putin did not attend the talks.
published: 2025-05-20
updated: 2025-05-22
authors:
  - ann-writer
topics:
  - diplomacy
sources:
  - id: kyiv-statement
    kind: primary
    publisher: ${yamlQuote('Office <of> the "President"')}
    title: ${yamlQuote('Statement </script> & more')}
    url: https://example.org/statement?a=1&b=2
    accessed: 2025-05-20
    published: 2025-05-10
    quote: ${yamlQuote('We will be there. </script>')}
  - id: reuters-talks
    kind: news
    publisher: tass
    via: reuters
    title: Talks in Istanbul
    url: https://example.com/talks
    accessed: 2025-05-20
claims:
  - id: putin-will-attend
    statement: ${yamlQuote('Putin will attend the talks & sign </script>.')}
    status: 'false'
    sources:
      - reuters-talks
    claimant: ${yamlQuote(HOSTILE_CLAIMANT)}
    note: He stayed in Moscow & sent <aides>.
  - id: talks-held
    statement: Delegations met in Istanbul.
    status: confirmed
    sources:
      - reuters-talks
      - kyiv-statement
timeline:
  - date: 2025-05-16
    text: Delegations met in Istanbul.
    sources:
      - reuters-talks
corrections:
  - date: 2025-05-22
    text: ${yamlQuote('An earlier version said </script> was a city.')}
---

## What happened

Kyiv said it would attend. [@kyiv-statement]

A post claimed that Putin would attend. [@putin-will-attend]

The delegations met. [@talks-held; @reuters-talks]
`,
  '2024/older-story.md': `---
title: An older story
description: Something that happened earlier.
published: 2024-01-02
authors:
  - bo-editor
topics:
  - diplomacy
sources:
  - id: ap-report
    kind: news
    publisher: AP
    title: Earlier report
    url: https://example.com/earlier
    accessed: 2024-01-02
---

It happened. [@ap-report]
`,
  'secret-draft.md': `---
title: Secret ${DRAFT_MARKER} story
description: Not ready ${DRAFT_MARKER}.
published: 2025-06-01
authors:
  - ann-writer
draft: true
sources:
  - id: ${DRAFT_MARKER}
    kind: news
    publisher: Publisher ${DRAFT_MARKER}
    title: Draft source
    url: https://example.com/${DRAFT_MARKER}
    accessed: 2025-06-01
---

Not published. [@${DRAFT_MARKER}]
`,
};

/** The registries of the fixture site: hostile names, a person and an organization, a state agency read on another site. */
const REGISTRIES = {
  topics: `diplomacy:\n  label: ${yamlQuote('Diplomacy & <talks>')}\n  description: ${yamlQuote('Talks between governments </script> & "summits".')}\n`,
  authors: `ann-writer:
  name: ${yamlQuote('Ann <Writer> & Co')}
  type: person
  role: Reporter
  bio: ${yamlQuote('Ann writes </script> & checks.')}
bo-editor:
  name: Bo Editor desk
  type: organization
  role: Desk
  bio: The desk.
quiet-author:
  name: Quiet Author
  type: person
  role: Reporter
  bio: Has written nothing yet.
`,
  publishers: `tass:
  name: TASS
  country: RU
  type: news agency
  stateAffiliated: true
  basis: https://en.wikipedia.org/wiki/TASS
reuters:
  name: Reuters
  type: news agency
  stateAffiliated: false
`,
};

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
const decode = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) =>
    name.startsWith('#x') || name.startsWith('#X')
      ? String.fromCodePoint(parseInt(name.slice(2), 16))
      : name.startsWith('#')
        ? String.fromCodePoint(Number(name.slice(1)))
        : (ENTITIES[name] ?? entity),
  );
/** An HTML start or end tag, consuming quoted attribute values (which may contain `<` and `>`). */
const TAG = /<\/?[a-zA-Z][a-zA-Z0-9-]*(?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*\/?>/g;
/** Every start tag named `name` in the page, scanning tag by tag so that attribute values are not read as tags. */
const startTags = (html: string, name: string) =>
  [...html.matchAll(TAG)]
    .map((match) => match[0])
    .filter((tag) => tag.startsWith(`<${name}`) && /[\s>/]/.test(tag.charAt(name.length + 1)));
/** The text a reader sees: the HTML without head, scripts and tags, entities decoded, spaces collapsed. */
const visibleText = (html: string) =>
  decode(
    html
      .replace(/<head>[\s\S]*?<\/head>/, '')
      .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '')
      .replace(TAG, ''),
  ).replace(/\s+/g, ' ');

let site: BuiltSite;
const html = (path: string) => site.read(path);
const htmlFiles = () => listFiles(site.outDir).filter((file) => file.endsWith('.html'));

beforeAll(async () => {
  site = buildSite(writeContent(ARTICLES, REGISTRIES), { env: ENV });
  if (site.status !== 0) throw new Error(`The fixture site did not build:\n${site.output}`);
});

describe('a site built under a base path', () => {
  test('publishes the RSS feed newest first, with absolute links under the base and titles exactly as written', async () => {
    const feed = await new Parser().parseString(html('rss.xml'));
    expect(feed.title).toBe('Sourced');
    expect(feed.link).toBe(HOME);
    expect(feed.items.map((item) => [item.title, item.link, item.guid, item.isoDate])).toEqual([
      [HOSTILE_TITLE, `${HOME}articles/hostile-title/`, `${HOME}articles/hostile-title/`, '2025-05-20T00:00:00.000Z'],
      [
        'An older story',
        `${HOME}articles/2024/older-story/`,
        `${HOME}articles/2024/older-story/`,
        '2024-01-02T00:00:00.000Z',
      ],
    ]);
    // The description is HTML to feed readers, so the plain text arrives HTML-escaped.
    expect(feed.items[0]?.content).toBe(
      HOSTILE_DESCRIPTION.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
    );
    expect(html('rss.xml')).toContain(`<atom:link href="${HOME}rss.xml" rel="self" type="application/rss+xml"/>`);
  });

  test('publishes a sitemap of the pages under the base, without the search page, and a robots.txt that points to it', () => {
    expect(html('sitemap-index.xml')).toContain(`<loc>${HOME}sitemap-0.xml</loc>`);
    const locations = [...html('sitemap-0.xml').matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1] ?? '');
    expect(locations).toContain(HOME);
    expect(locations).toContain(`${HOME}articles/hostile-title/`);
    expect(locations).toContain(`${HOME}articles/2024/older-story/`);
    expect(locations).not.toContain(`${HOME}search/`);
    for (const location of locations) {
      expect(location.startsWith(HOME)).toBe(true);
      expect(listFiles(site.outDir)).toContain(`${location.slice(HOME.length)}index.html`);
    }
    expect(html('robots.txt')).toBe(`User-agent: *\nAllow: /\n\nSitemap: ${HOME}sitemap-index.xml\n`);
  });

  test('publishes each article as JSON with its claims, sources, timeline and corrections exactly as written', () => {
    const data = JSON.parse(html('articles/hostile-title.json'));
    expect(data).toMatchObject({
      slug: 'hostile-title',
      url: `${HOME}articles/hostile-title/`,
      title: HOSTILE_TITLE,
      description: HOSTILE_DESCRIPTION,
      published: '2025-05-20',
      updated: '2025-05-22',
      authors: ['ann-writer'],
      timeline: [{ date: '2025-05-16', text: 'Delegations met in Istanbul.', sources: ['reuters-talks'] }],
      corrections: [{ date: '2025-05-22', text: 'An earlier version said </script> was a city.' }],
    });
    expect(
      data.claims.map((claim: Record<string, string>) => [claim['id'], claim['claimant'], claim['permalink']]),
    ).toEqual([
      ['putin-will-attend', HOSTILE_CLAIMANT, `${HOME}articles/hostile-title/#claim-putin-will-attend`],
      ['talks-held', undefined, `${HOME}articles/hostile-title/#claim-talks-held`],
    ]);
    expect(data.sources[0]).toMatchObject({
      url: 'https://example.org/statement?a=1&b=2',
      quote: 'We will be there. </script>',
    });
    expect(JSON.parse(html('articles/2024/older-story.json')).url).toBe(`${HOME}articles/2024/older-story/`);
  });

  test('publishes every claim and source of the site as NDJSON listed in /data/index.json, and the generated JSON Schema', () => {
    const index = JSON.parse(html('data/index.json'));
    expect(index).toMatchObject({
      site: HOME,
      articles: 2,
      claims: 2,
      sources: 3,
      article: `${HOME}articles/{slug}.json`,
      schema: `${HOME}data/article.schema.json`,
    });
    // The part's address is under the base path; its file is at that path inside the output folder.
    const records = (name: 'claims' | 'sources') =>
      index.files[name].flatMap(({ url }: { url: string }) => {
        expect(url.startsWith(`${HOME}data/${name}-`)).toBe(true);
        const text = html(url.slice(HOME.length));
        expect(text.endsWith('\n')).toBe(true);
        return text
          .slice(0, -1)
          .split('\n')
          .map((line) => JSON.parse(line));
      });
    expect(
      records('claims').map((claim: { id: string; article: { slug: string } }) => `${claim.article.slug}#${claim.id}`),
    ).toEqual(['hostile-title#putin-will-attend', 'hostile-title#talks-held']);
    expect(
      records('sources').map((source: { id: string; article: { data: string } }) => [source.id, source.article.data]),
    ).toEqual([
      ['kyiv-statement', `${HOME}articles/hostile-title.json`],
      ['reuters-talks', `${HOME}articles/hostile-title.json`],
      ['ap-report', `${HOME}articles/2024/older-story.json`],
    ]);
    expect(JSON.parse(html('data/article.schema.json'))).toEqual(articleJsonSchema(`${HOME}data/article.schema.json`));
  });

  test('embeds JSON-LD that no field can break out of, equal to the source strings and visible on the page', () => {
    const page = html('articles/hostile-title/index.html');
    const opening = '<script type="application/ld+json">';
    // The ClaimReviews in the head, the NewsArticle in the middle of the source list.
    expect(page.split(opening)).toHaveLength(3);
    // An HTML parser ends each element at the first `</script`, whatever JSON says.
    const blocks = page
      .split(opening)
      .slice(1)
      .map((rest) => JSON.parse(rest.slice(0, rest.indexOf('</script'))));
    expect(
      blocks.map((block) => [block['@context'], block['@graph'].map((node: { '@type': string }) => node['@type'])]),
    ).toEqual([
      ['https://schema.org', ['ClaimReview']],
      ['https://schema.org', ['NewsArticle']],
    ]);
    expect(page.indexOf(opening, page.indexOf('<section class="sources"'))).toBeGreaterThan(0);
    const [[review], [article]] = blocks.map((block) => block['@graph']);
    expect(article).toMatchObject({
      '@type': 'NewsArticle',
      headline: HOSTILE_TITLE,
      datePublished: '2025-05-20',
      dateModified: '2025-05-22',
      author: [{ '@type': 'Person', name: 'Ann <Writer> & Co', url: `${HOME}authors/ann-writer/` }],
      correction: [
        {
          '@type': 'CorrectionComment',
          url: `${HOME}articles/hostile-title/#corrections-heading`,
          datePublished: '2025-05-22',
        },
      ],
    });
    // No citation list: the sources' addresses are links on the page and in the article's JSON.
    expect(article.citation).toBeUndefined();
    expect(review).toMatchObject({
      '@type': 'ClaimReview',
      url: `${HOME}articles/hostile-title/claims/putin-will-attend/`,
      claimReviewed: 'Putin will attend the talks & sign </script>.',
      itemReviewed: { author: { name: HOSTILE_CLAIMANT } },
      reviewRating: {
        ratingValue: 1,
        alternateName: 'False',
        ratingExplanation: 'He stayed in Moscow & sent <aides>.',
      },
    });
    const text = visibleText(page);
    for (const shown of [
      HOSTILE_TITLE,
      HOSTILE_DESCRIPTION,
      'Ann <Writer> & Co',
      'Statement </script> & more',
      'Office <of> the "President"',
      'Putin will attend the talks & sign </script>.',
      HOSTILE_CLAIMANT,
      'He stayed in Moscow & sent <aides>.',
      'False',
      'An earlier version said </script> was a city.',
    ]) {
      expect([shown, text.includes(shown)]).toEqual([shown, true]);
    }
  });

  test('writes canonical, OpenGraph, Twitter and feed links into the head of every page', () => {
    const page = html('articles/hostile-title/index.html');
    const escapedTitle = HOSTILE_TITLE.replace(/&/g, '&amp;')
      .replace(/"/g, '&quot;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;');
    expect(page).toContain(`<link rel="canonical" href="${HOME}articles/hostile-title/">`);
    expect(page).toContain(`<meta property="og:url" content="${HOME}articles/hostile-title/">`);
    expect(page).toContain('<meta property="og:type" content="article">');
    expect(page).toContain('<meta property="article:published_time" content="2025-05-20">');
    // Explainers have a share image (docs/publishing.md#share-images), under the base like every address.
    expect(page).toContain('<meta name="twitter:card" content="summary_large_image">');
    expect(page).toContain(`<meta property="og:image" content="${HOME}articles/hostile-title/share.png">`);
    expect(html('topics/index.html')).toContain('<meta name="twitter:card" content="summary">');
    expect(decode(page.match(/<meta property="og:title" content="([^"]*)">/)?.[1] ?? '')).toBe(HOSTILE_TITLE);
    expect(escapedTitle).not.toContain('<');
    for (const file of htmlFiles()) {
      const page = html(file);
      expect([
        file,
        page.includes(
          `<link rel="alternate" type="application/rss+xml" title="Sourced: latest explainers" href="${BASE}rss.xml">`,
        ),
      ]).toEqual([file, true]);
      const canonical = page.match(/<link rel="canonical" href="([^"]*)">/)?.[1];
      // A claim's card names its claim's page as canonical.
      const own = `${HOME}${file.replace(/index\.html$/, '')}`;
      expect([file, canonical]).toEqual([file, file === '404.html' ? undefined : own.replace(/card\/$/, '')]);
    }
  });

  test('keeps every internal address on every page under the base path', () => {
    for (const file of htmlFiles()) {
      for (const [, attribute, value] of html(file).matchAll(/\s(href|src|action|content|data-[a-z-]+)="([^"]*)"/g)) {
        const address = decode(value ?? '');
        if (address.startsWith('/'))
          expect([file, attribute, address.startsWith(BASE)]).toEqual([file, attribute, true]);
        if (address.startsWith(SITE))
          expect([file, attribute, address.startsWith(HOME)]).toEqual([file, attribute, true]);
      }
    }
  });

  test('runs no inline script and has no inline style on any page; only the search page may run WebAssembly', () => {
    for (const file of htmlFiles()) {
      const page = html(file);
      for (const tag of startTags(page, 'script')) {
        expect([file, tag, /\ssrc="/.test(tag) || tag === '<script type="application/ld+json">']).toEqual([
          file,
          tag,
          true,
        ]);
      }
      expect([file, startTags(page, 'style')]).toEqual([file, []]);
      expect([
        file,
        [...page.matchAll(TAG)].map((match) => match[0]).filter((tag) => /\s(style|on[a-z]+)=/.test(tag)),
      ]).toEqual([file, []]);
      const policy = page.match(/<meta http-equiv="content-security-policy" content="([^"]*)">/)?.[1];
      expect([file, policy?.includes("default-src 'self'")]).toEqual([file, true]);
      expect([file, policy?.includes("'wasm-unsafe-eval'")]).toEqual([file, file === 'search/index.html']);
    }
    expect(startTags(html('search/index.html'), 'script')).toEqual([
      expect.stringMatching(/^<script type="module" src="\/sub\/path\/_astro\/[^"]+\.js">$/),
    ]);
    expect(startTags(html('articles/hostile-title/index.html'), 'script')).toEqual([
      '<script type="application/ld+json">',
      '<script type="application/ld+json">',
    ]);
  });

  test("each page's <meta> policy is the policy public/_headers sends, less what a <meta> cannot carry and plus its own hashes", () => {
    const directives = (policy: string) =>
      new Map(
        policy
          .split(';')
          .filter((part) => part.trim() !== '')
          .map((part) => part.trim().split(/\s+/))
          .map(([name, ...sources]) => [name!, sources.filter((source) => !source.startsWith("'sha"))]),
      );
    const header = directives(
      /Content-Security-Policy: (.*)/.exec(readFileSync(join(ROOT, 'public/_headers'), 'utf8'))![1]!,
    );
    header.delete('frame-ancestors');
    const searchOnly = (sources: string[]) => sources.filter((source) => source !== "'wasm-unsafe-eval'");
    for (const file of htmlFiles()) {
      const meta = directives(
        decode(html(file).match(/<meta http-equiv="content-security-policy" content="([^"]*)">/)![1]!),
      );
      const expected = new Map(
        [...header].map(([name, sources]) => [
          name,
          name === 'script-src' && file !== 'search/index.html' ? searchOnly(sources) : sources,
        ]),
      );
      expect([file, Object.fromEntries(meta)]).toEqual([file, Object.fromEntries(expected)]);
    }
  });

  test('offers Pagefind search, with a message and a link to the topics when JavaScript is off', () => {
    const page = html('search/index.html');
    expect(page).toMatch(
      /<div id="search" class="search" data-bundle-path="\/sub\/path\/pagefind\/" data-base-url="\/sub\/path\/"[^>]*>/,
    );
    expect(visibleText(page)).toContain(
      'Search runs in your browser and needs JavaScript, which is turned off or did not load. You can still find every explainer by topic.',
    );
    expect(page).toMatch(/<a href="\/sub\/path\/topics\/"[^>]*>by topic<\/a>/);
    // Only the article pages are indexed (they alone carry data-pagefind-body), and never a draft.
    expect(site.output).toMatch(/^Search index: 2 pages in 1 bundle$/m);
    expect(JSON.parse(html('pagefind/shards.json')).bundles).toEqual(['pagefind/']);
    expect(JSON.parse(html('pagefind/pagefind-entry.json')).languages.en.page_count).toBe(2);
    expect(html('articles/hostile-title/index.html')).toMatch(/<article\b[^>]*\sdata-pagefind-body[\s>]/);
    expect(listFiles(site.outDir)).toEqual(
      expect.arrayContaining([
        'pagefind/pagefind-ui.js',
        'pagefind/pagefind-ui.css',
        'pagefind/pagefind.js',
        'pagefind/shards.json',
      ]),
    );
  });

  test('publishes no trace of a draft in any file', () => {
    for (const file of listFiles(site.outDir)) {
      const text = readFileSync(join(site.outDir, file), 'latin1');
      expect([file, text.includes(DRAFT_MARKER)]).toEqual([file, false]);
    }
  });

  describe('links', () => {
    let server: Awaited<ReturnType<typeof serveStatic>>;
    beforeAll(async () => {
      server = await serveStatic(site.outDir, BASE);
    });
    afterAll(() => server.close());

    test('has no broken internal link or anchor on any page (linkinator, following absolute site addresses too)', async () => {
      const checker = new LinkChecker();
      const result = await checker.check({
        path: `${server.origin}${BASE}`,
        recurse: true,
        checkFragments: true,
        concurrency: 8,
        timeout: 10_000,
        // Canonical, OpenGraph, feed and JSON-LD addresses name the public site; check them here.
        urlRewriteExpressions: [
          {
            pattern: new RegExp(`^${HOME.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`),
            replacement: `${server.origin}${BASE}`,
          },
        ],
        linksToSkip: async (link) => !link.startsWith(server.origin),
      });
      const broken = result.links
        .filter((link) => link.state === LinkState.BROKEN)
        .map((link) => `${link.status ?? ''} ${link.url} (on ${link.parent ?? '?'})`);
      expect(broken).toEqual([]);
      const checked = result.links.filter((link) => link.state === LinkState.OK).map((link) => link.url);
      expect(checked).toEqual(
        expect.arrayContaining([`${server.origin}${BASE}articles/hostile-title/`, `${server.origin}${BASE}rss.xml`]),
      );
    });
  });

  test('is byte-identical when built again from the same content', async () => {
    const again = buildSite(writeContent(ARTICLES, REGISTRIES), { env: ENV });
    expect(again.status).toBe(0);
    const files = listFiles(site.outDir);
    expect(listFiles(again.outDir)).toEqual(files);
    const different = files.filter(
      (file) => !readFileSync(join(site.outDir, file)).equals(readFileSync(join(again.outDir, file))),
    );
    expect(different).toEqual([]);
  });
});

describe('a site with registries', () => {
  test('shows each topic page with its label and description', () => {
    const page = html('topics/diplomacy/index.html');
    expect(visibleText(page)).toContain('Diplomacy & <talks>Talks between governments </script> & "summits".');
    expect(page).toContain(
      '<meta name="description" content="Talks between governments </script> &amp; &quot;summits&quot;.">',
    );
    expect(visibleText(html('articles/hostile-title/index.html'))).toContain('Diplomacy & <talks>');
  });

  test('publishes one page per author, listing their published explainers, and links bylines to it', () => {
    const ann = visibleText(html('authors/ann-writer/index.html'));
    expect(ann).toContain('Ann <Writer> & CoReporterAnn writes </script> & checks.Explainers');
    expect(ann).toContain(HOSTILE_TITLE);
    expect(ann).not.toContain(DRAFT_MARKER);
    expect(visibleText(html('authors/bo-editor/index.html'))).toContain('An older story');
    expect(visibleText(html('authors/quiet-author/index.html'))).toContain('ExplainersNo explainers yet.');
    expect(html('articles/hostile-title/index.html')).toContain(
      `By <a href="${BASE}authors/ann-writer/">Ann &lt;Writer&gt; &amp; Co</a>`,
    );
    expect(html('articles/2024/older-story/index.html')).toContain(
      `<meta property="article:author" content="Bo Editor desk">`,
    );
    const older = html('articles/2024/older-story/index.html')
      .split('<script type="application/ld+json">')
      .slice(1)
      .flatMap((rest) => JSON.parse(rest.split('</script>')[0]!)['@graph'])
      .find((node) => node['@type'] === 'NewsArticle');
    expect(older.author).toEqual([
      { '@type': 'Organization', name: 'Bo Editor desk', url: `${HOME}authors/bo-editor/` },
    ]);
  });

  test("shows each source's publisher by its registry name, with its type, state affiliation and the site it was read on", () => {
    const page = html('articles/hostile-title/index.html');
    expect(visibleText(page)).toContain(
      'News report TASS, Russian state news agency, read on Reuters, Talks in Istanbul',
    );
    // A publisher written by name is shown as written, with no words about it.
    expect(visibleText(page)).toContain('Primary record Office <of> the "President", Statement </script> & more');
    // The attribution in the text names the registry's publisher.
    expect(page).toMatch(/popovertarget="card-2">TASS<\/button>/);
    expect(visibleText(page)).toContain(
      '2 sources from 2 publishers1 of 2 is a primary record1 of 2 is from a state-affiliated publisher',
    );
    const sources = visibleText(html('sources/index.html'));
    expect(sources).toContain('TASS, Russian state news agency');
    expect(sources).not.toContain('Reuters');
  });

  test('links a favicon from every page, as SVG and as /favicon.ico', () => {
    for (const file of htmlFiles()) {
      expect([file, html(file).includes(`<link rel="icon" href="${BASE}favicon.svg" type="image/svg+xml">`)]).toEqual([
        file,
        true,
      ]);
      expect([file, html(file).includes(`<link rel="icon" href="${BASE}favicon.ico" sizes="32x32">`)]).toEqual([
        file,
        true,
      ]);
    }
    expect(readFileSync(join(site.outDir, 'favicon.ico')).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));
    expect(html('favicon.svg')).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  });

  test('publishes the JSON Schema of each registry', () => {
    for (const name of ['topics', 'authors', 'publishers'] as const) {
      expect(JSON.parse(html(`data/${name}.schema.json`))).toEqual(
        registryJsonSchema(name, `${HOME}data/${name}.schema.json`),
      );
    }
  });

  test('refuses to build from a broken registry, naming the file, line and rule, in astro build and in npm run build', () => {
    const articles = writeContent(ARTICLES, {
      ...REGISTRIES,
      publishers: REGISTRIES.publishers.replace('  basis: https://en.wikipedia.org/wiki/TASS\n', ''),
    });
    const publishers = relative(ROOT, join(articles, '../publishers.yaml'));
    const message = `${publishers}:5:3  error  missing-basis  Field "stateAffiliated" of "tass" is true, but no basis is given; add basis: the address of a document showing that a state owns or controls the publisher.`;
    const built = buildSite(articles, { env: ENV });
    expect(built.status).not.toBe(0);
    expect(built.output).toContain(`1 error in the registries; nothing was published:\n${message}`);
    const outDir = join(buildDir(), 'dist');
    const command = runBuildCommand(articles, outDir);
    expect(command.status).toBe(1);
    expect(command.output).toContain(message);
    expect(command.output).toContain(
      `Build failed: fix what is reported above and build again. ${outDir} was left as it was.`,
    );
  });
});
