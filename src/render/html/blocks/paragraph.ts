import type { ParagraphBlock } from '../../../model/briefing.js';
import type { State } from '../state.js';

export function paragraph(node: ParagraphBlock, state: State): string {
  return `<p>${state.inlines(node.children)}</p>\n`;
}
