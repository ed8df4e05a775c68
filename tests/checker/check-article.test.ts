import { describe, expect, it } from 'vitest';
import { checkArticle } from '../../src/checker/check-article.ts';
import { formatText } from '../../src/checker/diagnostic.ts';
import { latestPossibleDay } from '../../src/checker/rules/future-date.ts';
import { evidenceProfile } from '../../src/site/evidence.ts';
import { VALID_BODY, VALID_FRONTMATTER, article } from '../helpers/articles.ts';

const lines = (text: string) => checkArticle('a.md', text).diagnostics.map(formatText);

describe('checkArticle', () => {
  it('passes a valid article with no diagnostics and returns its data', () => {
    const result = checkArticle('a.md', article());
    expect(result.diagnostics).toEqual([]);
    expect(result.article?.title).toBe('Talks in Istanbul');
    expect(result.bodyLine).toBe(32);
    expect(result.citations.map((citation) => [citation.line, citation.column, citation.ids])).toEqual([
      [35, 22, ['kyiv-statement']],
      [37, 28, ['ceasefire-demand']],
      [39, 34, ['reuters-talks']],
    ]);
  });

  it('points at the key of a misspelled field and suggests the right one, with no second message that the field is missing', () => {
    const text = article(VALID_FRONTMATTER.replace('authors:', 'autors:'));
    expect(lines(text)).toEqual([
      'a.md:5:1  error  unknown-field  Unknown field "autors" in the frontmatter; did you mean "authors"? Allowed fields: title, description, conclusion, published, updated, authors, topics, draft, sources, claims, timeline, corrections.',
    ]);
  });

  it('reports an unknown field inside a source at its own line and column', () => {
    const text = article(VALID_FRONTMATTER.replace('    quote:', '    qoute:'));
    expect(lines(text)).toEqual([
      'a.md:17:5  error  unknown-field  Unknown field "qoute" in source 1 (`kyiv-statement`); did you mean "quote"? Allowed fields: id, kind, publisher, via, title, url, accessed, published, archive, quote, lang, party.',
    ]);
  });

  it('names a missing source field at the start of that source', () => {
    const text = article(VALID_FRONTMATTER.replace('    url: https://www.reuters.com/world/talks\n', ''));
    expect(lines(text)).toEqual([
      'a.md:18:5  error  missing-field  Missing required field "url" in source 2 (`reuters-talks`); add url: the address of the source, starting with https://.',
    ]);
  });

  it('refuses an impossible unquoted date rather than rolling it over', () => {
    expect(lines(article(VALID_FRONTMATTER.replace('published: 2025-05-20', 'published: 2025-02-30')))).toEqual([
      'a.md:4:1  error  invalid-date  Field "published" is "2025-02-30", which is not a real date; write YYYY-MM-DD (for example 2025-05-11) or a date-time with an offset (2025-05-11T09:30:00+03:00).',
    ]);
  });

  it('refuses a disguised javascript: URL', () => {
    const text = article(VALID_FRONTMATTER.replace('https://www.reuters.com/world/talks', "'JavaScript:alert(1)'"));
    expect(lines(text)).toEqual([
      'a.md:22:5  error  unsafe-url  Field "url" of source 2 (`reuters-talks`) is not a plain http(s) address: it uses the "javascript:" scheme; only http: and https: are allowed; write the full address, starting with https://.',
    ]);
  });

  it('reports a broken citation at its line and column with the closest id', () => {
    const text = article(VALID_FRONTMATTER, VALID_BODY.replace('[@reuters-talks]', '[@reuters-talk]'));
    expect(lines(text)).toEqual([
      'a.md:39:34  error  unknown-citation  Citation [@reuters-talk] matches no source or claim; did you mean "reuters-talks"? Known ids: kyiv-statement, reuters-talks, ceasefire-demand.',
    ]);
  });

  it('reports malformed YAML where the unclosed quote opens, with no follow-on errors', () => {
    const text = article(VALID_FRONTMATTER.replace('title: Talks in Istanbul', "title: 'Talks in Istanbul"));
    expect(lines(text)).toEqual([
      `a.md:2:8  error  yaml-syntax  The quote that starts here is never closed; add the closing ' at the end of the value.`,
    ]);
  });

  it('refuses raw HTML and non-http(s) links in the body, and accepts relative links and anchors', () => {
    const body = `${VALID_BODY}\nSee <b>this</b>, [a page](/articles/other/), [a section](#what-happened) and [bad](vbscript:msgbox).\n`;
    expect(lines(article(VALID_FRONTMATTER, body))).toEqual([
      'a.md:41:5  error  raw-html  Raw HTML (<b>) is not allowed in an article; write Markdown instead (**bold**, _italic_, [text](https://example.org), > quote).',
      'a.md:41:12  error  raw-html  Raw HTML (</b>) is not allowed in an article; write Markdown instead (**bold**, _italic_, [text](https://example.org), > quote).',
      'a.md:41:78  error  unsafe-link  Link target "vbscript:msgbox" uses the "vbscript:" scheme; link only to https:// addresses, to pages of this site (/articles/...) or to #anchors.',
    ]);
  });

  it('warns about an unused source, an uncited claim and claims resting on one publisher', () => {
    const frontmatter = VALID_FRONTMATTER.replace('[kyiv-statement, reuters-talks]', '[kyiv-statement]');
    const body = VALID_BODY.replace(' [@ceasefire-demand]', '').replace(' [@reuters-talks]', '');
    expect(lines(article(frontmatter, body))).toEqual([
      'a.md:18:5  warning  unused-source  Source "reuters-talks" is never cited; cite it in the text as [@reuters-talks], or remove it.',
      'a.md:24:1  warning  single-publisher  Every claim rests on one publisher (Office of the President of Ukraine); add an independent source to at least one claim.',
      'a.md:25:5  warning  uncited-claim  Claim "ceasefire-demand" is never cited in the text; add [@ceasefire-demand] after the sentence it supports.',
    ]);
  });

  it('refuses a file without frontmatter, without a closing ---, or with a byte-order mark', () => {
    expect(lines('# Just text\n')).toEqual([
      'a.md:1:1  error  frontmatter  The file does not start with frontmatter; put "---" on the first line, the YAML fields, then "---".',
    ]);
    expect(lines(`---\n${VALID_FRONTMATTER}\n${VALID_BODY}`)).toEqual([
      'a.md:1:1  error  frontmatter  The frontmatter has no closing "---"; add a line with only "---" after the last YAML field.',
    ]);
    expect(lines(`\uFEFF${article()}`)).toEqual([
      'a.md:1:1  error  encoding  The file starts with a byte-order mark (BOM); save it as UTF-8 without BOM.',
    ]);
  });

  it('finds a citation that the editor wrapped over two lines', () => {
    const body = VALID_BODY.replace('[@reuters-talks]', '[@reuters-talks;\n@kyiv-statement]');
    const result = checkArticle('a.md', article(VALID_FRONTMATTER, body));
    expect(result.diagnostics).toEqual([]);
    expect(result.citations.at(-1)).toEqual({ line: 39, column: 34, ids: ['reuters-talks', 'kyiv-statement'] });
  });

  it('warns about a date still to come, but for a draft, allowing for time zones a day ahead of UTC', () => {
    const at = (text: string) => checkArticle('a.md', text, { latestDay: '2025-05-21' }).diagnostics.map(formatText);
    const ahead = 'a date still to come; check the year (only a draft should be dated ahead).';
    const future = VALID_FRONTMATTER.replace('published: 2025-05-20', 'published: 2205-05-20').replace(
      'accessed: 2025-05-20',
      'accessed: 2025-05-22',
    );
    expect(at(article(future))).toEqual([
      `a.md:4:1  warning  future-date  Field "published" is 2205-05-20, ${ahead}`,
      `a.md:15:5  warning  future-date  Field "accessed" of source 1 (\`kyiv-statement\`) is 2025-05-22, ${ahead}`,
    ]);
    expect(
      at(article(VALID_FRONTMATTER.replace('accessed: 2025-05-20', 'accessed: 2025-05-21T23:30:00+03:00'))),
    ).toEqual([]);
    expect(at(article(`${future}draft: true\n`))).toEqual([]);
  });

  it('reports a date still to come together with the other problems of the same frontmatter', () => {
    const text = article(
      VALID_FRONTMATTER.replace('published: 2025-05-20', 'published: 2205-05-20').replace(
        'title: Talks in Istanbul\n',
        '',
      ),
    );
    expect(
      checkArticle('a.md', text, { latestDay: '2025-05-21' }).diagnostics.map((diagnostic) => diagnostic.rule),
    ).toEqual(['missing-field', 'future-date']);
  });

  it('refuses a correction dated before publication, and warns when updated does not reflect a correction', () => {
    const corrected = (published: string, updated: string, correction: string) =>
      article(
        `${VALID_FRONTMATTER.replace('published: 2025-05-20', `published: ${published}\nupdated: ${updated}`)}corrections:\n  - date: ${correction}\n    text: The first version named the wrong city.\n`,
      );
    expect(lines(corrected('2025-05-20', '2025-05-22', '2025-05-19'))).toEqual([
      'a.md:33:5  error  date-order  Field "date" of correction 1 is 2025-05-19, before published (2025-05-20); a correction cannot come before publication.',
    ]);
    expect(lines(corrected('2025-05-20', '2025-05-22', '2025-05-23'))).toEqual([
      'a.md:33:5  warning  correction-not-updated  Field "date" of correction 1 is 2025-05-23, after updated (2025-05-22); a correction updates the article, so set updated to 2025-05-23 or later.',
    ]);
    expect(lines(corrected('2025-05-20', '2025-05-22', '2025-05-22T23:30:00-05:00'))).toEqual([]);
    expect(lines(corrected('2025-05-20', '2025-05-22', '2025-05-20'))).toEqual([]);
    // With no updated date, a correction after the day of publication asks for one.
    const unupdated = (...dates: string[]) =>
      article(
        `${VALID_FRONTMATTER}corrections:\n${dates.map((date) => `  - date: ${date}\n    text: The first version named the wrong city.\n`).join('')}`,
      );
    expect(lines(unupdated('2025-05-20', '2025-05-23', '2025-05-21'))).toEqual([
      'a.md:34:5  warning  correction-not-updated  Field "date" of correction 2 is 2025-05-23, after publication (2025-05-20), but the article gives no updated date; a correction updates the article, so add updated: 2025-05-23.',
    ]);
    expect(lines(unupdated('2025-05-20T23:00:00+03:00'))).toEqual([]);
  });

  it('compares a date-time with a plain date by calendar day in every date rule', () => {
    const dated = (published: string, updated: string) =>
      lines(
        article(VALID_FRONTMATTER.replace('published: 2025-05-20', `published: ${published}\nupdated: ${updated}`)),
      );
    // 06:30 UTC on 20 May is not after the day 2025-05-20, which the plain date names as a whole.
    expect(dated('2025-05-20T09:30:00+03:00', '2025-05-20')).toEqual([]);
    expect(dated('2025-05-20T09:30:00+03:00', '2025-05-20T08:00:00+03:00')).toEqual([
      'a.md:5:1  error  date-order  Field "updated" is 2025-05-20T08:00:00+03:00, before published (2025-05-20T09:30:00+03:00); an update cannot come before publication.',
    ]);
    expect(dated('2025-05-20T09:30:00+03:00', '2025-05-19')).toEqual([
      'a.md:5:1  error  date-order  Field "updated" is 2025-05-19, before published (2025-05-20T09:30:00+03:00); an update cannot come before publication.',
    ]);
    const accessed = VALID_FRONTMATTER.replace('published: 2025-05-10', 'published: 2025-05-20T09:30:00+03:00');
    expect(lines(article(accessed))).toEqual([]);
  });

  it('tells publishers apart as the evidence profile does, ignoring case and surrounding spaces', () => {
    const text = article(
      VALID_FRONTMATTER.replace('publisher: Office of the President of Ukraine', "publisher: ' REUTERS '"),
    );
    expect(lines(text)).toEqual([
      'a.md:24:1  warning  single-publisher  Every claim rests on one publisher (REUTERS); add an independent source to at least one claim.',
    ]);
    const checked = checkArticle('a.md', text);
    expect(evidenceProfile(checked.article!).publishers).toBe(1);
  });

  it('warns about a timeline out of date order, comparing a plain date with a date-time by day', () => {
    const timeline = (...dates: string[]) =>
      article(
        `${VALID_FRONTMATTER}timeline:\n${dates.map((date) => `  - date: ${date}\n    text: Something happened.\n    sources:\n      - reuters-talks\n`).join('')}`,
      );
    expect(lines(timeline('2025-05-16', '2025-05-11', '2025-05-12'))).toEqual([
      'a.md:36:5  warning  timeline-order  Field "date" of timeline event 2 is 2025-05-11, before an event above it (2025-05-16); the page lists the events as written, so put them in date order, earliest first.',
      'a.md:40:5  warning  timeline-order  Field "date" of timeline event 3 is 2025-05-12, before an event above it (2025-05-16); the page lists the events as written, so put them in date order, earliest first.',
    ]);
    expect(lines(timeline('2025-05-16T10:00:00+03:00', '2025-05-16', '2025-05-16T09:00:00+03:00'))).toEqual([
      'a.md:40:5  warning  timeline-order  Field "date" of timeline event 3 is 2025-05-16T09:00:00+03:00, before an event above it (2025-05-16T10:00:00+03:00); the page lists the events as written, so put them in date order, earliest first.',
    ]);
    expect(
      lines(timeline('2025-05-16T10:00:00+03:00', '2025-05-16', '2025-05-16T11:00:00+03:00', '2025-05-17')),
    ).toEqual([]);
  });

  it('warns about an author, topic or source listed twice, which the page would show twice', () => {
    const text = article(
      VALID_FRONTMATTER.replace('  - diplomacy', '  - diplomacy\n  - diplomacy')
        .replace('  - sourced-newsroom', '  - sourced-newsroom\n  - sourced-newsroom')
        .replace('[kyiv-statement, reuters-talks]', '[kyiv-statement, reuters-talks, kyiv-statement, reuters-talks]'),
    );
    expect(lines(text)).toEqual([
      'a.md:7:5  warning  duplicate-value  Author 2 repeats "sourced-newsroom", already listed as author 1; remove the repeat.',
      'a.md:10:5  warning  duplicate-value  Topic 2 repeats "diplomacy", already listed as topic 1; remove the repeat.',
      'a.md:31:39  warning  duplicate-value  Source 3 of claim 1 (`ceasefire-demand`) repeats "kyiv-statement", already listed as source 1 of claim 1; remove the repeat.',
      'a.md:31:55  warning  duplicate-value  Source 4 of claim 1 (`ceasefire-demand`) repeats "reuters-talks", already listed as source 2 of claim 1; remove the repeat.',
    ]);
  });

  it('refuses a citation never closed, or split by emphasis, which would show as plain text', () => {
    const fix =
      'is not closed or is broken by formatting; write [@id] or [@id1; @id2], closed with "]" and with no brackets or formatting (*, _, `) inside.';
    const unclosed = VALID_BODY.replace('[@reuters-talks]', '[@reuters-talks');
    expect(lines(article(VALID_FRONTMATTER, unclosed))).toEqual([
      `a.md:39:34  error  broken-citation  Citation "[@reuters-talks" ${fix}`,
    ]);
    const emphasis = VALID_BODY.replace('[@reuters-talks]', '[@reuters-*talks*]');
    expect(lines(article(VALID_FRONTMATTER, emphasis))).toEqual([
      `a.md:39:34  error  broken-citation  Citation "[@reuters-" ${fix}`,
    ]);
    const quoted = '> Leaders met. [@kyiv-statement] They [@reuters-talks\n> agreed [@ceasefire-demand';
    expect(lines(article(VALID_FRONTMATTER, `${VALID_BODY}\n${quoted}\n`))).toEqual([
      `a.md:41:39  error  broken-citation  Citation "[@reuters-talks" ${fix}`,
      `a.md:42:10  error  broken-citation  Citation "[@ceasefire-demand" ${fix}`,
    ]);
    // In code, the same characters are shown as written, as the editor meant.
    expect(lines(article(VALID_FRONTMATTER, `${VALID_BODY}\nWrite \`[@id\` to cite.\n`))).toEqual([]);
  });

  it('refuses an empty body', () => {
    expect(lines(article(VALID_FRONTMATTER, '\n\n'))).toContain(
      'a.md:32:1  error  empty-body  The article has no text after the frontmatter; write the explainer below the closing "---".',
    );
  });
});

describe("the editor's silent losses and slips", () => {
  it('warns when " #" in an unquoted value cuts it short, naming the lost text, and leaves quoted values and plain comments alone', () => {
    const frontmatter = VALID_FRONTMATTER.replace(
      'title: Talks in Istanbul',
      'title: Water rationing, week #3 of the drought',
    )
      .replace('  - sourced-newsroom', '  - sourced-newsroom #2')
      .replace(
        'description: What was agreed, and what was not.',
        'description: "What was agreed, #1 and #2"\n# A comment line.\ndraft: false # on purpose',
      );
    expect(lines(article(frontmatter))).toEqual([
      'a.md:2:30  warning  yaml-comment  Field "title" stops at "Water rationing, week": in YAML " #" starts a comment, so "#3 of the drought" is left out; put the whole value in quotes: title: "Water rationing, week #3 of the drought"',
      'a.md:8:22  warning  yaml-comment  An entry of "authors" stops at "sourced-newsroom": in YAML " #" starts a comment, so "#2" is left out; put the whole value in quotes: - "sourced-newsroom #2"',
    ]);
  });

  it('warns about [known-id] written without @, and leaves other bracketed words alone', () => {
    const body = `${VALID_BODY}\nThe mayor posted. [reuters-talks] See [note] and \`[kyiv-statement]\`.\n`;
    expect(lines(article(VALID_FRONTMATTER, body))).toEqual([
      'a.md:41:19  warning  citation-without-at  "[reuters-talks]" is printed as text, not as a citation; did you mean [@reuters-talks]?',
    ]);
  });

  it('leaves alone a comment set apart by two spaces, as the template once wrote them: quoting it into the value would be wrong', () => {
    const frontmatter = VALID_FRONTMATTER.replace(
      '    status: confirmed',
      '    status: confirmed  # confirmed, reported or false',
    );
    expect(lines(article(frontmatter))).toEqual([]);
  });

  it('warns about (@known-id) and a bare @known-id, and leaves e-mail addresses, unknown ids and code alone', () => {
    const body = `${VALID_BODY}\nThe mayor posted (@reuters-talks), as @kyiv-statement said. Write to desk@reuters-talks.org, @someone or \`@reuters-talks\`.\n`;
    expect(lines(article(VALID_FRONTMATTER, body))).toEqual([
      'a.md:41:18  warning  citation-without-brackets  "(@reuters-talks)" is printed as typed, not as a citation; write [@reuters-talks].',
      'a.md:41:39  warning  citation-without-brackets  "@kyiv-statement" is printed as typed, not as a citation; write [@kyiv-statement].',
    ]);
  });

  it('warns about a quote of more than 100 words, and allows one of 100', () => {
    const words = (count: number) => Array.from({ length: count }, (_, index) => `word${index}`).join(' ');
    const quoted = (count: number) =>
      VALID_FRONTMATTER.replace(
        'quote: A full and unconditional ceasefire must begin on Monday.',
        `quote: ${words(count)}`,
      );
    expect(lines(article(quoted(100)))).toEqual([]);
    expect(lines(article(quoted(101)))).toEqual([
      'a.md:17:5  warning  long-quote  The quote of source 1 (`kyiv-statement`) is 101 words long; quote only the words that support the article (at most 100), and write [...] where you leave words out.',
    ]);
  });

  it('allows mailto: and tel: links, and an e-mail address written out (GitHub makes it a mailto: link)', () => {
    const body = `${VALID_BODY}\nSend tips to tips@newsroom.org, [write](mailto:desk@newsroom.org) or [call](tel:+441234567890).\n`;
    expect(lines(article(VALID_FRONTMATTER, body))).toEqual([]);
  });

  it('refuses a link with no scheme, which would lead to a missing page of the site, and shows it with https:// added', () => {
    const body = `${VALID_BODY}\nSee [the list](council.example.org/list) and ![the map](map.png).\n`;
    expect(lines(article(VALID_FRONTMATTER, body))).toEqual([
      'a.md:41:5  error  link-target  Link target "council.example.org/list" is not a full address, so it would lead to a page of this site that does not exist; write https://council.example.org/list, a page of this site (/articles/...) or an #anchor.',
      'a.md:41:46  error  link-target  Image source "map.png" is not a full address, so it would lead to a page of this site that does not exist; write https://map.png, a page of this site (/articles/...) or an #anchor.',
    ]);
  });

  it("lets a draft keep the template's placeholders", () => {
    const draft = article(
      `${VALID_FRONTMATTER.replace('description: What was agreed, and what was not.', 'description: Replace this with a one-paragraph summary of the story.').replace('id: reuters-talks', 'id: example-source').replace('[@reuters-talks]', '[@example-source]').replace('[kyiv-statement, reuters-talks]', '[kyiv-statement, example-source]')}draft: true\n`,
      VALID_BODY.replace('[@reuters-talks]', '[@example-source]'),
    );
    expect(lines(draft)).toEqual([]);
    expect(lines(draft.replace('draft: true', 'draft: false'))).toEqual([
      "a.md:3:1  error  placeholder  The description is still the template's placeholder; write a one-paragraph summary of the story.",
      "a.md:18:5  error  placeholder  Source 2 (`example-source`) is the template's example source; replace it with a source the article relies on, or remove it.",
    ]);
  });
});

describe('latestPossibleDay', () => {
  it('is the day after today in UTC, or after SOURCED_TODAY when it is set', () => {
    expect(latestPossibleDay(new Date('2025-12-31T23:59:00Z'), undefined)).toBe('2026-01-01');
    expect(latestPossibleDay(new Date('2025-12-31T23:59:00-05:00'), undefined)).toBe('2026-01-02');
    expect(latestPossibleDay(new Date('2025-03-01T00:00:00Z'), '2024-02-28')).toBe('2024-02-29');
  });
});
