/**
 * Rows: the unit the typesetter stacks and flows into columns. A row is a horizontal slice (a line of text, a table
 * row, an image) whose marks are positioned relative to the row's top-left corner in its frame; placing the row
 * moves its marks onto the page.
 */
import type { BlockGeometry, Layout } from './layout.js';
import type { ListBlock, Section } from '../model/briefing.js';
import type { Theme } from '../theme/theme.js';
import { placeMark, type Group, type Mark } from './display.js';
import type { InlineEnv, SetLine, SpanStyle } from './text.js';
import { getFace } from './faces.js';
import { styleFont } from './text.js';

export interface Row {
  height: number;
  /** Space wanted above the row; dropped at the top of a column. */
  spaceBefore: number;
  /** Keep this row in the same column as the next one (headings, orphan and widow lines). */
  keepWithNext: boolean;
  marks: Mark[];
  /** Set across the page's width between the body's columns (a row of a table too wide for a column). */
  span?: boolean;
  /** A table's header row, drawn again above this row when the row starts a column or a page. */
  header?: RepeatedHeader;
}

/** A table's header row to draw again where the table goes on in another column or on another page. */
export interface RepeatedHeader {
  height: number;
  /** Fresh, frame-relative copies of the header row's marks. */
  copy: () => Mark[];
  /** The table's group: each copy goes into it, drawn as decoration (it repeats what was read once). */
  group: Group;
}

/**
 * What the typesetter's block and region handlers inherit from where they sit (Pandoc's Env): where they are, how
 * wide, and the current text style. Copied with changes where a handler descends (a list item, a quote); `blocks` and
 * `unsplit` are shared by every copy.
 */
export interface TypesetEnv {
  theme: Theme;
  layout: Layout;
  /** Left offset in the frame and the width available there. */
  x: number;
  width: number;
  style: SpanStyle;
  inline: InlineEnv;
  /** Line height of running text at `style.size`. */
  lineHeight: number;
  /** Lists enclosing this place (0 outside lists): the depth whose marker a list here shows. */
  listDepth: number;
  /**
   * Where the typesetter records each table's and picture's geometry as it sets them (the fit hands what it recorded
   * at the chosen size to the emitters as `Layout.blocks`).
   */
  blocks: BlockGeometry;
  /**
   * Set on the body column's env: a table there too wide for the column may span the page. Blocks nested in lists
   * and quotes inherit it but sit narrower than the column, which is how the table handler tells them apart.
   */
  bodyColumn?: boolean;
  /** Where handlers record the lists and sections they keep in one column (shared by every env of one typesetting). */
  unsplit: Set<ListBlock | Section>;
}

export function row(height: number, marks: Mark[] = [], spaceBefore = 0, keepWithNext = false): Row {
  return { height, spaceBefore, keepWithNext, marks };
}

/** Baseline offset within a line box: half the extra leading above the face's ascent, as CSS and Word do. */
export function baselineIn(lineHeight: number, style: SpanStyle): number {
  const face = getFace(style.family, styleFont(style));
  return (lineHeight - (face.ascent + face.descent) * style.size) / 2 + face.ascent * style.size;
}

export type Align = 'left' | 'center' | 'right';

/** One row per set line, text starting at `x` in a box `width` wide. */
export function lineRows(lines: readonly SetLine[], style: SpanStyle, lineHeight: number, x: number, width: number, align: Align = 'left'): Row[] {
  const baseline = baselineIn(lineHeight, style);
  return lines.map((line) => {
    const offset = align === 'left' ? 0 : align === 'right' ? width - line.width : (width - line.width) / 2;
    return row(lineHeight, [{ type: 'line', page: 0, x: x + offset, baseline, fragments: line.fragments }]);
  });
}

/** Keeps rows in one column: each with the next (the flow breaks the chain only where a column is too short). */
export function keepTogether(rows: readonly Row[]): void {
  for (let i = 0; i + 1 < rows.length; i++) rows[i]!.keepWithNext = true;
}

/** Stacks rows from `y` down without column breaks (full-width regions); returns the bottom. */
export function stackRows(rows: readonly Row[], x: number, y: number, page: number): number {
  let cursor = y;
  rows.forEach((r, i) => {
    if (i > 0) cursor += r.spaceBefore;
    for (const mark of r.marks) placeMark(mark, x, cursor, page);
    cursor += r.height;
  });
  return cursor;
}

/** Height of rows stacked as `stackRows` would. */
export function stackedHeight(rows: readonly Row[]): number {
  return rows.reduce((sum, r, i) => sum + r.height + (i > 0 ? r.spaceBefore : 0), 0);
}
