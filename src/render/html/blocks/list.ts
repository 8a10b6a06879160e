import type { ListBlock, ListItem } from '../../../model/briefing.js';
import type { State } from '../state.js';

function item(node: ListItem, state: State): string {
  // A drawn box rather than a ☐/☑ glyph: the body faces lack those, and the PDF and DOCX draw their own.
  const task =
    node.checked === undefined
      ? ''
      : `<span class="task${node.checked ? ' done' : ''}" role="img" aria-label="${node.checked ? 'done' : 'to do'}"></span> `;
  return `<li${task ? ' class="task-item"' : ''}>${task}${state.blocks(node.children).trimEnd()}</li>\n`;
}

export function list(node: ListBlock, state: State): string {
  // Nested bullets are an en dash with no-break spaces (css.ts); a top-level disc is drawn, not set in a font.
  if (!node.ordered) state.fonts.record('\u2013\u00a0', state.face);
  if (node.ordered) {
    // Chromium draws the numbers ("12.") in the item's face: those glyphs must be in the subset.
    state.fonts.record(markerText(node.start, node.start + node.items.length - 1), state.face);
  }
  const items = node.items.map((i) => item(i, state)).join('');
  if (!node.ordered) return `<ul>\n${items}</ul>\n`;
  const start = node.start === 1 ? '' : ` start="${node.start}"`;
  return `<ol${start}>\n${items}</ol>\n`;
}

function markerText(first: number, last: number): string {
  let text = '. ';
  for (let n = first; n <= last; n++) text += String(n);
  return text;
}
