import type { Briefing, ImageBlock, ListBlock, Section, TableBlock } from '../model/briefing.js';
import type { Geometry } from './geometry.js';

/** How the layout set one table: its columns' widths and where it sits. */
export interface TableGeometry {
  /** Each column's width in points, cell padding included, left to right; they add up to `width`. */
  columns: number[];
  width: number;
  /**
   * Set across the page's full content width, the body's columns stopping above it and going on below it: its
   * columns' least widths (each its longest word) do not fit a text column.
   */
  span: boolean;
  /**
   * Each column's alignment, header and body alike: the source's (GFM `:---:`), else right for a column of numbers
   * (./tables.ts `columnAligns`), else left.
   */
  align: ('left' | 'center' | 'right')[];
}

/** How the layout drew one picture: its size in points, upright (the parser turned a rotated photo upright). */
export interface PictureGeometry {
  width: number;
  height: number;
}

/**
 * What the layout decided for each table and picture of the briefing, keyed by the model's block object (the
 * emitters walk the same model and look their block up).
 */
export interface BlockGeometry {
  /** The briefing these are of (none: a layout of sizes only, as `layoutAtSize` makes it). */
  briefing?: Briefing;
  tables: Map<TableBlock, TableGeometry>;
  pictures: Map<ImageBlock, PictureGeometry>;
}

export function noBlockGeometry(briefing?: Briefing): BlockGeometry {
  return { ...(briefing ? { briefing } : {}), tables: new Map(), pictures: new Map() };
}

/**
 * The fitted layout: what the fit step decided after measuring a briefing with the real fonts, handed unchanged to
 * the PDF, DOCX and HTML emitters so the three agree on page, size and columns. All lengths are in points.
 * Sizes and per-block decisions, not positions: the marks set at these sizes are the typesetter's TypesetPages
 * (./typeset.ts), which the fit judges and the PDF draws; Word and the browser set the text themselves at them.
 */
export interface Layout {
  page: {
    width: number;
    height: number;
    margin: { top: number; right: number; bottom: number; left: number };
  };
  /** Body text size chosen by the fit step, within the theme's range. */
  bodySize: number;
  /** Baseline-to-baseline distance of body lines. */
  leading: number;
  /** Body columns and the gap between them: the theme's, or one for a body that fills well under half the page. */
  columns: number;
  columnGap: number;
  /** Space after a paragraph or list item group, before a section heading, and around boxed blocks. */
  paragraphSpacing: number;
  sectionSpacing: number;
  blockSpacing: number;
  /** Derived sizes: the title, section headings, and small text (header band details, footer, captions). */
  titleSize: number;
  headingSize: number;
  smallSize: number;
  /** 1 for a one-pager; more only when the briefing allows multi-page output and needed it. */
  pages: number;
  /** How much of the page's body area the content used at this size, 0–1 (for messages and tests). */
  fill: number;
  /** The footer's height from its rule to its last line as the typesetter set it (the banner below it not counted). */
  footerHeight: number;
  /**
   * Whether the typesetter set the footer's two parts one under the other (they do not fit side by side on one line):
   * the DOCX then writes them as two lines too, not as two cells of one.
   */
  footerStacked: boolean;
  /** Every other length of the page at this size: boxes, insets, gaps, line heights, rules (./geometry.ts). */
  geometry: Geometry;
  /**
   * The quote the page pulls (an index into the briefing's quotes, null for none), when the fit chose among the
   * model's candidates; absent, the model's own `pullQuote` stands.
   */
  pullQuote?: number | null;
  /** The classification banner's colours for this briefing's marking; absent, the theme's neutral banner colours. */
  banner?: { background: string; text: string };
  /** Each table's column widths and each picture's size, as the typesetter set them at this size. */
  blocks: BlockGeometry;
  /**
   * The lists and sections of the briefing short enough (geometry.shortBlock) that the typesetter keeps each in one
   * column; Word keeps their paragraphs together and the HTML does not break inside them, so no format splits them.
   */
  unsplit: ReadonlySet<ListBlock | Section>;
}

/** The table's geometry as the layout recorded it; a layout without it was not laid out for this briefing (a bug). */
export function tableGeometryOf(layout: Layout, node: TableBlock): TableGeometry {
  const found = layout.blocks.tables.get(node);
  if (!found) throw new Error('the layout has no column widths for a table: it was not laid out for this briefing (see completeLayout)');
  return found;
}

/** The picture's drawn size as the layout recorded it; a layout without it was not laid out for this briefing (a bug). */
export function pictureGeometryOf(layout: Layout, node: ImageBlock): PictureGeometry {
  const found = layout.blocks.pictures.get(node);
  if (!found) throw new Error('the layout has no size for a picture: it was not laid out for this briefing (see completeLayout)');
  return found;
}
