/**
 * The pdfkit internals the PDF emitter relies on, typed narrowly here and nowhere else. They are the members of
 * pdfkit 0.20 (js/pdfkit.node.mjs) that its own text path (`_fragment`, `EmbeddedFont.encode`) uses, read and written
 * here the same way, so ./text.ts can draw text without pdfkit laying it out again. Check them when pdfkit changes.
 */
import type { Doc } from './state.js';

/** pdfkit's EmbeddedFont: one per document and registered face. */
export interface EmbeddedFont {
  /** The font's resource name on the page, e.g. "F1". */
  id: string;
  /** Ascent in units of 1000 per em. */
  ascender: number;
  /** 1000 / unitsPerEm: from the font's units to pdfkit's. */
  scale: number;
  /** The fontkit subset this document embeds; `includeGlyph` returns the glyph's id in the subset. */
  subset: { includeGlyph(glyphId: number): number };
  /** Advance widths (units of 1000 per em) by subset id, written into the PDF's /W array. */
  widths: (number | undefined)[];
  /** Code points by subset id, written into the ToUnicode map (the text layer). */
  unicode: (readonly number[] | undefined)[];
  /** The font dictionary's reference, created on first use. */
  ref(): unknown;
}

interface DocInternals {
  _font: EmbeddedFont;
  _fontSize: number;
  /** The fill colour as last given to `fillColor` (read by pdfkit's own text decorations). */
  _fillColor: [string, number | undefined];
  /** A colour as pdfkit writes it: components 0–1 (RGB, or CMYK with four), or a spot colour (not an array). */
  _normalizeColor(colour: string): unknown;
  page: { height: number; fonts: Record<string, unknown> };
}

/** The current font and size (as set by `doc.font()` and `doc.fontSize()`) and the current page's font resources. */
export function internals(doc: Doc): DocInternals {
  return doc as unknown as DocInternals;
}

/** pdfkit's PDFObject.number: how it rounds every number it writes into content (and rejects NaN and huge values). */
export function pdfNumber(n: number): number {
  if (n > -1e21 && n < 1e21) return Math.round(n * 1e6) / 1e6;
  throw new Error(`unsupported number: ${n}`);
}
