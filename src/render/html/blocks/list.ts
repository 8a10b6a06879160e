import { markerLevel, markerText, taskBox } from '../../../layout/markers.js';
import type { ListBlock, ListItem } from '../../../model/briefing.js';
import type { State } from '../state.js';

/**
 * The layout's box (☑ done, ☐ to do), upright in the face the PDF sets it in (its character recorded for the subset),
 * where the layout puts it: css.ts sets the span from the list's edge to the text.
 */
function taskSpan(checked: boolean, state: State): string {
  const box = state.withFace({ italic: false }, () => state.text(taskBox(state.layout.geometry.list.markers, checked)));
  return `<span class="task" role="img" aria-label="${checked ? 'done' : 'to do'}">${box}</span>`;
}

function item(node: ListItem, state: State): string {
  const task = node.checked === undefined ? '' : taskSpan(node.checked, state);
  return `<li${task ? ' class="task-item"' : ''}>${task}${state.blocks(node.children).trimEnd()}</li>\n`;
}

/**
 * The layout's marker for this depth is the list's class (css.ts writes one rule per depth from the same markers);
 * Chromium sets the marker in the item's face, upright, so its characters must be in that face's subset.
 */
export function list(node: ListBlock, state: State): string {
  const depth = state.listDepth;
  const markers = state.layout.geometry.list.markers;
  const last = node.start + node.items.length - 1;
  let used = ' \u00a0';
  for (let n = node.start; n <= (node.ordered ? last : node.start); n++) used += markerText(markers, node.ordered, depth, n);
  state.fonts.record(used, { ...state.face, italic: false });
  state.listDepth = depth + 1;
  let items: string;
  try {
    items = node.items.map((i) => item(i, state)).join('');
  } finally {
    state.listDepth = depth;
  }
  const tag = node.ordered ? 'ol' : 'ul';
  const start = node.ordered && node.start !== 1 ? ` start="${node.start}"` : '';
  // A short list is kept in one column, as the layout keeps it.
  const unsplit = state.layout.unsplit.has(node) ? ' unsplit' : '';
  return `<${tag} class="${listClass(depth)}${unsplit}"${start}>\n${items}</${tag}>\n`;
}

/** The class that gives a list at `depth` its marker. */
export function listClass(depth: number): string {
  return `depth-${markerLevel(depth)}`;
}
