import type { HeadingBlock } from '../../../model/briefing.js';
import type { State } from '../state.js';

/**
 * `###`+ headings sit under an h2 (a section or a box label). The level follows the source depth but never skips
 * one (### then ##### gives h3 then h4), so assistive technology sees an ordered outline.
 */
export function heading(node: HeadingBlock, state: State): string {
  const level = Math.max(3, Math.min(node.depth, state.headingLevel + 1));
  state.headingLevel = level;
  const content = state.withFace({ role: 'heading', bold: true }, () => state.inlines(node.children));
  return `<h${level} class="subhead">${content}</h${level}>\n`;
}
