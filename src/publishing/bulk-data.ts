import { once } from 'node:events';
import { createWriteStream, existsSync, readdirSync, type WriteStream } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { dateValue } from '../format/index.ts';
import { ARTICLE_SCHEMA_PATH, articleDataPath } from '../site/addresses.ts';
import { dataFileText } from './data-file.ts';
import type { ArticleRecord, ArticleRef } from './open-data.ts';

/**
 * Largest size of one bulk file. Hosts cap file sizes (GitHub Pages warns above 50 MB, Cloudflare
 * Pages refuses files above 25 MiB), so the claims and the sources are split into parts this size.
 */
export const PART_BYTES = 20 * 1024 * 1024;

/** One part of a bulk file, as `/data/index.json` lists it. */
export interface BulkPart {
  url: string;
  /** Lines, one record each. */
  records: number;
  bytes: number;
}

/** `/data/index.json`: what the open data holds and where. */
export interface OpenDataIndex {
  site: string;
  articles: number;
  claims: number;
  sources: number;
  /** The parts of each bulk file, in order; their concatenation is the whole list, newest article first. */
  files: { claims: BulkPart[]; sources: BulkPart[] };
  /** Where each article's own JSON file is: `{slug}` stands for the article's slug. */
  article: string;
  /** JSON Schema of the article frontmatter. */
  schema: string;
}

/** Writes NDJSON parts `data/<name>-0001.ndjson`, ... as a stream, starting a new part before one would pass `limit` bytes. */
class PartWriter {
  readonly parts: BulkPart[] = [];
  private stream: WriteStream | undefined;
  private readonly outDir: string;
  private readonly siteRoot: string;
  private readonly name: string;
  private readonly limit: number;

  constructor(outDir: string, siteRoot: string, name: string, limit: number) {
    this.outDir = outDir;
    this.siteRoot = siteRoot;
    this.name = name;
    this.limit = limit;
  }

  async write(lines: readonly string[]): Promise<void> {
    for (const line of lines) {
      const bytes = Buffer.byteLength(line) + 1;
      let part = this.parts.at(-1);
      if (!this.stream || !part || (part.records > 0 && part.bytes + bytes > this.limit)) {
        await this.end();
        const path = `data/${this.name}-${String(this.parts.length + 1).padStart(4, '0')}.ndjson`;
        this.stream = createWriteStream(join(this.outDir, path));
        part = { url: new URL(path, this.siteRoot).href, records: 0, bytes: 0 };
        this.parts.push(part);
      }
      part.records++;
      part.bytes += bytes;
      if (!this.stream.write(`${line}\n`)) await once(this.stream, 'drain');
    }
  }

  async end(): Promise<void> {
    const stream = this.stream;
    this.stream = undefined;
    if (stream)
      await new Promise<void>((done, fail) => stream.end((error?: Error | null) => (error ? fail(error) : done())));
  }
}

/**
 * Every article JSON file under `<outDir>/articles/`, as slugs. An article's history data,
 * `articles/<slug>/history.json` beside `articles/<slug>.json`, is not an article file.
 */
export function articleSlugs(outDir: string): string[] {
  const root = join(outDir, 'articles');
  if (!existsSync(root)) return [];
  const slugs = readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
    .map((entry) =>
      relative(root, join(entry.parentPath, entry.name))
        .split(sep)
        .join('/')
        .replace(/\.json$/, ''),
    );
  const all = new Set(slugs);
  return slugs.filter((slug) => !(slug.endsWith('/history') && all.has(slug.slice(0, -'/history'.length))));
}

/** The article's own `published` field in its JSON file as dataFileText writes it. */
const PUBLISHED = /^ {2}"published": "([^"\\]*)",?$/m;

/** The NDJSON lines of one article: its claims and its sources, each with a reference to the article. */
export function bulkLines(record: ArticleRecord, data: string): { claims: string[]; sources: string[] } {
  const article: ArticleRef = {
    slug: record.slug,
    title: record.title,
    published: record.published,
    url: record.url,
    data,
  };
  return {
    claims: record.claims.map((claim) => JSON.stringify({ ...claim, article })),
    sources: record.sources.map((source) => JSON.stringify({ ...source, article })),
  };
}

/** The line that says what the bulk files hold. */
export const bulkDataSummary = (index: OpenDataIndex) =>
  `${index.claims} claims in ${index.files.claims.length} and ${index.sources} sources in ${index.files.sources.length} bulk files`;

/**
 * Writes `/data/claims-NNNN.ndjson`, `/data/sources-NNNN.ndjson` and `/data/index.json` from the
 * built articles' own JSON files (`/articles/<slug>.json`), newest article first. Files are read
 * one at a time and the lines streamed out, so memory does not grow with the archive, and no part
 * passes `partBytes`. `siteRoot` is the absolute address of the site's home page.
 */
export async function writeBulkData(outDir: string, siteRoot: string, partBytes = PART_BYTES): Promise<OpenDataIndex> {
  const text = (slug: string) => readFile(join(outDir, articleDataPath(slug)), 'utf8');
  const read = async (slug: string) => JSON.parse(await text(slug)) as ArticleRecord;
  // First only the dates, for the order; then each article again, for its lines. The date is read
  // without parsing the whole file: dataFileText indents the record's own fields by two spaces and
  // every nested field deeper, so the first line `  "published": "..."` is the article's.
  const order: { slug: string; published: number }[] = [];
  for (const slug of articleSlugs(outDir)) {
    const data = await text(slug);
    const published = PUBLISHED.exec(data)?.[1] ?? (JSON.parse(data) as ArticleRecord).published;
    order.push({ slug, published: dateValue(published) });
  }
  order.sort((a, b) => b.published - a.published || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  const claims = new PartWriter(outDir, siteRoot, 'claims', partBytes);
  const sources = new PartWriter(outDir, siteRoot, 'sources', partBytes);
  try {
    for (const { slug } of order) {
      const lines = bulkLines(await read(slug), new URL(articleDataPath(slug), siteRoot).href);
      await claims.write(lines.claims);
      await sources.write(lines.sources);
    }
  } finally {
    await claims.end();
    await sources.end();
  }
  const count = (parts: BulkPart[]) => parts.reduce((sum, part) => sum + part.records, 0);
  const index: OpenDataIndex = {
    site: siteRoot,
    articles: order.length,
    claims: count(claims.parts),
    sources: count(sources.parts),
    files: { claims: claims.parts, sources: sources.parts },
    // A template: the braces stay as they are, where a URL would escape them.
    article: `${new URL(siteRoot).href}${articleDataPath('{slug}')}`,
    schema: new URL(ARTICLE_SCHEMA_PATH, siteRoot).href,
  };
  await writeFile(join(outDir, 'data/index.json'), dataFileText(index));
  return index;
}
