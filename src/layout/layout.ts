import type { ListBlock, Section } from '../model/briefing.js';
import type { Geometry } from './geometry.js';

/**
 * The fitted layout: what the fit step decided after measuring a briefing with the real fonts, handed unchanged to
 * the PDF, DOCX and HTML emitters so the three agree on page, size and columns. All lengths are in points.
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
  /** Every other length of the page at this size: boxes, insets, gaps, line heights, rules (./geometry.ts). */
  geometry: Geometry;
  /**
   * The lists and sections of the briefing short enough (geometry.shortBlock) that the typesetter keeps each in one
   * column; Word keeps their paragraphs together and the HTML does not break inside them, so no format splits them.
   */
  unsplit: ReadonlySet<ListBlock | Section>;
}
