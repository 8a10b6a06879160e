import { Paragraph } from 'docx';
import type { HeadingBlock } from '../../../model/briefing.js';
import { inlines } from '../inlines/index.js';
import type { State } from '../state.js';
import { headingStyle } from '../style-ids.js';

/** `###`–`######` inside a section: Heading 2–5 (section titles are Heading 1), so Word's outline stays true. */
export function heading(node: HeadingBlock, state: State): Paragraph[] {
  return [new Paragraph({ style: headingStyle(node.depth), children: inlines(node.children, state) })];
}
