/**
 * The page's design in points: every box, inset, gap, line height and rule the page has, decided once from the body
 * size the fit chose and the theme. The typesetter measures with these numbers and the emitters draw with them (the
 * PDF as it is, the DOCX in twips and Word styles, the HTML as CSS lengths), so a spacing changed here changes in all
 * three formats at once. No emitter keeps a length of its own. docs/design.md shows where each one sits.
 */
import type { Theme } from '../theme/theme.js';
import type { ListMarkers } from './markers.js';

export interface Geometry {
  /** Between the page margins, and one body column. */
  contentWidth: number;
  columnWidth: number;
  /** Line height of small text (header band details, labels, captions). */
  smallLeading: number;
  /** Capital labels (the kind line, "Summary", "Key points"): letter spacing in em, and the gap below a label. */
  label: { tracking: number; after: number };
  /** The classification banner at the top and bottom of the page: its height, its letter spacing (em), its gap to the page. */
  banner: { height: number; tracking: number; gap: number };
  /** The header band: padding, the gap between kind and organisation, and its lines' sizes and spacing. */
  band: {
    padY: number;
    padX: number;
    /** Least room between the kind (left) and the organisation (right) on one line. */
    sideGap: number;
    titleLeading: number;
    titleBefore: number;
    subtitleSize: number;
    subtitleLeading: number;
    subtitleBefore: number;
    /** Before the dateline, or before the participants when there is no dateline. */
    datelineBefore: number;
    /** Before the participants when a dateline precedes them. */
    participantsBefore: number;
    /**
     * The template's logo, at the band's right inside its padding, top-aligned with the kind line: as tall as the kind
     * line, one title line and a dateline, as wide as its proportions make that; null when the template has none.
     * The band's text is narrower by its width and `sideGap`.
     */
    logo: { width: number; height: number } | null;
  };
  /** The summary box: its padding and the rule on its left. */
  box: { pad: number; bar: number };
  /** The pull quote: its rule, its text's indent past the rule's left edge, its size and leading, the gap to the attribution. */
  pullQuote: { bar: number; inset: number; size: number; leading: number; attributionBefore: number };
  /** A section heading (`##`): line height, the rule under it (gap, thickness) and the space after the rule. */
  section: { headingLeading: number; ruleGap: number; rule: number; after: number };
  /** Space before a heading inside a section (`###`). */
  subheadBefore: number;
  /** A list, or a section's body, at most this tall is short: kept in one column rather than split across two. */
  shortBlock: number;
  /**
   * Lists: indent per level, space between items and between an item's blocks, where bullets, numbers and task boxes
   * sit (`taskX`: the box's left edge past the list's), and the marker of each depth (./markers.ts).
   */
  list: { indent: number; itemSpacing: number; innerSpacing: number; bulletX: number; numberGap: number; taskX: number; markers: ListMarkers };
  /** Block quotes: the text's indent and the rule on the left. */
  blockquote: { inset: number; rule: number };
  /**
   * Tables: the size and line height of cell text (content, not furniture: 90% of the body size), cell padding across
   * (`padX`, each side) and down (`padY`), and the grid rule. A column's width includes its padding.
   */
  table: { size: number; leading: number; padX: number; padY: number; rule: number };
  /** Code blocks: padding and line height (small mono text). Inline code is set at `monoScale` of its text. */
  code: { pad: number; leading: number; monoScale: number };
  /** Pictures: the tallest a picture may be drawn (a portrait photo is narrowed to it; see ./pictures.ts). */
  image: { maxHeight: number };
  /** A thematic break's height and rule. */
  thematicBreak: { height: number; rule: number };
  /**
   * The footer: line height, the rule above it and the gap below that rule, the least room between its left and right
   * parts; and on a multi-page briefing the page number ("Page 2 of 3"), centred on a footer line in the bottom
   * margin, `pageNumberBelow` under the page's content area.
   */
  footer: { leading: number; rule: number; gap: number; sideGap: number; pageNumberBelow: number };
}

/**
 * A text size on Word's grid: the DOCX writes sizes in half points, so a size between them would be set larger or
 * smaller in Word than in the PDF and the HTML. Every size of text the layout derives goes through this.
 */
export function onWordGrid(size: number): number {
  return Math.round(size * 2) / 2;
}

/** The sizes the geometry derives from: what the fit chose, and the page. */
export interface GeometryBasis {
  page: { width: number; height: number; margin: { top: number; right: number; bottom: number; left: number } };
  bodySize: number;
  titleSize: number;
  headingSize: number;
  smallSize: number;
  columns: number;
  columnGap: number;
  paragraphSpacing: number;
}

export function geometryOf(basis: GeometryBasis, theme: Theme): Geometry {
  const size = basis.bodySize;
  const subtitleSize = onWordGrid(1.15 * size);
  const quoteSize = onWordGrid(1.2 * size);
  // At least 90% of the body, rounded up to Word's half-point grid so the DOCX sets it at the same size.
  const tableSize = Math.ceil(0.9 * size * 2) / 2;
  const smallLeading = basis.smallSize * theme.leading;
  const titleLeading = basis.titleSize * 1.12;
  const logoHeight = smallLeading + 0.3 * size + titleLeading + 0.35 * size + smallLeading;
  const image = theme.logoImage;
  const contentWidth = basis.page.width - basis.page.margin.left - basis.page.margin.right;
  return {
    contentWidth,
    columnWidth: (contentWidth - (basis.columns - 1) * basis.columnGap) / basis.columns,
    smallLeading,
    label: { tracking: 0.08, after: 0.3 * size },
    banner: { height: 1.8 * basis.smallSize, tracking: 0.14, gap: 0.5 * size },
    band: {
      padY: 0.9 * size,
      padX: 1.1 * size,
      sideGap: 2 * size,
      titleLeading,
      titleBefore: 0.3 * size,
      subtitleSize,
      subtitleLeading: subtitleSize * theme.leading,
      subtitleBefore: 0.1 * size,
      datelineBefore: 0.35 * size,
      participantsBefore: 0.1 * size,
      logo: image ? { width: (logoHeight * image.width) / image.height, height: logoHeight } : null,
    },
    box: { pad: 0.7 * size, bar: 3 },
    pullQuote: { bar: 3, inset: 3 + 0.9 * size, size: quoteSize, leading: quoteSize * theme.leading, attributionBefore: 0.25 * size },
    section: { headingLeading: basis.headingSize * 1.15, ruleGap: 0.2 * size, rule: 0.75, after: 0.45 * size },
    subheadBefore: basis.paragraphSpacing * 1.5,
    // Six body lines: a handful of items or a short paragraph or two reads as one piece.
    shortBlock: 6 * size * theme.leading,
    list: {
      indent: 1.2 * size,
      itemSpacing: basis.paragraphSpacing * 0.6,
      innerSpacing: basis.paragraphSpacing * 0.5,
      bulletX: 0.3 * size,
      numberGap: 0.35 * size,
      // The box (Noto Sans Symbols 2's, 0.82 em wide) starts at the list's edge: a gap to the text as a number has.
      taskX: 0,
      // Briefings number outlines as memos do: 1. / a. / i.; bullets step from the disc to a dash to a circle.
      markers: {
        bullets: ['\u2022', '\u2013', '\u25e6'],
        numbers: ['decimal', 'lower-letter', 'lower-roman'],
        numberSuffix: '.',
        task: { checked: '\u2611', open: '\u2610' },
        bulletColour: theme.colours.accent,
        numberColour: theme.colours.text,
      },
    },
    blockquote: { inset: 0.9 * size, rule: 2 },
    table: { size: tableSize, leading: tableSize * theme.leading, padX: 0.4 * tableSize, padY: 0.25 * tableSize, rule: 0.5 },
    code: { pad: 3, leading: basis.smallSize * 1.3, monoScale: 0.9 },
    image: { maxHeight: basis.page.height * 0.3 },
    thematicBreak: { height: Math.max(4, basis.paragraphSpacing * 2), rule: 0.5 },
    footer: { leading: basis.smallSize * 1.3, rule: 0.5, gap: 0.35 * size, sideGap: 2 * size, pageNumberBelow: 0.35 * size },
  };
}
