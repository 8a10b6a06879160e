import type { BlockquoteBlock } from '../../../model/briefing.js';
import { withEnv, type State } from '../state.js';
import { STYLE } from '../style-ids.js';
import { blocks, type WordBlock } from './index.js';

/** The Quote style carries the bar and the italic; its blocks are written in it. */
export function blockquote(node: BlockquoteBlock, state: State): WordBlock[] {
  const inset = quoteInset(state);
  return blocks(node.children, withEnv(state, { paragraphStyle: STYLE.quote, width: state.env.width - inset }));
}

/** How far the Quote style indents its text, in points (styles.ts uses the same). */
export const quoteInset = (state: Pick<State, 'layout'>): number => state.layout.bodySize;
