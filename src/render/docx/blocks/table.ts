import { AlignmentType, Paragraph, ShadingType, Table, TableCell, TableRow, WidthType } from 'docx';
import type { ColumnAlign, TableBlock, TableCell as ModelCell } from '../../../model/briefing.js';
import { inlines } from '../inlines/index.js';
import type { State } from '../state.js';
import { STYLE } from '../style-ids.js';
import { hex, twips } from '../units.js';

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
} as const;

/**
 * A Table Grid table across the column: the header row repeats on a new page and is shaded. Column alignment and
 * the header shading are per cell in WordprocessingML (table-style conditional formats are not read alike by
 * every client), so they are direct formatting.
 */
export function table(node: TableBlock, state: State): Table[] {
  const columns = Math.max(1, node.align.length);
  const widths = Array.from({ length: columns }, () => Math.floor(twips(state.env.width) / columns));
  const row = (cells: ModelCell[], header: boolean): TableRow =>
    new TableRow({
      tableHeader: header,
      cantSplit: true,
      children: widths.map((width, i) => cell(cells[i], node.align[i] ?? null, width, header, state)),
    });
  return [
    new Table({
      style: STYLE.tableGrid,
      width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
      columnWidths: widths,
      rows: [row(node.header, true), ...node.rows.map((cells) => row(cells, false))],
    }),
  ];
}

function cell(model: ModelCell | undefined, align: ColumnAlign, width: number, header: boolean, state: State): TableCell {
  // Every cell needs a paragraph, even an empty one: a cell without one is unreadable content to Word.
  const paragraph = new Paragraph({
    style: header ? STYLE.tableHeading : STYLE.tableText,
    ...(align ? { alignment: ALIGN[align] } : {}),
    children: inlines(model?.children ?? [], state),
  });
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    ...(header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: hex(state.theme.colours.summaryBackground) } } : {}),
    children: [paragraph],
  });
}
