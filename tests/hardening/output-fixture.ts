/**
 * A fixture site whose every editor-written text field is hostile or hard to render: markup and
 * script openers, comment and CDATA openers, written-out entities, both quote kinds, Cyrillic,
 * Turkish dotted and dotless i, emoji with skin tones and zero-width joiners, Arabic and Hebrew,
 * and decomposed letters with combining marks. Plus a draft that carries one marker in every field.
 */

/** Markup that must stay text; an element or attribute named `x-injected` / `data-injected` proves a hole. */
const TAG = '<x-injected data-injected="1" onclick="alert(1)">tag</x-injected>';
const SCRIPT = '</script><script>alert("x")</script>';
const COMMENT = '<!-- not a comment -->';
const CDATA = ']]> <![CDATA[ not data ]]>';
const ENTITIES = '&amp; &lt;b&gt; &#60; & &nbsp;';
const QUOTES = `"double" 'single' back\`tick`;
/** `é` and `ä` decomposed (letter + combining mark), and a stack of combining marks; never normalised. */
const COMBINING = 'Cafe\u0301 a\u0308 Z\u0324\u0354\u0367\u0311\u0313';
/** Family, rainbow flag, Ukrainian flag, thumbs up with a skin tone, astronaut (ZWJ sequences and modifiers). */
const EMOJI = '👩‍👩‍👧‍👦 🏳️‍🌈 🇺🇦 👍🏽 🧑🏿‍🚀';

/** One distinct hostile string per field, so that a value shown in the wrong place is caught too. */
export const HOSTILE = {
  title: `Title ${SCRIPT} ${TAG} ${QUOTES} Київ İstanbul ılık ${EMOJI}`,
  description: `Description ${COMMENT} ${CDATA} ${ENTITIES} Москва İı שלום עולם ${COMBINING}`,
  conclusion: `Conclusion ${SCRIPT} ${TAG} ${QUOTES} Висновок İ ı ${EMOJI}`,
  author: `Author <img src=x onerror=alert(1)> & "Işıl" Ярослава مريم`,
  secondAuthor: `Second ${TAG} İİ ıı 👨‍💻`,
  publisher: `Publisher ${TAG} & "Радио" İLKE ılık 🇺🇦 صحيفة`,
  secondPublisher: `Haber <b>İ</b> 'ı' & ‏עיתון‏`,
  sourceTitle: `Source title ${SCRIPT} ${COMMENT} javascript:alert(1) Заголовок ${COMBINING}`,
  secondSourceTitle: `Second source ${ENTITIES} ${CDATA} İ ı ${EMOJI}`,
  quote: `Quote "</blockquote><script>alert(1)</script>" ${ENTITIES} Цитата İnönü ılgın ${EMOJI}`,
  arabicQuote: 'قال الرئيس: «لن نتراجع» <script> & "نعم"',
  statement: `Statement ${SCRIPT} ${QUOTES} ${ENTITIES} Заява İ ı ${EMOJI}`,
  secondStatement: `Second claim ${COMMENT} & שלום ${COMBINING}`,
  claimant: `Claimant ${TAG} "Иван" Işık & 👩‍⚖️ محمد`,
  note: `Note ${CDATA} ${SCRIPT} İ ı دليل`,
  timeline: `Timeline ${TAG} ${COMMENT} Хроніка İzmir ılıca ${EMOJI} ${COMBINING}`,
  correction: `Correction ${SCRIPT} ${ENTITIES} ${QUOTES} Виправлення İ ı תיקון`,
  rtlTitle: 'كييف ואיסטנבול: هدنة & "שלום" <تفاوض>',
  rtlDescription: "ملخص بالعربية مع <b>علامات</b> & עברית 'כאן' İı",
} as const;

/** Source addresses with characters that need escaping in attributes and XML. */
export const URLS = {
  first: "https://example.org/statement?a=1&b=2&quote='x'#part",
  second: 'https://пример.рф/статья/İstanbul?q=ılık&x=1',
  arabic: 'https://example.com/ar/news?id=7&lang=ar',
} as const;

/** Body text: Markdown turns neither Unicode nor a spaced `<` or `&` into anything else. */
export const BODY_TEXT = {
  first: `Leaders met in Київ and İstanbul; ılık weather & 3 < 4 ${EMOJI} ${COMBINING}`,
  second: 'قال المتحدث إن المحادثات ستستمر ושלום יבוא',
} as const;

/** The marker the draft carries in every field, its slug, topic, ids, names and body. */
export const DRAFT_MARKER = 'zzdraftleak';
/** Unicode in the draft, to be sure that a leak of non-ASCII text is caught as well. */
export const DRAFT_UNICODE_MARKER = 'Черновик-İı-🕵️‍♀️';

const yamlQuote = (text: string) => `'${text.replace(/'/g, "''")}'`;

const HOSTILE_ARTICLE = `---
title: ${yamlQuote(HOSTILE.title)}
description: ${yamlQuote(HOSTILE.description)}
conclusion: ${yamlQuote(HOSTILE.conclusion)}
published: 2025-05-20
updated: 2025-05-22
authors:
  - hostile-author
  - second-author
topics:
  - diplomacy
  - turkiye
sources:
  - id: first-source
    kind: primary
    publisher: ${yamlQuote(HOSTILE.publisher)}
    title: ${yamlQuote(HOSTILE.sourceTitle)}
    url: ${yamlQuote(URLS.first)}
    archive: ${yamlQuote(`https://web.archive.org/web/2025/${URLS.first}`)}
    accessed: 2025-05-20
    published: 2025-05-10
    quote: ${yamlQuote(HOSTILE.quote)}
    party: true
  - id: second-source
    kind: news
    publisher: ${yamlQuote(HOSTILE.secondPublisher)}
    title: ${yamlQuote(HOSTILE.secondSourceTitle)}
    url: ${yamlQuote(URLS.second)}
    accessed: 2025-05-20
  - id: arabic-source
    kind: news
    publisher: ${yamlQuote(HOSTILE.publisher)}
    title: ${yamlQuote(HOSTILE.rtlTitle)}
    url: ${yamlQuote(URLS.arabic)}
    accessed: 2025-05-21
    quote: ${yamlQuote(HOSTILE.arabicQuote)}
    lang: ar
claims:
  - id: hostile-claim
    statement: ${yamlQuote(HOSTILE.statement)}
    status: 'false'
    sources:
      - second-source
    claimant: ${yamlQuote(HOSTILE.claimant)}
    note: ${yamlQuote(HOSTILE.note)}
  - id: second-claim
    statement: ${yamlQuote(HOSTILE.secondStatement)}
    status: confirmed
    sources:
      - first-source
      - arabic-source
timeline:
  - date: 2025-05-16
    text: ${yamlQuote(HOSTILE.timeline)}
    sources:
      - first-source
corrections:
  - date: 2025-05-22
    text: ${yamlQuote(HOSTILE.correction)}
---

## What happened

${BODY_TEXT.first} [@first-source]

A post made a claim. [@hostile-claim]

Delegations met. [@second-claim; @second-source]

${BODY_TEXT.second} [@arabic-source]
`;

const RTL_ARTICLE = `---
title: ${yamlQuote(HOSTILE.rtlTitle)}
description: ${yamlQuote(HOSTILE.rtlDescription)}
published: 2025-04-01
authors:
  - hostile-author
topics:
  - turkiye
sources:
  - id: arabic-source
    kind: news
    publisher: ${yamlQuote(HOSTILE.secondPublisher)}
    title: ${yamlQuote(HOSTILE.rtlTitle)}
    url: ${yamlQuote(URLS.arabic)}
    accessed: 2025-04-01
    quote: ${yamlQuote(HOSTILE.arabicQuote)}
    lang: ar
---

${BODY_TEXT.second} [@arabic-source]
`;

const M = DRAFT_MARKER;
const U = DRAFT_UNICODE_MARKER;
const DRAFT_ARTICLE = `---
title: ${yamlQuote(`Title ${M} ${U}`)}
description: ${yamlQuote(`Description ${M} ${U}`)}
conclusion: ${yamlQuote(`Conclusion ${M} ${U}`)}
published: 2025-06-01
authors:
  - hostile-author
topics:
  - ${M}-topic
draft: true
sources:
  - id: ${M}-source
    kind: news
    publisher: ${yamlQuote(`Publisher ${M} ${U}`)}
    title: ${yamlQuote(`Source ${M} ${U}`)}
    url: https://example.com/${M}
    archive: https://web.archive.org/web/2025/https://example.com/${M}
    accessed: 2025-06-01
    quote: ${yamlQuote(`Quote ${M} ${U}`)}
claims:
  - id: ${M}-claim
    statement: ${yamlQuote(`Statement ${M} ${U}`)}
    status: disputed
    sources:
      - ${M}-source
    claimant: ${yamlQuote(`Claimant ${M} ${U}`)}
    note: ${yamlQuote(`Note ${M} ${U}`)}
timeline:
  - date: 2025-05-30
    text: ${yamlQuote(`Timeline ${M} ${U}`)}
    sources:
      - ${M}-source
corrections:
  - date: 2025-06-01
    text: ${yamlQuote(`Correction ${M} ${U}`)}
---

## Heading ${M}

Body ${M} ${U}. [@${M}-source]

The claim. [@${M}-claim]
`;

/** The fixture articles, file name -> text. */
export const HOSTILE_ARTICLES = {
  'hostile-fields.md': HOSTILE_ARTICLE,
  'middle-east/rtl-title.md': RTL_ARTICLE,
  [`${M}.md`]: DRAFT_ARTICLE,
} as const;

/**
 * The registries of the fixture site: the bylines carry the hostile author names, and a topic no
 * published article uses carries the draft's markers (it must get no page).
 */
export const HOSTILE_REGISTRIES = {
  topics: `diplomacy:
  label: Diplomacy
  description: Talks between governments.
turkiye:
  label: Turkiye
  description: Türkiye and its role.
${M}-topic:
  label: ${yamlQuote(`Topic ${M} ${U}`)}
  description: ${yamlQuote(`Description ${M} ${U}`)}
`,
  authors: `hostile-author:
  name: ${yamlQuote(HOSTILE.author)}
  type: person
  role: Reporter
  bio: Writes.
second-author:
  name: ${yamlQuote(HOSTILE.secondAuthor)}
  type: organization
  role: Desk
  bio: Checks.
`,
  publishers: '',
} as const;

/** Slugs of the published fixture articles, newest first. */
export const PUBLISHED_SLUGS = ['hostile-fields', 'middle-east/rtl-title'] as const;
