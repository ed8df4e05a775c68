import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { article, VALID_BODY, VALID_FRONTMATTER } from '../helpers/articles.ts';
import { fixtureRepo, gitIn } from '../helpers/git-repo.ts';
import { buildDir, runBuildCommand } from '../helpers/site.ts';

/** Words that belong to the newsroom's workshop, each hidden in one place a build could leak it from. */
const CANARIES = {
  htmlComment: 'canary-html-comment-7f3a',
  yamlComment: 'canary-yaml-comment-91bc',
  commitMessage: 'canary-commit-message-5d20',
  authorName: 'Canary Author 4e8b',
  authorEmail: 'canary-4e8b@newsroom.example',
};

const commented = (frontmatter: string) =>
  frontmatter.replace('sources:\n', `# ${CANARIES.yamlComment}: legal wants the second source checked\nsources:\n`);
const body = (text: string) =>
  `${text}\n<!-- INTERNAL ${CANARIES.htmlComment}: check with legal -->\n\nA closing line, <!-- ${CANARIES.htmlComment} --> still public. [@reuters-talks]\n`;
/** The third revision quotes the checked words from where the claim appeared: a BBC report. */
const quoted = (frontmatter: string) =>
  frontmatter
    .replace(
      'claims:\n',
      `  - id: bbc-report\n    kind: news\n    publisher: BBC News\n    title: 'Leaders call for a "full" ceasefire'\n    url: https://www.bbc.com/news/report\n    accessed: 2025-05-25\nclaims:\n`,
    )
    .replace(
      '    status: confirmed\n',
      `    status: confirmed\n    appearances: [bbc-report]\n    wording: 'a full & unconditional ceasefire for at least 30 days'\n`,
    );
const CORRECTION = `corrections:
  - date: 2025-05-25
    text: An earlier version gave no length for the ceasefire; it was 30 days, as the claim [@ceasefire-demand] says.
`;

/** Every file of a folder, as text (gzip-compressed files, such as the search index's, unpacked). */
function textsOf(dir: string): Map<string, string> {
  const texts = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const bytes = readFileSync(path);
    const raw = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
    texts.set(path.slice(dir.length + 1), raw.toString('utf8'));
  }
  return texts;
}

describe('a site built from a repository whose article carries internal notes', () => {
  let outDir: string;
  let commits: string[];
  /** What git and the article file hold, where every canary is. */
  let workshop: string;

  beforeAll(() => {
    const step = { author: CANARIES.authorName, email: CANARIES.authorEmail };
    const { repo, articles } = fixtureRepo([
      {
        ...step,
        date: '2025-05-20T10:00:00Z',
        message: `Publish; ${CANARIES.commitMessage} per legal: downgrade the claim, the source is shaky`,
        files: { 'talks.md': article(commented(VALID_FRONTMATTER), body(VALID_BODY)) },
      },
      {
        ...step,
        date: '2025-05-22T10:00:00Z',
        message: `Reword a paragraph (${CANARIES.commitMessage})`,
        files: {
          'talks.md': article(
            `${commented(VALID_FRONTMATTER)}updated: 2025-05-22\n`,
            body(VALID_BODY.replace('Leaders met in Kyiv.', 'European leaders met in Kyiv.')),
          ),
        },
      },
      {
        ...step,
        date: '2025-05-25T10:00:00Z',
        message: `Fix the ceasefire; ${CANARIES.commitMessage}\n\nMore workshop talk, ${CANARIES.commitMessage}.\n\nPublic-note: We gave the length of the ceasefire.`,
        files: {
          'talks.md': article(
            `${quoted(commented(VALID_FRONTMATTER))}updated: 2025-05-25\n${CORRECTION}`,
            body(
              VALID_BODY.replace('Leaders met in Kyiv.', 'European leaders met in Kyiv.').replace(
                'a ceasefire.',
                'a 30-day ceasefire.',
              ),
            ),
          ),
        },
      },
    ]);
    commits = gitIn(repo, ['log', '--format=%H']).trim().split('\n');
    workshop = gitIn(repo, ['log', '--format=%an %ae %B']) + readFileSync(join(articles, 'talks.md'), 'utf8');
    outDir = join(buildDir('canary-'), 'dist');
    const built = runBuildCommand(articles, outDir);
    expect(built.status, built.output).toBe(0);
  });

  it('writes no HTML comment, YAML comment, commit message, author name or e-mail address into any file of the site', () => {
    for (const canary of Object.values(CANARIES)) expect(workshop).toContain(canary);
    const texts = textsOf(outDir);
    expect(texts.size).toBeGreaterThan(20);
    expect([...texts.keys()]).toContain('articles/talks/history.json');
    for (const [path, text] of texts) {
      for (const canary of Object.values(CANARIES))
        expect(text.toLowerCase(), `${canary} in ${path}`).not.toContain(canary.toLowerCase());
    }
  });

  it('shows the checked words in the claims panel as a quotation of the first appearance, and links the correction to the claim', () => {
    const page = readFileSync(join(outDir, 'articles/talks/index.html'), 'utf8');
    expect(page).toContain(
      '<figure class="wording"><blockquote><p>a full &amp; unconditional ceasefire for at least 30 days</p></blockquote>' +
        '<figcaption class="meta">As it appeared in BBC News, <cite>Leaders call for a "full" ceasefire</cite></figcaption></figure>',
    );
    expect(page).toContain(
      '<p>An earlier version gave no length for the ceasefire; it was 30 days, as the claim <a href="#claim-ceasefire-demand">“European leaders demanded a 30-day ceasefire.”</a> says.</p>',
    );
  });

  it('still shows the three revisions, each with its date, its note and what changed', () => {
    const page = readFileSync(join(outDir, 'articles/talks/history/index.html'), 'utf8');
    const revisions = page.match(/<ol class="revisions">[\s\S]*?<\/ol><\/article>/)?.[0];
    const [third, second, first] = commits.map((commit) => commit.slice(0, 12));
    expect(revisions).toBe(
      '<ol class="revisions">' +
        `<li id="rev-${third}"><h2><time datetime="2025-05-25T10:00:00Z">25 May 2025</time></h2>` +
        '<p class="note">An earlier version gave no length for the ceasefire; it was 30 days, as the claim <a href="/articles/talks/#claim-ceasefire-demand">“European leaders demanded a 30-day ceasefire.”</a> says.</p>' +
        '<p class="note">We gave the length of the ceasefire.</p>' +
        `<p class="meta">Revision <code>${third}</code></p><ul class="changes">` +
        '<li class="change change-paragraph-changed"><p class="ui">Paragraph changed:</p><p class="diff">They demanded a <ins>30-day </ins>ceasefire. (Office of the President of Ukraine, Reuters)</p></li>' +
        '<li class="change change-claim-wording-changed"><p><span class="ui">Checked words quoted differently, for the claim</span> “European leaders demanded a 30-day ceasefire.”:</p>' +
        '<p class="diff"><ins>a full &amp; unconditional ceasefire for at least 30 days</ins></p></li>' +
        '<li class="change change-source-added"><p><span class="ui">Source added:</span> BBC News, <cite>Leaders call for a &quot;full&quot; ceasefire</cite></p></li>' +
        '<li class="change change-correction-added"><p><span class="ui">Correction added (<time datetime="2025-05-25">25 May 2025</time>):</span> An earlier version gave no length for the ceasefire; it was 30 days, as the claim <a href="/articles/talks/#claim-ceasefire-demand">“European leaders demanded a 30-day ceasefire.”</a> says.</p></li>' +
        '<li class="change change-other"><p class="ui">Also changed: the update date and details of claims.</p></li></ul></li>' +
        `<li id="rev-${second}"><h2><time datetime="2025-05-22T10:00:00Z">22 May 2025</time></h2><p class="meta">Revision <code>${second}</code></p><ul class="changes">` +
        '<li class="change change-paragraph-changed"><p class="ui">Paragraph changed:</p><p class="diff"><del>Leaders</del><ins>European leaders</ins> met in Kyiv. (Office of the President of Ukraine)</p></li>' +
        '<li class="change change-other"><p class="ui">Also changed: the update date.</p></li></ul></li>' +
        `<li id="rev-${first}"><h2><time datetime="2025-05-20T10:00:00Z">20 May 2025</time></h2><p class="meta">Revision <code>${first}</code></p><p>First published.</p></li>` +
        '</ol></article>',
    );
    const history = JSON.parse(readFileSync(join(outDir, 'articles/talks/history.json'), 'utf8'));
    expect(
      history.revisions.map((revision: { date: string; notes: string[] }) => [revision.date, revision.notes]),
    ).toEqual([
      [
        '2025-05-25T10:00:00Z',
        [
          'An earlier version gave no length for the ceasefire; it was 30 days, as the claim [@ceasefire-demand] says.',
          'We gave the length of the ceasefire.',
        ],
      ],
      ['2025-05-22T10:00:00Z', []],
      ['2025-05-20T10:00:00Z', []],
    ]);
  });
});
