/**
 * One handler per block kind, in a map typed over the model's kinds: a kind added to the model is a compile error
 * here until it has a handler. Each handler returns the Word blocks (paragraphs, tables) it made.
 */
import type { Paragraph, Table } from 'docx';
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

export type WordBlock = Paragraph | Table;
export type BlockHandler<K extends BlockKind> = (node: Extract<Block, { type: K }>, state: State) => WordBlock[];

export const blockHandlers: { [K in BlockKind]: BlockHandler<K> } = {
  paragraph,
  heading,
  list,
  blockquote,
  table,
  code,
  image,
  thematicBreak,
};

export function blocks(nodes: readonly Block[], state: State): WordBlock[] {
  return nodes.flatMap((node) => dispatch(node, state));
}

function dispatch<K extends BlockKind>(node: Extract<Block, { type: K }>, state: State): WordBlock[] {
  const handler = blockHandlers[node.type as K];
  return handler(node, state);
}
