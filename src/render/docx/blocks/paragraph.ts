import { Paragraph } from 'docx';
import type { ParagraphBlock } from '../../../model/briefing.js';
import { inlines } from '../inlines/index.js';
import type { State } from '../state.js';
import { twips } from '../units.js';

/** Running text in the style of where it sits (Body Text, Quote in a block quote, List Continue in a list item). */
export function paragraph(node: ParagraphBlock, state: State): Paragraph[] {
  const children = inlines(node.children, state);
  // An empty paragraph would only add a blank line the PDF and HTML do not have.
  if (children.length === 0) return [];
  // The indent of a list item's later paragraphs depends on its depth, which no one style can know.
  const indent = state.env.indent > 0 ? { indent: { left: twips(state.env.indent) } } : {};
  return [new Paragraph({ style: state.env.paragraphStyle, children, ...indent })];
}
