/**
 * The part of fontkit 2 we use. fontkit ships no type declarations and @types/fontkit is not a dependency, so this
 * declares just the surface the typesetter relies on (and nothing pdfkit needs: it loads fonts itself).
 */
declare module 'fontkit' {
  export interface GlyphRun {
    advanceWidth: number;
  }
  export interface Font {
    postscriptName: string;
    unitsPerEm: number;
    ascent: number;
    descent: number;
    hasGlyphForCodePoint(codePoint: number): boolean;
    layout(text: string): GlyphRun;
  }
  export function create(buffer: Uint8Array): Font;
}
