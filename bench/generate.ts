import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLAIM_STATUSES } from '../src/format/claim.ts';

/**
 * Synthetic explainers for the benchmark, shaped like the first explainer
 * (content/articles/zelensky-invites-putin-to-turkiye.md): a description paragraph, topics, 8 to 40
 * sources, 5 to 15 claims, a timeline, and a body of about 1,000 words under `##` headings with 10 to
 * 30 citations. Every article is valid and draws no warning, so `npm run check` passes the folder.
 * The same seed always gives the same files.
 */

/** A seeded pseudo-random generator (mulberry32): `next()` is uniform in [0, 1). */
export class Random {
  #state: number;
  constructor(seed: number) {
    this.#state = seed >>> 0;
  }
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** An integer from `min` to `max`, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  chance(probability: number): boolean {
    return this.next() < probability;
  }
}

const WORDS = (
  'the government said talks would resume after weeks of pressure from allies officials confirmed that ' +
  'delegations met in the capital on monday while analysts warned the ceasefire remained fragile ministers ' +
  'described progress as limited but the statement called for further meetings within days reporters saw ' +
  'convoys leave the border region and the agency published figures on prisoners exchanged sanctions on ' +
  'energy and banking sectors were discussed by negotiators from both sides the president told parliament ' +
  'that no agreement had been reached the spokesman denied the report and diplomats said a second round was ' +
  'planned the summit ended without a joint declaration observers noted that the proposal echoed earlier drafts'
).split(' ');
const PUBLISHERS = [
  'BBC News',
  'Reuters',
  'Associated Press',
  'Agence France-Presse',
  'The Kyiv Independent',
  'TASS',
  'Ukrainska Pravda',
  'The Moscow Times',
  'Hürriyet Daily News',
  'Daily Sabah',
  'Deutsche Welle',
  'Le Monde',
  'The Guardian',
  'Financial Times',
  'Office of the President of Ukraine',
  'Kremlin press service',
  'US Department of State',
  'Radio Free Europe/Radio Liberty',
  'Interfax-Ukraine',
  'Anadolu Agency',
];
const KINDS = ['news', 'news', 'news', 'official', 'primary', 'analysis', 'reference', 'other'] as const;
const TOPICS = [
  'russia-ukraine-war',
  'diplomacy',
  'ceasefire',
  'fact-check',
  'sanctions',
  'energy',
  'elections',
  'migration',
  'economy',
  'climate',
];
const HEADINGS = [
  'In brief',
  'Background',
  'What was proposed',
  'How each side answered',
  'What happened next',
  'The conditions',
  'Earlier talks',
  'What the figures show',
  'Checking the claims',
];

const sentence = (random: Random, min = 12, max = 24): string => {
  const words = Array.from({ length: random.int(min, max) }, () => random.pick(WORDS));
  const text = words.join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}`;
};

/** A YAML string that parses back to itself (single-quoted, quotes doubled). */
const quoted = (text: string): string => `'${text.replaceAll("'", "''")}'`;

const date = (year: number, month: number, day: number): string =>
  `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** What the synthetic explainers are like besides their seed. */
export interface GenerateOptions {
  /**
   * Give every claim a claimant, so that every claim has a page of its own (and a share image);
   * the rest of each article is the same as without it.
   */
  claimants?: boolean;
}

/** The text of synthetic article number `index` (0-based), from its own seed. */
export function generateArticle(seed: number, index: number, { claimants = false }: GenerateOptions = {}): string {
  const random = new Random(seed * 100_003 + index * 7919 + 1);
  const sourceCount = random.int(8, 40);
  const claimCount = random.int(5, 15);
  const citationCount = Math.max(random.int(10, 30), claimCount);
  // Every date stays in the past (the checker warns about dates still to come): at the latest 2025.
  const year = 2018 + (index % 6);
  const sources = Array.from({ length: sourceCount }, (_, i) => {
    const publisher = PUBLISHERS[(i + index) % PUBLISHERS.length]!;
    return { id: `source-${i + 1}-${random.pick(WORDS)}`, publisher, month: random.int(1, 11), day: random.int(1, 28) };
  });
  const claims = Array.from({ length: claimCount }, (_, i) => ({
    id: `claim-${i + 1}`,
    status: random.pick(CLAIM_STATUSES),
  }));

  const lines: string[] = ['---'];
  lines.push(`title: ${quoted(`Explainer ${index + 1}: ${sentence(random, 6, 10)}`)}`);
  lines.push('description: >-');
  for (let i = 0; i < 3; i++) lines.push(`  ${sentence(random, 14, 20)}.`);
  // Not drawn from the random stream, so that every other field stays as it was before conclusions.
  if (claims.length > 0)
    lines.push(`conclusion: Explainer ${index + 1} rates ${claims.length} claims against the evidence.`);
  const published = date(year + 1, random.int(1, 12), random.int(1, 28));
  const updated = random.chance(0.3) ? date(year + 2, random.int(1, 12), random.int(1, 28)) : undefined;
  lines.push(`published: ${published}`);
  if (updated) lines.push(`updated: ${updated}`);
  lines.push('authors:', '  - sourced-newsroom');
  if (random.chance(0.4)) lines.push(`  - reporter-${random.int(1, 40)}`);
  lines.push('topics:');
  const firstTopic = random.int(0, TOPICS.length - 1);
  for (let i = 0; i < random.int(1, 4); i++) lines.push(`  - ${TOPICS[(firstTopic + i) % TOPICS.length]}`);
  lines.push('draft: false', '', 'sources:');
  sources.forEach((source, i) => {
    lines.push(`  - id: ${source.id}`);
    lines.push(`    kind: ${KINDS[i % KINDS.length]}`);
    lines.push(`    publisher: ${quoted(source.publisher)}`);
    lines.push(`    title: ${quoted(sentence(random, 6, 12))}`);
    lines.push(`    url: https://news${(i % 9) + 1}.example.org/${year}/${source.id}-${index + 1}`);
    lines.push(`    accessed: ${date(year + 1, 12, 1)}`);
    if (random.chance(0.8)) lines.push(`    published: ${quoted(date(year, source.month, source.day))}`);
    if (random.chance(0.2))
      lines.push(`    archive: https://web.archive.org/web/${year}0101000000/https://news.example.org/${source.id}`);
    if (random.chance(0.85)) lines.push(`    quote: ${quoted(`${sentence(random, 15, 35)}.`)}`);
    if (random.chance(0.05)) lines.push('    lang: uk');
    if (random.chance(0.1)) lines.push('    party: true');
  });
  // Citations: every claim once, every source at least once when there is room, the rest at random.
  const cites: string[] = claims.map((claim) => claim.id);
  for (const source of sources) if (cites.length < citationCount) cites.push(source.id);
  while (cites.length < citationCount) cites.push(random.pick(sources).id);
  for (let i = cites.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [cites[i], cites[j]] = [cites[j]!, cites[i]!];
  }
  // Sources used nowhere else go to the timeline, so no source draws an "unused-source" warning.
  const used = new Set(cites);
  lines.push('', 'claims:');
  claims.forEach((claim, i) => {
    lines.push(`  - id: ${claim.id}`);
    lines.push(`    statement: ${quoted(`${sentence(random, 10, 20)}.`)}`);
    lines.push(`    status: ${quoted(claim.status)}`);
    // With `claimants`, a claim the seed leaves without one gets one that takes nothing from the seed.
    if (random.chance(0.7)) lines.push(`    claimant: ${quoted(random.pick(PUBLISHERS))}`);
    else if (claimants) lines.push(`    claimant: ${quoted(PUBLISHERS[(index + i) % PUBLISHERS.length]!)}`);
    lines.push('    sources:');
    // Two neighbouring sources have different publishers, so no article rests on one publisher.
    const count = random.int(2, 5);
    for (let j = 0; j < count; j++) {
      const id = sources[(i * 3 + j) % sourceCount]!.id;
      used.add(id);
      lines.push(`      - ${id}`);
    }
    if (random.chance(0.6)) {
      lines.push('    note: >-');
      lines.push(`      ${sentence(random, 15, 25)}.`, `      ${sentence(random, 10, 20)}.`);
    }
  });
  lines.push('', 'timeline:');
  const unused = sources.filter((source) => !used.has(source.id)).map((source) => source.id);
  const events = random.int(4, 10);
  for (let i = 0; i < events; i++) {
    lines.push(`  - date: ${quoted(date(year, Math.min(12, 1 + i), random.int(1, 28)))}`);
    lines.push(`    text: ${quoted(`${sentence(random, 12, 30)}.`)}`);
    lines.push('    sources:');
    const ids = new Set(unused.filter((_, j) => j % events === i));
    for (let j = random.int(1, 3); j > 0; j--) ids.add(random.pick(sources).id);
    for (const id of ids) lines.push(`      - ${id}`);
  }
  if (random.chance(0.15)) {
    // Dated on the last update (a correction is an update), or on the day of publication.
    lines.push(
      '',
      'corrections:',
      `  - date: ${quoted(updated ?? published)}`,
      `    text: ${quoted(`${sentence(random)}.`)}`,
    );
  }
  lines.push('---', '');

  const paragraphs: string[][] = [];
  const target = 1000;
  let words = 0;
  let cited = 0;
  while (words < target || cited < cites.length) {
    const sentences: string[] = [];
    for (let s = random.int(2, 5); s > 0; s--) {
      let text = `${sentence(random)}.`;
      if (random.chance(0.08)) text = text.replace(/ (\w+) (\w+)/, ' **$1 $2**');
      else if (random.chance(0.08)) text = text.replace(/ (\w+)/, ' _$1_');
      else if (random.chance(0.05))
        text = text.replace(/ (\w+ \w+)/, ` [$1](https://example.org/reports/${index + 1})`);
      words += text.split(' ').length;
      const remainingSentences = Math.max(1, Math.ceil((target - words) / 18));
      const due = cites.length - cited;
      if (cited < cites.length && (words >= target || random.chance(Math.min(1, due / remainingSentences)))) {
        const second = random.chance(0.15) && cited + 1 < cites.length;
        const ids = second ? [cites[cited]!, cites[cited + 1]!] : [cites[cited]!];
        cited += ids.length;
        text += ` [@${ids.join('; @')}]`;
      }
      sentences.push(text);
    }
    paragraphs.push(sentences);
  }
  const headingEvery = Math.max(2, Math.ceil(paragraphs.length / 6));
  const body: string[] = [];
  paragraphs.forEach((paragraph, i) => {
    if (i % headingEvery === 0) body.push(`## ${HEADINGS[(i / headingEvery) % HEADINGS.length]}`, '');
    if (i === paragraphs.length - 1 && random.chance(0.5)) {
      body.push(...paragraph.map((item) => `- ${item}`), '');
    } else {
      body.push(paragraph.join(' '), '');
    }
  });
  return `${lines.join('\n')}\n${body.join('\n')}`;
}

/** Slug of synthetic article number `index`. */
export const syntheticSlug = (index: number): string => `explainer-${String(index + 1).padStart(5, '0')}`;

/**
 * Writes `count` articles into `dir`: the first explainer, copied from `firstExplainer`, then
 * `count - 1` synthetic ones. Returns the slugs, in order.
 */
export function generateArticles(
  dir: string,
  count: number,
  seed: number,
  firstExplainer: string,
  options: GenerateOptions = {},
): string[] {
  mkdirSync(dir, { recursive: true });
  const slugs: string[] = [];
  const first = firstExplainer.split('/').pop()!.replace(/\.md$/, '');
  copyFileSync(firstExplainer, join(dir, `${first}.md`));
  slugs.push(first);
  for (let index = 0; index < count - 1; index++) {
    const slug = syntheticSlug(index);
    writeFileSync(join(dir, `${slug}.md`), generateArticle(seed, index, options));
    slugs.push(slug);
  }
  return slugs;
}
