import type { Image, Nodes } from 'mdast';
import type { CompileContext, Extension, Token } from 'mdast-util-from-markdown';
import { KEBAB_CASE } from '../id.ts';
import type { BrokenCitation, Citation } from './types.ts';

/**
 * The ids a citation's inside (`@a; @b`) names, and the parts that are not `@` and a kebab-case id.
 * Parts are split on `;` and trimmed.
 */
export function parseCitationIds(inside: string): { ids: string[]; malformed: string[] } {
  const ids: string[] = [];
  const malformed: string[] = [];
  for (const part of inside.split(';')) {
    const trimmed = part.trim();
    const id = trimmed.slice(1);
    if (trimmed.startsWith('@') && KEBAB_CASE.test(id)) ids.push(id);
    else malformed.push(trimmed);
  }
  return { ids, malformed };
}

/** The mdast-util-from-markdown extension that turns the citation syntax's tokens into `citation` and `brokenCitation` nodes. */
export function citationFromMarkdown(): Extension {
  return {
    enter: {
      citation(this: CompileContext, token: Token) {
        this.enter({ type: 'citation', value: '', ids: [], malformed: [] } satisfies Citation as never, token);
      },
      citationBroken(this: CompileContext, token: Token) {
        this.enter({ type: 'brokenCitation', value: '' } satisfies BrokenCitation as never, token);
      },
    },
    exit: {
      citationValue(this: CompileContext, token: Token) {
        Object.assign(this.stack.at(-1) as Citation, parseCitationIds(this.sliceSerialize(token)));
      },
      citation(this: CompileContext, token: Token) {
        const node = this.stack.at(-1) as Citation;
        node.value = this.sliceSerialize(token);
        // In an image's description the citation becomes part of the plain `alt` text: the image keeps a note of it.
        const image = (this.stack as Nodes[]).findLast((ancestor): ancestor is Image => ancestor.type === 'image');
        if (image) ((image.data ??= {}).citations ??= []).push(node);
        this.exit(token);
      },
      citationBroken(this: CompileContext, token: Token) {
        (this.stack.at(-1) as BrokenCitation).value = this.sliceSerialize(token);
        this.exit(token);
      },
    },
  };
}
