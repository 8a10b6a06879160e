import { AlignmentType, Paragraph, ShadingType, Table, TableCell, TableLayoutType, TableRow, WidthType } from 'docx';
import { tableGeometryOf, type TableGeometry } from '../../../layout/layout.js';
import type { TableBlock, TableCell as ModelCell } from '../../../model/briefing.js';
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
 * A Table Grid table with the layout's column widths, laid out fixed (`w:tblLayout fixed`, the grid and every cell's
 * width), so Word and LibreOffice break its lines where the PDF does instead of sizing columns of their own. The
 * header row repeats on a new page and is shaded. Column alignment (the layout's: a column of figures is set right)
 * and the header shading are per cell in
 * WordprocessingML (table-style conditional formats are not read alike by every client), so they are direct
 * formatting. A table the layout set across the page sits in a one-column section of its own (index.ts).
 */
export function table(node: TableBlock, state: State): Table[] {
  const geometry = tableGeometryOf(state.layout, node);
  const widths = gridColumns(geometry.columns);
  const row = (cells: ModelCell[], header: boolean): TableRow =>
    new TableRow({
      tableHeader: header,
      cantSplit: true,
      children: widths.map((width, i) => cell(cells[i], geometry.align[i] ?? 'left', width, header, state)),
    });
  return [
    new Table({
      style: STYLE.tableGrid,
      layout: TableLayoutType.FIXED,
      width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
      columnWidths: widths,
      rows: [row(node.header, true), ...node.rows.map((cells) => row(cells, false))],
    }),
  ];
}

/** Widths in twips rounded where the columns meet, so they add up to the table's width rounded once. */
function gridColumns(points: readonly number[]): number[] {
  let edge = 0;
  return points.map((w) => {
    const from = twips(edge);
    edge += w;
    return twips(edge) - from;
  });
}

function cell(model: ModelCell | undefined, align: TableGeometry['align'][number], width: number, header: boolean, state: State): TableCell {
  // Every cell needs a paragraph, even an empty one: a cell without one is unreadable content to Word.
  const paragraph = new Paragraph({
    style: header ? STYLE.tableHeading : STYLE.tableText,
    alignment: ALIGN[align],
    children: inlines(model?.children ?? [], state),
  });
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    ...(header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: hex(state.theme.colours.summaryBackground) } } : {}),
    children: [paragraph],
  });
}
