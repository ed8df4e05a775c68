/** What the words about a publisher are made of: its registry entry, or part of it. */
export interface DescribablePublisher {
  name: string;
  type: string;
  country?: string | undefined;
  stateAffiliated: boolean;
}

// The adjective of each country the registry names; any other country is named after the type.
const DEMONYMS: Record<string, string> = {
  AZ: 'Azerbaijani',
  CZ: 'Czech',
  DE: 'German',
  FR: 'French',
  GB: 'British',
  GH: 'Ghanaian',
  IN: 'Indian',
  IQ: 'Iraqi',
  IT: 'Italian',
  KW: 'Kuwaiti',
  LV: 'Latvian',
  NL: 'Dutch',
  PK: 'Pakistani',
  PL: 'Polish',
  RU: 'Russian',
  SG: 'Singaporean',
  TR: 'Turkish',
  UA: 'Ukrainian',
  US: 'American',
};

// Types whose registry word is not a noun a reader would expect after the country.
const TYPE_NOUNS: Record<string, string> = { research: 'research organization', other: 'publisher' };

const countryName = (code: string): string => {
  try {
    return new Intl.DisplayNames(['en'], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
};

/**
 * What kind of publisher it is, in words derived from its type, country and state affiliation:
 * `Russian state news agency`, `British broadcaster`, `news agency`. A government speaks for the
 * state already (`Ukrainian government`); a country with no adjective listed is named after the
 * type (`state news agency, Kuwait`).
 */
export function describePublisher({ type, country, stateAffiliated }: DescribablePublisher): string {
  const noun = TYPE_NOUNS[type] ?? type;
  const kind = stateAffiliated && type !== 'government' ? `state ${noun}` : noun;
  if (!country) return kind;
  const adjective = DEMONYMS[country];
  return adjective ? `${adjective} ${kind}` : `${kind}, ${countryName(country)}`;
}

/** A source's publisher as the text, the card and the source list show it. */
export interface ShownPublisher {
  /** The publisher's name: the registry's, or the text the article wrote. */
  name: string;
  /** What kind of publisher it is (see describePublisher), when the registry knows it. */
  description?: string;
  /** True when a state owns or controls the publisher. */
  stateAffiliated: boolean;
  /** The name of the site the source was read on, when another site republished it. */
  via?: string;
}

/**
 * Resolves a source's `publisher` and `via` (registry ids, or names) against the registry's
 * publishers: an id gives the registry's name and description, anything else is shown as written.
 */
export function showPublisher(
  source: { publisher: string; via?: string | undefined },
  publishers: Readonly<Record<string, DescribablePublisher>>,
): ShownPublisher {
  const entry = Object.hasOwn(publishers, source.publisher) ? publishers[source.publisher] : undefined;
  const via =
    source.via === undefined
      ? undefined
      : Object.hasOwn(publishers, source.via)
        ? publishers[source.via]!.name
        : source.via;
  return {
    name: entry?.name ?? source.publisher,
    ...(entry ? { description: describePublisher(entry) } : {}),
    stateAffiliated: entry?.stateAffiliated ?? false,
    ...(via === undefined ? {} : { via }),
  };
}
