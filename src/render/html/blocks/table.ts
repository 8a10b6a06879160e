import { tableGeometryOf, type TableGeometry } from '../../../layout/layout.js';
import type { TableBlock, TableCell } from '../../../model/briefing.js';
import type { State } from '../state.js';

/** The layout's alignment of the column. */
function alignClass(align: TableGeometry['align'][number]): string {
  return ` class="align-${align}"`;
}

function cell(tag: 'th' | 'td', node: TableCell, align: TableGeometry['align'][number], state: State): string {
  const scope = tag === 'th' ? ' scope="col"' : '';
  return `<${tag}${scope}${alignClass(align)}>${state.inlines(node.children)}</${tag}>`;
}

/** A share of the table's width, as the colgroup writes it. */
function percent(part: number, whole: number): string {
  return `${Math.round((part / whole) * 1e6) / 1e4}%`;
}

/**
 * The layout's column widths as a colgroup, laid out fixed (css.ts), as shares of the table's width: in print the
 * table is exactly as wide as the layout set it (its column, or the page when it spans), so each column is the
 * layout's width; on a phone the same proportions fill the screen. A spanning table crosses the columns
 * (`column-span: all`). Chromium repeats the thead where the table breaks across pages.
 */
export function table(node: TableBlock, state: State): string {
  const geometry = tableGeometryOf(state.layout, node);
  const cols = geometry.columns.map((w) => `<col style="width:${percent(w, geometry.width)}">`).join('');
  const head = state.withFace({ bold: true }, () => node.header.map((c, i) => cell('th', c, geometry.align[i] ?? 'left', state)).join(''));
  const rows = node.rows
    .map((row) => `<tr>${row.map((c, i) => cell('td', c, geometry.align[i] ?? 'left', state)).join('')}</tr>\n`)
    .join('');
  const span = geometry.span ? ' class="span"' : '';
  return `<table${span}>\n<colgroup>${cols}</colgroup>\n<thead>\n<tr>${head}</tr>\n</thead>\n<tbody>\n${rows}</tbody>\n</table>\n`;
}
