import { normalizeIdentifier } from 'micromark-util-normalize-identifier';
import type {
  Code,
  Construct,
  Effects,
  Event,
  Extension,
  Resolver,
  State,
  Token,
  TokenizeContext,
} from 'micromark-util-types';

// The token types of the syntax (registered in types.ts for micromark-util-types):
//   citation        `[@a; @b]`, holding a `citationMarker` (`[`), a `citationValue` (`@a; @b`) and a `citationMarker` (`]`)
//   citationBroken  `[@` and the id-like text after it, when no `]` closes it before a bracket or formatting

const LEFT_BRACKET = 91;
const RIGHT_BRACKET = 93;
const LEFT_PARENTHESIS = 40;
const AT_SIGN = 64;
/**
 * What ends a citation before its `]`, making it broken: a bracket, and the characters that start
 * formatting, code, HTML or autolinks (`*`, `` ` ``, `~`, `<`). `_` may stand inside (`[@Bad_Id]`
 * is a malformed citation, not a broken one), since it rarely starts emphasis inside a word.
 */
const ENDS_CITATION = new Set<Code>([null, LEFT_BRACKET, 42, 96, 126, 60]);
// Letters, digits, `_` and `-`: how much of a broken citation its message quotes.
const ID_LIKE = /[\p{L}\p{N}_-]/u;

/**
 * The micromark extension for citations, `[@id]` and `[@id1; @id2]` (ids are checked later, when
 * the tree is built: anything closed between `[@` and `]` is a citation, well formed or not).
 *
 * A `[@` that no `]` closes before a bracket, formatting or the end of the paragraph is a broken
 * citation (`[@reuters-*talks*]`, `[@reuters-talks.`): its own token, so the checker can refuse it
 * instead of letting it show as plain text. A citation that CommonMark reads as a link
 * (`[@id](https://...)`, or `[@id]` with a definition `[@id]: https://...`) stays a link.
 *
 * Built as micromark-extension-gfm-footnote is: a construct at `[` takes the citation whole; when
 * what follows could make it a link, it steps aside, and a construct at `]` (tried after the link
 * construct) turns the brackets back into a citation if no link was made of them.
 */
export function citation(): Extension {
  return {
    text: {
      [LEFT_BRACKET]: { name: 'citation', tokenize: tokenizeCitation },
      [RIGHT_BRACKET]: {
        name: 'citationAfterLink',
        add: 'after',
        tokenize: tokenizeCitationAfterLink,
        resolveTo: resolveCitationAfterLink,
      },
    },
  };
}

/** A closed citation, `[@...]`, whose `]` is not followed by what would make it a link. */
const closedCitation: Construct = { tokenize: tokenizeClosedCitation, partial: true };
/** A closed citation that CommonMark may read as a link: the caller then steps aside for the link construct. */
const closedCitationBeforeLink: Construct = { tokenize: tokenizeClosedCitationBeforeLink, partial: true };

function tokenizeCitation(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  return start;

  function start(code: Code): State | undefined {
    return effects.attempt(closedCitation, ok, notClosed)(code);
  }

  function notClosed(code: Code): State | undefined {
    return effects.check(closedCitationBeforeLink, nok, broken)(code);
  }

  /** At `[`: `[@` and the id-like text after it become a broken citation. */
  function broken(code: Code): State | undefined {
    effects.enter('citationBroken');
    effects.consume(code);
    return brokenAt;
  }

  function brokenAt(code: Code): State | undefined {
    if (code !== AT_SIGN) return nok(code);
    effects.consume(code);
    return brokenRest;
  }

  function brokenRest(code: Code): State | undefined {
    if (code !== null && code >= 0 && ID_LIKE.test(String.fromCharCode(code))) {
      effects.consume(code);
      return brokenRest;
    }
    effects.exit('citationBroken');
    return ok(code);
  }
}

function tokenizeClosedCitation(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  return scanCitation(this, effects, ok, nok, false);
}

function tokenizeClosedCitationBeforeLink(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  return scanCitation(this, effects, ok, nok, true);
}

/**
 * Scans `[@...]` as a citation token. With `beforeLink` false it succeeds when nothing after the
 * `]` could make a link of it; with `beforeLink` true, only when something could.
 */
function scanCitation(self: TokenizeContext, effects: Effects, ok: State, nok: State, beforeLink: boolean): State {
  let value: Token;
  return start;

  function start(code: Code): State | undefined {
    effects.enter('citation');
    effects.enter('citationMarker');
    effects.consume(code);
    effects.exit('citationMarker');
    return atSign;
  }

  function atSign(code: Code): State | undefined {
    if (code !== AT_SIGN) return nok(code);
    value = effects.enter('citationValue');
    effects.consume(code);
    return inside;
  }

  function inside(code: Code): State | undefined {
    if (ENDS_CITATION.has(code)) return nok(code);
    if (code === RIGHT_BRACKET) {
      effects.exit('citationValue');
      effects.enter('citationMarker');
      effects.consume(code);
      effects.exit('citationMarker');
      effects.exit('citation');
      return after;
    }
    effects.consume(code);
    return inside;
  }

  /** After `]`: `(` may start a link's target, `[` a reference, and a defined label is a link by itself. */
  function after(code: Code): State | undefined {
    const label = normalizeIdentifier(self.sliceSerialize(value));
    const mayBeLink = code === LEFT_PARENTHESIS || code === LEFT_BRACKET || self.parser.defined.includes(label);
    return mayBeLink === beforeLink ? ok(code) : nok(code);
  }
}

/**
 * At a `]` that the link construct did not take: when it closes a `[@...]` that stepped aside for
 * a link (`[@id](not a link`), the brackets are a citation after all.
 */
function tokenizeCitationAfterLink(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  const self = this;
  let labelStart: Token | undefined;
  for (let index = self.events.length - 1; index >= 0; index--) {
    const token = self.events[index]![1];
    if (token.type === 'labelLink') {
      labelStart = token;
      break;
    }
    if (token.type === 'labelImage' || token.type === 'link' || token.type === 'image' || token.type === 'citation')
      break;
  }
  return start;

  function start(code: Code): State | undefined {
    if (!labelStart || !labelStart._balanced) return nok(code);
    const inner = self.sliceSerialize({ start: labelStart.end, end: self.now() });
    if (!inner.startsWith('@') || /[[\]*`~<]/.test(inner)) return nok(code);
    effects.enter('citationMarker');
    effects.consume(code);
    effects.exit('citationMarker');
    return ok(code);
  }
}

/** Replaces the events from the `[` the link construct left to the `]` with one citation. */
const resolveCitationAfterLink: Resolver = (events, context) => {
  let index = events.length - 1;
  while (index >= 0 && !(events[index]![0] === 'enter' && events[index]![1].type === 'labelLink')) index--;
  const open = events[index + 1]![1];
  const close = events[events.length - 1]![1];
  open.type = 'citationMarker';
  const whole: Token = { type: 'citation', start: { ...events[index]![1].start }, end: { ...close.end } };
  const value: Token = { type: 'citationValue', start: { ...open.end }, end: { ...close.start } };
  const replacement: Event[] = [
    ['enter', whole, context],
    events[index + 1]!,
    events[index + 2]!,
    ['enter', value, context],
    ['exit', value, context],
    events[events.length - 2]!,
    events[events.length - 1]!,
    ['exit', whole, context],
  ];
  events.splice(index, events.length - index, ...replacement);
  return events;
};
