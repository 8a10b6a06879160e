import type { BlockquoteBlock } from '../../../model/briefing.js';
import type { State } from '../state.js';

export function blockquote(node: BlockquoteBlock, state: State): string {
  return `<blockquote>\n${state.withFace({ italic: true }, () => state.blocks(node.children))}</blockquote>\n`;
}
