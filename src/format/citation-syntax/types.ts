import type { Literal } from 'mdast';

/** A citation as written in the text, `[@id]` or `[@id1; @id2]`: the mdast node the syntax produces. */
export interface Citation extends Literal {
  type: 'citation';
  /** The citation as written, from `[` to `]` (a citation hard-wrapped over lines keeps its line breaks). */
  value: string;
  /** The cited ids, in the order written. */
  ids: string[];
  /** Parts between `;` that are not `@` and a kebab-case id; empty when the citation is well formed. */
  malformed: string[];
}

/** A `[@` that no `]` closes before a bracket, formatting or the end of the paragraph, such as `[@reuters-*talks*]`. */
export interface BrokenCitation extends Literal {
  type: 'brokenCitation';
  /** `[@` and the id-like text after it, as written: `[@reuters-`. */
  value: string;
}

declare module 'mdast' {
  interface PhrasingContentMap {
    citation: Citation;
    brokenCitation: BrokenCitation;
  }
  interface RootContentMap {
    citation: Citation;
    brokenCitation: BrokenCitation;
  }
  interface ImageData {
    /** Citations written in the image's description, which the description (`alt`) shows as plain text. */
    citations?: Citation[];
  }
}

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    citation: 'citation';
    citationMarker: 'citationMarker';
    citationValue: 'citationValue';
    citationBroken: 'citationBroken';
  }
}
