/**
 * One typesetting handler per block kind: each turns a model block into rows (for stacking and column flow) and a
 * group (for the structure tree). Marks are frame-relative until the rows are placed.
 */
import type { Block, BlockKind, Inline, TableCell } from '../model/briefing.js';
import { part, type Group, type Mark, type Node } from './display.js';
import { baselineIn, keepTogether, lineRows, row, stackedHeight, type Align, type RepeatedHeader, type Row, type TypesetEnv } from './frame.js';
import { pictureGeometry } from './pictures.js';
import { tableGeometry, tableStyles } from './tables.js';
import { setLines, spansOf, widthOf, type SetLine, type SpanStyle } from './text.js';
import { plainText } from '../model/text.js';
import { markerText, taskBox } from './markers.js';

export interface Built {
  rows: Row[];
  group: Group;
}

type BlockHandlers = { [K in BlockKind]: (node: Extract<Block, { type: K }>, env: TypesetEnv) => Built };

function marksOf(rows: readonly Row[]): Mark[] {
  return rows.flatMap((r) => r.marks);
}

/** Keeps a paragraph's first two and last two lines together (no orphans or widows). */
function keepLines(rows: Row[]): Row[] {
  if (rows.length >= 2) {
    rows[0]!.keepWithNext = true;
    rows[rows.length - 2]!.keepWithNext = true;
  }
  return rows;
}

function textRows(inlines: readonly Inline[], env: TypesetEnv, style: SpanStyle = env.style): Row[] {
  const lines = setLines(spansOf(inlines, style, env.inline), env.width);
  return lineRows(lines, style, env.lineHeight, env.x, env.width);
}

function listLabel(env: TypesetEnv, ordered: boolean, number: number, checked: boolean | undefined): string {
  const { markers } = env.layout.geometry.list;
  if (checked !== undefined) return taskBox(markers, checked);
  return markerText(markers, ordered, env.listDepth, number);
}

function tableCellRows(cell: TableCell, style: SpanStyle, env: TypesetEnv, width: number, align: Align, lineHeight: number, x: number): Row[] {
  const lines = setLines(spansOf(cell.children, style, env.inline), width);
  return lineRows(lines, style, lineHeight, x, width, align);
}

const blockHandlers: BlockHandlers = {
  paragraph: (node, env) => {
    const rows = keepLines(textRows(node.children, env));
    return { rows, group: { type: 'block', block: node, children: marksOf(rows) } };
  },

  heading: (node, env) => {
    const style: SpanStyle = { ...env.style, family: env.theme.fonts.heading, bold: true, colour: env.theme.colours.primary };
    const rows = textRows(node.children, env, style);
    for (const r of rows) r.keepWithNext = true;
    if (rows[0]) rows[0].spaceBefore = env.layout.geometry.subheadBefore;
    return { rows, group: { type: 'block', block: node, children: marksOf(rows) } };
  },

  list: (node, env) => {
    const { indent, itemSpacing, innerSpacing, bulletX, numberGap, taskX, markers } = env.layout.geometry.list;
    const items: Node[] = [];
    const rows: Row[] = [];
    node.items.forEach((item, index) => {
      const inner: TypesetEnv = { ...env, x: env.x + indent, width: env.width - indent, listDepth: env.listDepth + 1 };
      const body = stackBlocks(item.children, inner, innerSpacing);
      const first = body.rows[0] ?? row(env.lineHeight);
      if (body.rows.length === 0) body.rows.push(first);
      const text = listLabel(env, node.ordered, node.start + index, item.checked);
      const labelStyle: SpanStyle = { ...env.style, italic: false, colour: node.ordered ? markers.numberColour : markers.bulletColour };
      const [labelLine] = setLines([{ text, style: labelStyle }], indent);
      const firstLine = first.marks.find((m) => m.type === 'line');
      const baseline = firstLine?.type === 'line' ? firstLine.baseline : baselineIn(env.lineHeight, labelStyle);
      const labelWidth = labelLine?.width ?? 0;
      const label: Mark = {
        type: 'line',
        page: 0,
        x: item.checked !== undefined ? env.x + taskX : node.ordered ? env.x + indent - labelWidth - numberGap : env.x + bulletX,
        baseline,
        fragments: labelLine?.fragments ?? [],
      };
      first.marks.push(label);
      if (index > 0) first.spaceBefore = itemSpacing;
      items.push(part('listItem', [part('listLabel', [label]), part('listBody', body.groups)]));
      rows.push(...body.rows);
    });
    if (stackedHeight(rows) <= env.layout.geometry.shortBlock) {
      keepTogether(rows);
      env.unsplit.add(node);
    }
    return { rows, group: { type: 'block', block: node, children: items } };
  },

  blockquote: (node, env) => {
    const { inset, rule: ruleThickness } = env.layout.geometry.blockquote;
    const inner: TypesetEnv = { ...env, x: env.x + inset, width: env.width - inset, style: { ...env.style, italic: true } };
    const body = stackBlocks(node.children, inner, env.layout.paragraphSpacing);
    const bars: Mark[] = body.rows.map((r) => ({
      type: 'rule',
      page: 0,
      x1: env.x + ruleThickness / 2,
      y1: 0,
      x2: env.x + ruleThickness / 2,
      y2: r.height,
      thickness: ruleThickness,
      colour: env.theme.colours.rule,
    }));
    body.rows.forEach((r, i) => r.marks.push(bars[i]!));
    return { rows: body.rows, group: { type: 'block', block: node, children: [...bars, ...body.groups] } };
  },

  table: (node, env) => {
    const { columns: widths, width, span, align: aligns } = tableGeometry(node, env);
    const { padX, padY, rule: gridRule, leading: lineHeight } = env.layout.geometry.table;
    const styles = tableStyles(env);
    // A table set across the page is placed from the page's content edge, not the column's.
    const left = span ? 0 : env.x;
    const xs = widths.map((_, c) => left + widths.slice(0, c).reduce((a, b) => a + b, 0));
    // The text's measure: the column less its padding and the grid rule, half of which Chromium takes from each side.
    const textWidth = (column: number): number => column - 2 * padX - gridRule;
    const rule = env.theme.colours.rule;
    const rows: Row[] = [];
    const trs: Node[] = [];
    const group: Group = { type: 'block', block: node, children: trs };
    let header: RepeatedHeader | undefined;
    [node.header, ...node.rows].forEach((cells, r, all) => {
      const head = r === 0;
      const cellRows = aligns.map((align, c) =>
        tableCellRows(cells[c] ?? { children: [] }, head ? styles.head : styles.cell, env, textWidth(widths[c]!), align, lineHeight, xs[c]! + padX),
      );
      const height = Math.max(1, ...cellRows.map((rs) => rs.length)) * lineHeight + 2 * padY;
      const marks: Mark[] = [];
      if (head) marks.push({ type: 'rect', page: 0, x: left, y: 0, width, height, fill: env.theme.colours.summaryBackground });
      const hline = (y: number): Mark => ({ type: 'rule', page: 0, x1: left, y1: y, x2: left + width, y2: y, thickness: gridRule, colour: rule });
      marks.push(hline(0));
      if (r === all.length - 1) marks.push(hline(height));
      for (const x of [...xs, left + width]) marks.push({ type: 'rule', page: 0, x1: x, y1: 0, x2: x, y2: height, thickness: gridRule, colour: rule });
      const cellsGroups = cellRows.map((rs) => {
        rs.forEach((lr, i) => {
          for (const m of lr.marks) if (m.type === 'line') m.baseline += padY + i * lineHeight;
        });
        return part(head ? 'tableHeaderCell' : 'tableCell', marksOf(rs));
      });
      const tableRow = row(height, [...marks, ...cellRows.flatMap((rs) => marksOf(rs))], 0, head);
      if (span) tableRow.span = true;
      if (header) tableRow.header = header;
      if (head) {
        // Copied before the flow places the row: the copies start frame-relative, as the row did.
        const template = tableRow.marks.map((m) => ({ ...m }));
        header = { height, copy: () => template.map((m) => ({ ...m })), group };
      }
      rows.push(tableRow);
      trs.push(part('tableRow', [...marks, ...cellsGroups]));
    });
    return { rows, group };
  },

  code: (node, env) => {
    const size = env.layout.smallSize;
    const { pad, leading: lineHeight } = env.layout.geometry.code;
    const style: SpanStyle = { ...env.style, family: env.theme.fonts.mono, bold: false, italic: false, size, marks: ['code'] };
    const source = node.value.replace(/\t/g, '    ').split('\n');
    const lines: SetLine[] = source.flatMap((text) => setLines([{ text, style }], env.width - 2 * pad, env.width - 2 * pad, true));
    const rows = lineRows(lines, style, lineHeight, env.x + pad, env.width - 2 * pad);
    rows.forEach((r, i) => {
      const top = i === 0 ? pad : 0;
      const bottom = i === rows.length - 1 ? pad : 0;
      for (const m of r.marks) if (m.type === 'line') m.baseline += top;
      r.height += top + bottom;
      r.marks.unshift({ type: 'rect', page: 0, x: env.x, y: 0, width: env.width, height: r.height, fill: env.theme.colours.summaryBackground });
    });
    return { rows, group: { type: 'block', block: node, children: marksOf(rows) } };
  },

  image: (node, env) => {
    const { width, height } = pictureGeometry(node, env);
    const image: Mark = { type: 'image', page: 0, x: env.x, y: 0, width, height, block: node };
    if (!node.title) return { rows: [row(height, [image])], group: { type: 'block', block: node, children: [image] } };
    // The title is the picture's caption below it, small and muted as the HTML's figcaption and Word's Caption style,
    // kept on the picture's page and column.
    const style: SpanStyle = { ...env.style, size: env.layout.smallSize, colour: env.theme.colours.muted, bold: false, italic: false, marks: [] };
    const lines = setLines([{ text: node.title, style }], env.width);
    const captionRows = lineRows(lines, style, env.layout.geometry.smallLeading, env.x, env.width);
    const rows = [row(height, [image], 0, true), ...keepLines(captionRows)];
    return { rows, group: { type: 'block', block: node, children: [image, part('caption', marksOf(captionRows))] } };
  },

  thematicBreak: (node, env) => {
    const { height, rule: thickness } = env.layout.geometry.thematicBreak;
    const rule: Mark = { type: 'rule', page: 0, x1: env.x, y1: height / 2, x2: env.x + env.width, y2: height / 2, thickness, colour: env.theme.colours.rule };
    return { rows: [row(height, [rule])], group: { type: 'block', block: node, children: [rule] } };
  },
};

export function buildBlock(block: Block, env: TypesetEnv): Built {
  // The map is keyed by kind, so this lookup is total; TypeScript cannot narrow the pair by itself.
  return (blockHandlers[block.type] as (node: Block, env: TypesetEnv) => Built)(block, env);
}

/** Blocks one after another, `spacing` between them (a handler may ask for more). */
export function stackBlocks(blocks: readonly Block[], env: TypesetEnv, spacing: number): { rows: Row[]; groups: Group[] } {
  const rows: Row[] = [];
  const groups: Group[] = [];
  blocks.forEach((block, i) => {
    const built = buildBlock(block, env);
    const first = built.rows[0];
    if (first) first.spaceBefore = i === 0 ? 0 : Math.max(spacing, first.spaceBefore);
    rows.push(...built.rows);
    groups.push(built.group);
  });
  return { rows, groups };
}
