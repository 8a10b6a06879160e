/**
 * The page geometry the DOCX derives from the Layout and theme, in points, shared by the styles, the page furniture
 * and the sections so they agree (the band's right tab stop sits where the band's padding ends, and so on).
 */
import type { Layout } from '../../layout/layout.js';
import type { Theme } from '../../theme/theme.js';

export interface Metrics {
  contentWidth: number;
  columnWidth: number;
  /** Header band padding: vertical, horizontal. */
  bandPadY: number;
  bandPadX: number;
  /** Summary box padding. */
  boxPad: number;
  /** Width of the 3 pt rules on the left of the summary box and pull quote. */
  barWidth: number;
  bannerHeight: number;
  /** Line height of small text (footer, table cells, band details). */
  smallLeading: number;
  /** Hanging indent per list level (≈ 1.2 em). */
  listIndent: number;
}

export function metrics(layout: Layout, theme: Theme): Metrics {
  const { width, margin } = layout.page;
  const contentWidth = width - margin.left - margin.right;
  const columnWidth = (contentWidth - (layout.columns - 1) * layout.columnGap) / layout.columns;
  return {
    contentWidth,
    columnWidth,
    bandPadY: 0.9 * layout.bodySize,
    bandPadX: 1.1 * layout.bodySize,
    boxPad: 0.7 * layout.bodySize,
    barWidth: 3,
    bannerHeight: 1.8 * layout.smallSize,
    smallLeading: round1(layout.smallSize * theme.leading),
    listIndent: round1(1.2 * layout.bodySize),
  };
}

const round1 = (n: number): number => Math.round(n * 10) / 10;
