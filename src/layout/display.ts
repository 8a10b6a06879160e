/**
 * The typesetter's output: a display list of positioned marks (lines of text, filled boxes, rules, images) grouped
 * in a tree that follows the briefing, so an emitter can draw the marks and tag the groups (PDF structure tree).
 * Coordinates are in points from the top-left corner of the page, `page` counts from 0.
 */
import type { Block, ImageBlock, InlineKind, LinkInline } from '../model/briefing.js';
import type { Face } from './faces.js';
import type { LogoImage } from '../theme/logo.js';

/** A stretch of text in one face, size and colour, with the inline kinds it sits inside (for decorations). */
export interface Fragment {
  text: string;
  face: Face;
  size: number;
  /** Offset from the line's x. */
  x: number;
  width: number;
  colour: string;
  /** Extra space after each character (letter-spacing), in points. */
  tracking: number;
  /** The inline kinds enclosing this text, outermost first (e.g. ['strong', 'link']). */
  marks: readonly InlineKind[];
  /** The link this text belongs to; fragments of one link share the object, even across lines. */
  link?: LinkInline;
  /** Right-to-left text: fontkit draws its glyphs in visual order; `x` is already its visual place on the line. */
  rtl?: boolean;
}

export interface LineMark {
  type: 'line';
  page: number;
  x: number;
  baseline: number;
  fragments: Fragment[];
}
export interface RectMark {
  type: 'rect';
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
  fill: string;
}
export interface RuleMark {
  type: 'rule';
  page: number;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  thickness: number;
  colour: string;
}
export interface ImageMark {
  type: 'image';
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
  block: ImageBlock;
}
/** The template's seal or logo in the header band: vectors when it is an SVG. */
export interface LogoMark {
  type: 'logo';
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
  logo: LogoImage;
}
export type Mark = LineMark | RectMark | RuleMark | ImageMark | LogoMark;

/** Parts of the page that are not model blocks. Each maps to a structure tag (or an artifact) in the PDF. */
export const PART_KINDS = [
  'banner',
  'header',
  'kindLine',
  'title',
  'subtitle',
  'dateline',
  'participants',
  /** The template's seal or logo: a Figure with its alt text, or an artifact when decorative. */
  'logo',
  'summary',
  'keyPoints',
  'label',
  'pullQuote',
  'quoteText',
  'attribution',
  'caption',
  'body',
  'section',
  'sectionTitle',
  'listItem',
  'listLabel',
  'listBody',
  'tableRow',
  'tableHeaderCell',
  'tableCell',
  /** A table's header row drawn again where the table goes on in another column or page (decoration: read once). */
  'repeatedHeader',
  'footer',
] as const;
export type PartKind = (typeof PART_KINDS)[number];

export type Group =
  | { type: 'block'; block: Block; children: Node[] }
  | { type: 'part'; part: PartKind; children: Node[] };
export type Node = Group | Mark;

export function part(kind: PartKind, children: Node[] = []): Group {
  return { type: 'part', part: kind, children };
}

/** Moves a mark from frame-relative to page coordinates. */
export function placeMark(mark: Mark, dx: number, dy: number, page: number): void {
  mark.page = page;
  switch (mark.type) {
    case 'line':
      mark.x += dx;
      mark.baseline += dy;
      break;
    case 'rule':
      mark.x1 += dx;
      mark.x2 += dx;
      mark.y1 += dy;
      mark.y2 += dy;
      break;
    case 'rect':
    case 'image':
    case 'logo':
      mark.x += dx;
      mark.y += dy;
      break;
  }
}
