import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { shortPublisher } from '../../src/markdown/attribution.ts';
import remarkCitations, { type CitationData } from '../../src/markdown/remark-citations.ts';

const DATA: CitationData = {
  sources: [
    { id: 'reuters-talks', publisher: 'Reuters (Elizabeth Piper), republished by daily8.com', title: 'Talks end', published: '2025-05-16' },
    { id: 'kyiv-statement', publisher: 'Office of the President of Ukraine', title: 'Joint statement' },
  ],
  claims: [{ id: 'talks-ended', status: 'confirmed', sources: ['reuters-talks', 'kyiv-statement'] }],
};

const render = (markdown: string) =>
  String(unified().use(remarkParse).use(remarkCitations, DATA).use(remarkRehype).use(rehypeStringify).processSync(markdown));

describe('shortPublisher', () => {
  it('shows a publisher up to its first parenthesis and keeps the rest for assistive technology', () => {
    expect(shortPublisher('Reuters (Elizabeth Piper), republished by daily8.com')).toEqual({
      label: 'Reuters',
      rest: ' (Elizabeth Piper), republished by daily8.com',
    });
    expect(shortPublisher('BBC News')).toEqual({ label: 'BBC News', rest: '' });
    expect(shortPublisher('(anonymous)')).toEqual({ label: '(anonymous)', rest: '' });
  });
});

describe('attributions in the text', () => {
  it('open the source\'s card (its entry in the source list) with a button, and fall back to a link to the source list', () => {
    expect(render('The talks ended. [@reuters-talks]')).toBe(
      '<p>The talks ended. <span class="attribution"><span id="cite-reuters-talks-1" class="cite">' +
        '<button type="button" popovertarget="source-reuters-talks" class="cite-open">Reuters' +
        '<span class="visually-hidden"> (Elizabeth Piper), republished by daily8.com: “Talks end”, published 16 May 2025</span></button>' +
        '<a href="#source-reuters-talks" class="cite-link">Reuters</a></span></span></p>',
    );
  });

  it('show a cited claim as its status, which opens the claim card, followed by its sources', () => {
    expect(render('They ended. [@talks-ended]')).toBe(
      '<p>They ended. <span class="attribution"><span id="cite-talks-ended-1" class="cite cite-claim">' +
        '<button type="button" popovertarget="card-talks-ended" class="cite-open cite-status status-confirmed"><span class="visually-hidden">Claim </span>confirmed</button>' +
        '<a href="#claim-talks-ended" class="cite-link cite-status status-confirmed"><span class="visually-hidden">Claim </span>confirmed</a> ' +
        '<span id="cite-reuters-talks-1" class="cite"><button type="button" popovertarget="source-reuters-talks" class="cite-open">Reuters' +
        '<span class="visually-hidden"> (Elizabeth Piper), republished by daily8.com: “Talks end”, published 16 May 2025</span></button>' +
        '<a href="#source-reuters-talks" class="cite-link">Reuters</a></span>, ' +
        '<span id="cite-kyiv-statement-1" class="cite"><button type="button" popovertarget="source-kyiv-statement" class="cite-open">Office of the President of Ukraine' +
        '<span class="visually-hidden">: “Joint statement”</span></button>' +
        '<a href="#source-kyiv-statement" class="cite-link">Office of the President of Ukraine</a></span></span></span></p>',
    );
  });

  it('number every place that cites a source, for the back-links', () => {
    const html = render('One. [@kyiv-statement] Two. [@kyiv-statement; @reuters-talks]');
    expect([...html.matchAll(/id="(cite-[^"]+)"/g)].map((match) => match[1])).toEqual([
      'cite-kyiv-statement-1',
      'cite-kyiv-statement-2',
      'cite-reuters-talks-1',
    ]);
  });
});
