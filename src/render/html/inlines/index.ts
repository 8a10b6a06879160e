/** One handler per inline kind; a kind missing from the map is a compile error. */
import type { Inline, InlineKind } from '../../../model/briefing.js';
import type { State } from '../state.js';
import { link } from './link.js';
import { code, emphasis, lineBreak, strikethrough, strong, text } from './phrasing.js';

export type InlineHandlers = { [K in InlineKind]: (node: Extract<Inline, { type: K }>, state: State) => string };

export const inlineHandlers: InlineHandlers = {
  text,
  strong,
  emphasis,
  strikethrough,
  code,
  link,
  break: lineBreak,
};

export function renderInlines(nodes: readonly Inline[], state: State): string {
  let out = '';
  for (const node of nodes) {
    // The map is indexed by the node's own kind, which TypeScript cannot correlate through a union.
    const handler = inlineHandlers[node.type] as (node: Inline, state: State) => string;
    out += handler(node, state);
  }
  return out;
}
