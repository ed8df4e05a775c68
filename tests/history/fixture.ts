import { article, VALID_BODY, VALID_FRONTMATTER } from '../helpers/articles.ts';
import type { Step } from '../helpers/git-repo.ts';

const disputed = VALID_FRONTMATTER.replace('status: confirmed', 'status: disputed');
const BBC = `  - id: bbc-talks
    kind: news
    publisher: BBC News
    title: Delegations meet in Istanbul
    url: https://www.bbc.com/news/talks
    accessed: 2025-05-25
`;
const withBbc = (frontmatter: string) => frontmatter.replace('claims:\n', `${BBC}claims:\n`);
const edited = VALID_BODY.replace('They demanded a ceasefire.', 'They demanded a 30-day ceasefire.').replace(
  '[@reuters-talks]',
  '[@reuters-talks; @bbc-talks]',
);
// The correction also tells readers that the claim's status changed (the silent-claim-change rule).
const CORRECTION = `corrections:
  - date: 2025-05-25
    text: An earlier version said the ceasefire had no length; it was 30 days. We also confirmed the claim [@ceasefire-demand].
`;

/** The texts of the article in each revision, as the tests expect them. */
export const REVISIONS = {
  draft: article(`${disputed}draft: true\n`, `${VALID_BODY}\nA sentence only the draft had. [@kyiv-statement]\n`),
  published: article(disputed),
  confirmed: article(`${VALID_FRONTMATTER}updated: 2025-05-22\n`),
  corrected: article(`${withBbc(VALID_FRONTMATTER)}updated: 2025-05-25\n${CORRECTION}`, edited),
};

/**
 * One article's life: written as a draft, published with its claim disputed, the claim confirmed,
 * a paragraph edited with a source and a correction added, then the file renamed; and an article
 * that is still a draft.
 */
export const HISTORY_STEPS: Step[] = [
  {
    date: '2025-05-18T09:00:00Z',
    message: 'Draft: talks in Istanbul',
    files: { 'talks.md': REVISIONS.draft, 'plans.md': REVISIONS.draft },
  },
  {
    date: '2025-05-20T10:00:00Z',
    message: 'Publish the talks explainer',
    author: 'Ben Reviewer',
    files: { 'talks.md': REVISIONS.published },
  },
  {
    date: '2025-05-22T11:30:00+02:00',
    message: 'Ceasefire demand confirmed by both statements',
    files: { 'talks.md': REVISIONS.confirmed },
  },
  {
    date: '2025-05-25T08:00:00Z',
    message: 'Correct the length of the ceasefire; add the BBC',
    files: { 'talks.md': REVISIONS.corrected },
  },
  { date: '2025-05-27T08:00:00Z', message: 'Rename the talks explainer', rename: ['talks.md', 'istanbul-talks.md'] },
];
