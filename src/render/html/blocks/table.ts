import type { ColumnAlign, TableBlock, TableCell } from '../../../model/briefing.js';
import type { State } from '../state.js';

function alignClass(align: ColumnAlign | undefined): string {
  return align ? ` class="align-${align}"` : '';
}

function cell(tag: 'th' | 'td', node: TableCell, align: ColumnAlign | undefined, state: State): string {
  const scope = tag === 'th' ? ' scope="col"' : '';
  return `<${tag}${scope}${alignClass(align)}>${state.inlines(node.children)}</${tag}>`;
}

export function table(node: TableBlock, state: State): string {
  const head = state.withFace({ bold: true }, () => node.header.map((c, i) => cell('th', c, node.align[i], state)).join(''));
  const rows = node.rows
    .map((row) => `<tr>${row.map((c, i) => cell('td', c, node.align[i], state)).join('')}</tr>\n`)
    .join('');
  return `<table>\n<thead>\n<tr>${head}</tr>\n</thead>\n<tbody>\n${rows}</tbody>\n</table>\n`;
}
