/** A small valid article, as an editor would write it; tests change one thing at a time. */
export const VALID_FRONTMATTER = `title: Talks in Istanbul
description: What was agreed, and what was not.
published: 2025-05-20
authors:
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
claims:
  - id: ceasefire-demand
    statement: European leaders demanded a 30-day ceasefire.
    status: confirmed
    sources:
      [kyiv-statement, reuters-talks]
conclusion: The leaders' ceasefire demand is on the record.
`;

export const VALID_BODY = `## What happened

Leaders met in Kyiv. [@kyiv-statement]

They demanded a ceasefire. [@ceasefire-demand]

The delegations met in Istanbul. [@reuters-talks]
`;

/** A whole article file from frontmatter and body. */
export const article = (frontmatter = VALID_FRONTMATTER, body = VALID_BODY) => `---\n${frontmatter}---\n\n${body}`;
