/** One handler per block kind; a kind missing from the map is a compile error. */
import type { Block, BlockKind } from '../../../model/briefing.js';
import type { State } from '../state.js';
import { blockquote } from './blockquote.js';
import { code } from './code.js';
import { heading } from './heading.js';
import { image } from './image.js';
import { list } from './list.js';
import { paragraph } from './paragraph.js';
import { table } from './table.js';
import { thematicBreak } from './thematic-break.js';

export type BlockHandlers = { [K in BlockKind]: (node: Extract<Block, { type: K }>, state: State) => string };

export const blockHandlers: BlockHandlers = {
  paragraph,
  heading,
  list,
  blockquote,
  table,
  code,
  image,
  thematicBreak,
};

export function renderBlocks(nodes: readonly Block[], state: State): string {
  let out = '';
  for (const node of nodes) {
    // The map is indexed by the node's own kind, which TypeScript cannot correlate through a union.
    const handler = blockHandlers[node.type] as (node: Block, state: State) => string;
    out += handler(node, state);
  }
  return out;
}
