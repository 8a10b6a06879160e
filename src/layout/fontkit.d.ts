/**
 * The part of fontkit 2 we use. fontkit ships no type declarations and @types/fontkit is not a dependency, so this
 * declares just the surface the typesetter and the PDF's shaping rely on (pdfkit loads its own fonts).
 */
declare module 'fontkit' {
  export interface BBox {
    minX: number;
    minY: number;
    maxX: number;
    maxY: number;
  }
  export interface Glyph {
    id: number;
    /** The characters the glyph stands for (the PDF's text layer); fontkit fills it on first request. */
    codePoints: number[];
    advanceWidth: number;
    bbox: BBox;
  }
  export interface GlyphPosition {
    xAdvance: number;
    yAdvance: number;
    xOffset: number;
    yOffset: number;
  }
  export interface GlyphRun {
    glyphs: Glyph[];
    positions: GlyphPosition[];
    advanceWidth: number;
    direction?: 'ltr' | 'rtl';
  }
  export interface Font {
    postscriptName: string;
    unitsPerEm: number;
    ascent: number;
    descent: number;
    hasGlyphForCodePoint(codePoint: number): boolean;
    glyphForCodePoint(codePoint: number): Glyph;
    glyphsForString(text: string): Glyph[];
    getGlyph(id: number, codePoints?: number[]): Glyph;
    /** Features: tags to turn on, or tags mapped to on/off (fontkit adds its defaults either way). */
    layout(text: string, features?: string[] | Record<string, boolean>): GlyphRun;
  }
  export function create(buffer: Uint8Array): Font;
}
