/** One handler per block kind; a kind missing from the map is a compile error. */
import type { Block } from '../../../model/briefing.js';
import { renderEach, type Handlers } from '../handlers.js';
import type { State } from '../state.js';
import { blockquote } from './blockquote.js';
import { code } from './code.js';
import { heading } from './heading.js';
import { image } from './image.js';
import { list } from './list.js';
import { paragraph } from './paragraph.js';
import { table } from './table.js';
import { thematicBreak } from './thematic-break.js';

export type BlockHandlers = Handlers<Block>;

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
  return renderEach(nodes, blockHandlers, state);
}
