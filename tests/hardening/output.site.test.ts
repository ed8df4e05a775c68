import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { DefaultTreeAdapterTypes } from 'parse5';
import Parser from 'rss-parser';
import { beforeAll, describe, expect, test } from 'vitest';
import { VALID_FRONTMATTER, article } from '../helpers/articles.ts';
import { ROOT, listFiles, runBuildCommand, writeArticles, writeContent, buildDir } from '../helpers/site.ts';
import { CLAIM_STATUSES } from '../../src/format/index.ts';
import { publisherSlug } from '../../src/site/publishers.ts';
import {
  BODY_TEXT,
  DRAFT_MARKER,
  DRAFT_UNICODE_MARKER,
  HOSTILE,
  HOSTILE_ARTICLES,
  HOSTILE_REGISTRIES,
  PUBLISHED_SLUGS,
  URLS,
} from './output-fixture.ts';
import {
  URL_ATTRIBUTES,
  attribute,
  byTag,
  commentsOf,
  elementsOf,
  isScriptingUrl,
  metaContents,
  parseHtmlFragment,
  parsePage,
  textOf,
} from './output-html.ts';

const HOME = 'https://example.org/';
const VNU = join(ROOT, 'node_modules/vnu-jar/build/dist/vnu.jar');

/**
 * Whether XML text is made only of characters XML 1.0 allows (its `Char` production): the parsers
 * used here check the structure but let a forbidden character such as U+FFFE through.
 */
const onlyXmlCharacters = (text: string) => /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u.test(text);
/** Whether XML text is well-formed: its structure, and every character in it. */
const wellFormedXml = (text: string) => XMLValidator.validate(text) === true && onlyXmlCharacters(text);

/** Every page the fixture site must have, and no other. */
const PAGES = [
  `sources/${publisherSlug(HOSTILE.publisher)}/index.html`,
  `sources/${publisherSlug(HOSTILE.secondPublisher)}/index.html`,
  '404.html',
  'articles/hostile-fields/index.html',
  'articles/middle-east/rtl-title/index.html',
  'authors/hostile-author/index.html',
  'authors/second-author/index.html',
  'corrections/index.html',
  'index.html',
  'methodology/index.html',
  'search/index.html',
  'sources/index.html',
  'topics/diplomacy/index.html',
  'topics/index.html',
  'topics/turkiye/index.html',
  // The hostile claim's page and card (it has a claimant), and the claims listings, one for each status.
  'articles/hostile-fields/claims/hostile-claim/index.html',
  'articles/hostile-fields/claims/hostile-claim/card/index.html',
  'claims/index.html',
  ...CLAIM_STATUSES.map((status) => `claims/${status}/index.html`),
].sort();

let outDir: string;
let buildOutput: string;
const pages = new Map<string, DefaultTreeAdapterTypes.Document>();
const read = (path: string) => readFileSync(join(outDir, path), 'utf8');
const page = (path: string) => {
  const document = pages.get(path);
  if (!document) throw new Error(`${path} was not built`);
  return document;
};
const json = (path: string) => JSON.parse(read(path));
/** Every record of a bulk file (`claims` or `sources`), from the parts `/data/index.json` lists. */
const bulk = (name: 'claims' | 'sources') =>
  (json('data/index.json').files[name] as { url: string }[]).flatMap(({ url }) =>
    read(new URL(url).pathname.slice(1))
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line)),
  );

/** A built file's bytes as a reader or a crawler gets them: Pagefind's index files are gzip-compressed. */
function contentOf(file: string): Buffer {
  const bytes = readFileSync(join(outDir, file));
  const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
  return gzipped ? gunzipSync(bytes) : bytes;
}

/** Pagefind's record of each indexed page (a fragment is `pagefind_dcd` and JSON, gzip-compressed). */
function searchFragments(): { url: string; content: string; meta: { title: string } }[] {
  return listFiles(outDir)
    .filter((file) => file.startsWith('pagefind/fragment/'))
    .map((file) => {
      const text = contentOf(file).toString('utf8');
      expect(text.startsWith('pagefind_dcd')).toBe(true);
      return JSON.parse(text.slice('pagefind_dcd'.length));
    });
}

/**
 * The parsed JSON-LD of a page, as a browser reads it: the nodes of its `application/ld+json`
 * scripts (the ClaimReviews in the head, the NewsArticle in the source list), the NewsArticle first.
 */
function jsonLd(path: string) {
  const scripts = byTag(page(path), 'script').filter((script) => attribute(script, 'type') === 'application/ld+json');
  expect(scripts.length).toBeGreaterThan(0);
  const graph = scripts.flatMap((script) => {
    const text = textOf(script);
    // No `<` at all: `</script` would end the element and `<!--` changes how the parser looks for the end.
    expect(text).not.toContain('<');
    const data = JSON.parse(text);
    expect(data['@context']).toBe('https://schema.org');
    return data['@graph'] as any[];
  });
  return {
    '@graph': [
      ...graph.filter((node) => node['@type'] === 'NewsArticle'),
      ...graph.filter((node) => node['@type'] !== 'NewsArticle'),
    ],
  };
}

beforeAll(() => {
  outDir = join(buildDir('hostile-'), 'site');
  // `npm run build`'s own script: the check, astro build and Pagefind.
  const built = runBuildCommand(writeContent(HOSTILE_ARTICLES, HOSTILE_REGISTRIES), outDir);
  buildOutput = built.output;
  if (built.status !== 0) throw new Error(`The hostile fixture site did not build:\n${built.output}`);
  for (const file of listFiles(outDir).filter((name) => name.endsWith('.html'))) pages.set(file, parsePage(read(file)));
});

describe('hostile text in every field', () => {
  test('the build publishes exactly the expected pages', () => {
    expect([...pages.keys()]).toEqual(PAGES);
  });

  test('the article page shows every field exactly as written, in the title, the meta tags and the text', () => {
    const document = page('articles/hostile-fields/index.html');
    expect(byTag(document, 'h1').map(textOf)).toEqual([HOSTILE.title]);
    expect(byTag(document, 'title').map(textOf)).toEqual([`${HOSTILE.title} | Sourced`]);
    expect(metaContents(document, 'description')).toEqual([HOSTILE.description]);
    expect(metaContents(document, 'og:title')).toEqual([HOSTILE.title]);
    expect(metaContents(document, 'og:description')).toEqual([HOSTILE.description]);
    // X reads og:title and og:description: no twitter: copies of them.
    expect(metaContents(document, 'twitter:title')).toEqual([]);
    expect(metaContents(document, 'twitter:description')).toEqual([]);
    expect(metaContents(document, 'article:author')).toEqual([HOSTILE.author, HOSTILE.secondAuthor]);

    const text = textOf(byTag(document, 'body')[0]!);
    for (const [field, value] of Object.entries({ ...HOSTILE, ...BODY_TEXT })) {
      if (field === 'rtlDescription') continue;
      expect([field, text.includes(value)]).toEqual([field, true]);
    }
    const links = byTag(document, 'a');
    const linkTo = (href: string) =>
      links.filter((link) => attribute(link, 'href') === href).map((link) => textOf(link).trim());
    expect(linkTo(URLS.first)).toEqual([HOSTILE.sourceTitle]);
    expect(linkTo(URLS.second)).toEqual([HOSTILE.secondSourceTitle]);
    expect(linkTo(URLS.arabic)).toEqual([HOSTILE.rtlTitle]);
    expect(linkTo(`https://web.archive.org/web/2025/${URLS.first}`)).toEqual(['Archived copy']);
    const arabicQuotes = byTag(document, 'blockquote').filter((quote) => attribute(quote, 'lang') === 'ar');
    expect(arabicQuotes.map((quote) => textOf(quote).trim())).toEqual([HOSTILE.arabicQuote]);
  });

  test('the right-to-left article shows its title, description, author, publisher and quote exactly as written', () => {
    const document = page('articles/middle-east/rtl-title/index.html');
    expect(byTag(document, 'h1').map(textOf)).toEqual([HOSTILE.rtlTitle]);
    expect(metaContents(document, 'description')).toEqual([HOSTILE.rtlDescription]);
    const text = textOf(byTag(document, 'body')[0]!);
    for (const value of [
      HOSTILE.rtlDescription,
      HOSTILE.author,
      HOSTILE.secondPublisher,
      HOSTILE.arabicQuote,
      BODY_TEXT.second,
    ]) {
      expect([value, text.includes(value)]).toEqual([value, true]);
    }
  });

  test('listing, topic, source and correction pages show titles, descriptions, publishers and corrections exactly as written', () => {
    const shown = (path: string) => textOf(byTag(page(path), 'body')[0]!);
    const expectShown = (path: string, values: string[]) => {
      for (const value of values) expect([path, value, shown(path).includes(value)]).toEqual([path, value, true]);
    };
    expectShown('index.html', [HOSTILE.title, HOSTILE.description, HOSTILE.rtlTitle, HOSTILE.rtlDescription]);
    expectShown('topics/turkiye/index.html', [
      HOSTILE.title,
      HOSTILE.description,
      HOSTILE.rtlTitle,
      HOSTILE.rtlDescription,
    ]);
    expectShown('topics/diplomacy/index.html', [HOSTILE.title, HOSTILE.description]);
    expectShown('sources/index.html', [HOSTILE.publisher, HOSTILE.secondPublisher]);
    expectShown(`sources/${publisherSlug(HOSTILE.publisher)}/index.html`, [
      HOSTILE.publisher,
      HOSTILE.title,
      HOSTILE.description,
    ]);
    expectShown(`sources/${publisherSlug(HOSTILE.secondPublisher)}/index.html`, [
      HOSTILE.secondPublisher,
      HOSTILE.title,
      HOSTILE.rtlTitle,
    ]);
    expectShown('corrections/index.html', [HOSTILE.correction, HOSTILE.title]);
  });

  test('no content becomes an element, an attribute, a comment or a script on any page', () => {
    // The hostile text is there, as text: otherwise the checks below would prove nothing.
    expect(textOf(page('articles/hostile-fields/index.html'))).toContain(
      '<x-injected data-injected="1" onclick="alert(1)">',
    );
    for (const [file, document] of pages) {
      const elements = elementsOf(document);
      // The site's own markup never writes a bare <b>; the hostile text does.
      const bare = (element: (typeof elements)[number]) => element.attrs.length === 0;
      const injected = elements.filter(
        (element) =>
          ['x-injected', 'img', 'iframe'].includes(element.tagName) || (element.tagName === 'b' && bare(element)),
      );
      expect([file, injected.map((element) => element.tagName)]).toEqual([file, []]);
      const attributes = elements.flatMap((element) =>
        element.attrs.map((attr) => ({ tag: element.tagName, ...attr })),
      );
      expect([
        file,
        attributes.filter(({ name }) => name.startsWith('on') || name === 'data-injected' || name === 'style'),
      ]).toEqual([file, []]);
      expect([file, attributes.filter(({ name, value }) => URL_ATTRIBUTES.has(name) && isScriptingUrl(value))]).toEqual(
        [file, []],
      );
      expect([file, commentsOf(document)]).toEqual([file, []]);
      const scripts = byTag(document, 'script').map((script) =>
        script.attrs.map(({ name, value }) => `${name}=${value}`).join(' '),
      );
      const expected =
        file === 'search/index.html'
          ? [expect.stringMatching(/^type=module src=\/_astro\/[\w.-]+\.js$/)]
          : file.endsWith('/card/index.html')
            ? []
            : file.startsWith('articles/')
              ? // The ClaimReviews in the head (the hostile article has a claim), the NewsArticle in the source list; a claim page's ClaimReview.
                Array(file === 'articles/hostile-fields/index.html' ? 2 : 1).fill('type=application/ld+json')
              : [];
      expect([file, scripts]).toEqual([file, expected]);
    }
  });

  test('the JSON-LD holds every field exactly as written', () => {
    const [article, review, ...rest] = jsonLd('articles/hostile-fields/index.html')['@graph'];
    expect(rest).toEqual([]);
    expect(article).toMatchObject({
      '@type': 'NewsArticle',
      headline: HOSTILE.title,
      author: [
        { '@type': 'Person', name: HOSTILE.author, url: `${HOME}authors/hostile-author/` },
        { '@type': 'Organization', name: HOSTILE.secondAuthor, url: `${HOME}authors/second-author/` },
      ],
      correction: [
        {
          '@type': 'CorrectionComment',
          url: 'https://example.org/articles/hostile-fields/#corrections-heading',
          datePublished: '2025-05-22',
        },
      ],
    });
    // No citation list: the sources' addresses are links on the page and in the article's JSON.
    expect(article.citation).toBeUndefined();
    expect(review).toMatchObject({
      '@type': 'ClaimReview',
      claimReviewed: HOSTILE.statement,
      itemReviewed: { author: { name: HOSTILE.claimant } },
      reviewRating: { ratingExplanation: HOSTILE.note },
    });
    const [rtl] = jsonLd('articles/middle-east/rtl-title/index.html')['@graph'];
    expect(rtl).toMatchObject({ headline: HOSTILE.rtlTitle, author: [{ name: HOSTILE.author }] });
    // The description is the page's meta description, not repeated in the JSON-LD.
    expect(article).not.toHaveProperty('description');
  });

  test('the RSS feed is well-formed and gives titles as written and descriptions as HTML that shows the text as written', async () => {
    const xml = read('rss.xml');
    expect(wellFormedXml(xml)).toBe(true);
    const feed = await new Parser().parseString(xml);
    expect(feed.items.map((item) => [item.title, item.link, item.categories])).toEqual([
      [HOSTILE.title, `${HOME}articles/hostile-fields/`, ['diplomacy', 'turkiye']],
      [HOSTILE.rtlTitle, `${HOME}articles/middle-east/rtl-title/`, ['turkiye']],
    ]);
    // RSS 2.0 readers render <description> as HTML, so the description must be escaped as HTML
    // inside the XML: read as HTML, it must give back the text exactly, with no element or comment.
    const descriptions = feed.items.map((item) => parseHtmlFragment(item.content ?? ''));
    expect(
      descriptions.map((fragment) => [textOf(fragment), elementsOf(fragment).length, commentsOf(fragment).length]),
    ).toEqual([
      [HOSTILE.description, 0, 0],
      [HOSTILE.rtlDescription, 0, 0],
    ]);
  });

  test('each article JSON file holds every field exactly as written', () => {
    expect(json('articles/hostile-fields.json')).toMatchObject({
      slug: 'hostile-fields',
      title: HOSTILE.title,
      description: HOSTILE.description,
      authors: ['hostile-author', 'second-author'],
      topics: ['diplomacy', 'turkiye'],
      sources: [
        {
          id: 'first-source',
          publisher: HOSTILE.publisher,
          title: HOSTILE.sourceTitle,
          url: URLS.first,
          archive: `https://web.archive.org/web/2025/${URLS.first}`,
          quote: HOSTILE.quote,
        },
        { id: 'second-source', publisher: HOSTILE.secondPublisher, title: HOSTILE.secondSourceTitle, url: URLS.second },
        {
          id: 'arabic-source',
          publisher: HOSTILE.publisher,
          title: HOSTILE.rtlTitle,
          url: URLS.arabic,
          quote: HOSTILE.arabicQuote,
          lang: 'ar',
        },
      ],
      claims: [
        { id: 'hostile-claim', statement: HOSTILE.statement, claimant: HOSTILE.claimant, note: HOSTILE.note },
        { id: 'second-claim', statement: HOSTILE.secondStatement },
      ],
      timeline: [{ date: '2025-05-16', text: HOSTILE.timeline, sources: ['first-source'] }],
      corrections: [{ date: '2025-05-22', text: HOSTILE.correction }],
    });
    expect(json('articles/middle-east/rtl-title.json')).toMatchObject({
      title: HOSTILE.rtlTitle,
      description: HOSTILE.rtlDescription,
      authors: ['hostile-author'],
      sources: [{ publisher: HOSTILE.secondPublisher, title: HOSTILE.rtlTitle, quote: HOSTILE.arabicQuote }],
    });
  });

  test('the site-wide claims and sources NDJSON hold every field exactly as written', () => {
    const claims = bulk('claims');
    expect(
      claims.map((claim: Record<string, unknown> & { article: { title: string } }) => [
        claim.statement,
        claim.claimant,
        claim.note,
        claim.article.title,
      ]),
    ).toEqual([
      [HOSTILE.statement, HOSTILE.claimant, HOSTILE.note, HOSTILE.title],
      [HOSTILE.secondStatement, undefined, undefined, HOSTILE.title],
    ]);
    const sources = bulk('sources');
    expect(
      sources.map((source: Record<string, unknown> & { article: { title: string } }) => [
        source.publisher,
        source.title,
        source.url,
        source.quote,
        source.article.title,
      ]),
    ).toEqual([
      [HOSTILE.publisher, HOSTILE.sourceTitle, URLS.first, HOSTILE.quote, HOSTILE.title],
      [HOSTILE.secondPublisher, HOSTILE.secondSourceTitle, URLS.second, undefined, HOSTILE.title],
      [HOSTILE.publisher, HOSTILE.rtlTitle, URLS.arabic, HOSTILE.arabicQuote, HOSTILE.title],
      [HOSTILE.secondPublisher, HOSTILE.rtlTitle, URLS.arabic, HOSTILE.arabicQuote, HOSTILE.rtlTitle],
    ]);
  });

  test('the search index holds each page title exactly as written', () => {
    expect(
      searchFragments()
        .map((fragment) => [fragment.url, fragment.meta.title])
        .sort(),
    ).toEqual([
      ['/articles/hostile-fields/', HOSTILE.title],
      ['/articles/middle-east/rtl-title/', HOSTILE.rtlTitle],
    ]);
  });
});

describe('valid output', () => {
  test('every page passes the Nu HTML Checker with no error', () => {
    // A page known to be invalid goes through the same run, to prove that the checker reports errors.
    const control = join(mkdtempSync(join(tmpdir(), 'sourced-vnu-')), 'invalid.html');
    writeFileSync(
      control,
      '<!DOCTYPE html><html lang="en"><head><title>x</title></head><body><p><div>x</div></p></body></html>',
    );
    const files = [...pages.keys()].map((file) => join(outDir, file));
    const result = spawnSync('java', ['-jar', VNU, '--errors-only', '--format', 'json', control, ...files], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const report: {
      messages: {
        type: string;
        url?: string;
        lastLine?: number;
        firstColumn?: number;
        message: string;
        extract?: string;
      }[];
    } = JSON.parse(result.stderr.trim() || result.stdout);
    const where = (url = '') => relative(outDir, decodeURIComponent(new URL(url).pathname));
    const problems = report.messages.map((message) => ({
      file: message.url ? decodeURIComponent(new URL(message.url).pathname) : '',
      text: `${where(message.url)}:${message.lastLine}:${message.firstColumn}  ${message.type}  ${message.message}  ${JSON.stringify(message.extract ?? '')}`,
    }));
    expect(problems.filter(({ file }) => file === control).length).toBeGreaterThan(0);
    expect(problems.filter(({ file }) => file !== control).map(({ text }) => text)).toEqual([]);
  });

  test('the sitemap is well-formed XML and lists every public page and nothing else', () => {
    for (const file of ['sitemap-index.xml', 'sitemap-0.xml'])
      expect([file, wellFormedXml(read(file))]).toEqual([file, true]);
    const urls = new XMLParser({ isArray: (name) => name === 'url' })
      .parse(read('sitemap-0.xml'))
      .urlset.url.map((url: { loc: string }) => url.loc);
    expect(urls).toEqual(
      PAGES.filter((file) => file !== '404.html' && file !== 'search/index.html' && !file.endsWith('/card/index.html'))
        .map((file) => `${HOME}${file.replace(/index\.html$/, '')}`)
        .sort(),
    );
  });
});

describe('a draft', () => {
  test('leaves no trace in any output file: pages, feed, sitemap, JSON data, search index (decompressed)', () => {
    const files = listFiles(outDir);
    // The search index is compressed: the published pages' text must be readable in it, or a leak would go unseen.
    const searchText = files
      .filter((file) => file.startsWith('pagefind/'))
      .map((file) => contentOf(file).toString('utf8'))
      .join('\n');
    expect(searchText).toContain(JSON.stringify(HOSTILE.title).slice(1, -1));
    for (const file of files) {
      const text = contentOf(file).toString('utf8');
      expect([file, text.includes(DRAFT_MARKER), text.includes(DRAFT_UNICODE_MARKER)]).toEqual([file, false, false]);
    }
  });

  test('has no page, topic page, source entry or search entry, and Pagefind indexes only the published articles', () => {
    expect(listFiles(outDir).filter((file) => file.includes(DRAFT_MARKER))).toEqual([]);
    expect(
      searchFragments()
        .map((fragment) => fragment.url)
        .sort(),
    ).toEqual(PUBLISHED_SLUGS.map((slug) => `/articles/${slug}/`).sort());
    expect(json('pagefind/pagefind-entry.json').languages.en.page_count).toBe(PUBLISHED_SLUGS.length);
    expect(buildOutput).toContain(`Search index: ${PUBLISHED_SLUGS.length} pages in 1 bundle`);
    expect(json('pagefind/shards.json').bundles).toEqual(['pagefind/']);
    expect(bulk('claims')).toHaveLength(2);
    expect(bulk('sources')).toHaveLength(4);
    expect(json('data/index.json')).toMatchObject({ articles: 2, claims: 2, sources: 4 });
  });
});

describe('text that HTML and XML forbid', () => {
  // C1 controls and noncharacters are "forbidden code points" in HTML, U+FFFE and U+FFFF are not XML
  // characters at all, and no escape can carry them (HTML reads &#x85; as "…"): the check must refuse them.
  const FORBIDDEN = ['\\u0080', '\\u0085', '\\u009F', '\\uFDD0', '\\uFFFE', '\\uFFFF', '\\U0001FFFE'];

  test('the XML character test used above refuses them, and accepts every other character of the fixture', () => {
    expect(onlyXmlCharacters(Object.values(HOSTILE).join(' '))).toBe(true);
    expect(onlyXmlCharacters('a\uFFFEb')).toBe(false);
    expect(onlyXmlCharacters('a\u0001b')).toBe(false);
  });

  test('npm run check refuses a title with a C1 control or a noncharacter, naming the file, line and field', () => {
    const dir = writeArticles(
      Object.fromEntries(
        FORBIDDEN.map((escape, index) => [
          `forbidden-${index}.md`,
          article(VALID_FRONTMATTER.replace('title: Talks in Istanbul', `title: "Talks ${escape} in Istanbul"`)),
        ]),
      ),
    );
    const result = spawnSync(process.execPath, [join(ROOT, 'src/cli/check.ts'), dir], { cwd: ROOT, encoding: 'utf8' });
    const refused = FORBIDDEN.map((escape, index) => {
      const file = relative(ROOT, join(dir, `forbidden-${index}.md`));
      const lines = result.stdout.split('\n');
      return [
        escape,
        lines.some((line) => line.startsWith(`${file}:2:1  error  `) && line.includes(' Field "title" ')),
      ];
    });
    expect(refused).toEqual(FORBIDDEN.map((escape) => [escape, true]));
    expect(result.status).toBe(1);
  });
});
