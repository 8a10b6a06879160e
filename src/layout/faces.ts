/**
 * Font faces loaded once per process: the file bytes (for embedding) and the parsed fontkit font (for measuring).
 * Widths are cached per face and string in em units, so measuring a word again at another body size is arithmetic.
 */
import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import type { FontFamily } from '../theme/theme.js';
import { FALLBACK_IDS, fallbackFace, fontFaceFiles, type FallbackFace, type FallbackId, type FontStyle } from './fonts.js';

/** A text family from the theme, or a face of the fallback chain. */
export type FaceFamily = FontFamily | FallbackId;

export interface Face {
  /** Unique name, also the name the PDF registers the face under, e.g. "Carlito-bold". */
  key: string;
  /** The family name CSS and Word use, e.g. "Carlito" or "Noto Sans JP". */
  familyName: string;
  family: FaceFamily;
  style: FontStyle;
  /** The fallback this face is, with its Word font and direction; undefined for the theme's text faces. */
  fallback?: FallbackFace;
  /** The TTF file (the HTML emitter subsets it). */
  path: string;
  bytes: Uint8Array;
  font: fontkit.Font;
  /** Ascent and descent (positive, below the baseline) per em, as pdfkit uses them to place a line's baseline. */
  ascent: number;
  descent: number;
}

const faces = new Map<string, Face>();
const widths = new Map<Face, Map<string, number>>();
/** Glyph coverage per face and code point: fontkit walks the cmap's lazy arrays on every question. */
const coverage = new Map<Face, Map<number, boolean>>();

/** Fallback faces have no italics: italic falls back to upright of the same weight (regular when no bold ships). */
function fallbackStyle(face: FallbackFace, style: FontStyle): 'regular' | 'bold' {
  return (style === 'bold' || style === 'boldItalic') && face.files().bold ? 'bold' : 'regular';
}

function isFallback(family: FaceFamily): family is FallbackId {
  return (FALLBACK_IDS as readonly string[]).includes(family);
}

/** The hot path (every word and space asks) without building a key string. */
const byFamily = new Map<FaceFamily, Map<FontStyle, Face>>();

export function getFace(family: FaceFamily, style: FontStyle): Face {
  let styles = byFamily.get(family);
  if (!styles) {
    styles = new Map();
    byFamily.set(family, styles);
  }
  let face = styles.get(style);
  if (!face) {
    face = loadFace(family, style);
    styles.set(style, face);
  }
  return face;
}

/**
 * fontkit caches a glyph object per glyph id with the code points it was first asked for. Subsetting asks for the
 * components of composite glyphs with none (Carlito builds ";" from "," and "."), and the font lives for the whole process: a
 * later document drawing a plain "," got the cached glyph with no code points, so its PDF mapped the comma to no text
 * and copy-paste lost it. A glyph asked for with code points gets them when it has none yet.
 */
function keepCodePoints(font: fontkit.Font): void {
  // fontkit's Font type (src/layout/fontkit.d.ts) does not declare getGlyph; it is a public method of every font.
  const target = font as unknown as { getGlyph(id: number, codePoints?: number[]): { codePoints: number[] } | null };
  const getGlyph = target.getGlyph.bind(font);
  target.getGlyph = (id, codePoints = []) => {
    const glyph = getGlyph(id, codePoints);
    if (glyph && glyph.codePoints.length === 0 && codePoints.length > 0) glyph.codePoints = codePoints;
    return glyph;
  };
}

function loadFace(family: FaceFamily, style: FontStyle): Face {
  const fallback = isFallback(family) ? fallbackFace(family) : undefined;
  const effective = fallback ? fallbackStyle(fallback, style) : style;
  const key = `${fallback ? fallback.keyPrefix : family}-${effective}`;
  const cached = faces.get(key);
  if (cached) return cached;
  let path: string;
  let familyName: string;
  if (fallback) {
    const files = fallback.files();
    path = effective === 'bold' && files.bold ? files.bold : files.regular;
    familyName = fallback.family;
  } else {
    const files = fontFaceFiles(family as FontFamily); // not a fallback id, so a theme family
    path = files.files[effective];
    familyName = files.family;
  }
  const bytes = new Uint8Array(readFileSync(path));
  const font = fontkit.create(bytes);
  keepCodePoints(font);
  const face: Face = {
    key,
    familyName,
    family,
    style: effective,
    ...(fallback ? { fallback } : {}),
    path,
    bytes,
    font,
    ascent: font.ascent / font.unitsPerEm,
    descent: Math.abs(font.descent) / font.unitsPerEm,
  };
  faces.set(key, face);
  widths.set(face, new Map());
  coverage.set(face, new Map());
  return face;
}

/** Keys of the faces this process has loaded, in load order ("Carlito-regular", "NotoSansKR-bold" …): tests and reports. */
export function loadedFaces(): string[] {
  return [...faces.keys()];
}

/**
 * Advance width of `text` in em (multiply by the size in points). Uses fontkit's shaping, so kerning and ligatures
 * count exactly as pdfkit will draw them.
 */
export function emWidth(face: Face, text: string): number {
  const cache = widths.get(face)!; // every face is registered in getFace
  let width = cache.get(text);
  if (width === undefined) {
    width = face.font.layout(text).advanceWidth / face.font.unitsPerEm;
    cache.set(text, width);
  }
  return width;
}

/** Whether `face` has a glyph for the code point (cached: the typesetter and the glyph warning ask for every character). */
export function hasGlyph(face: Face, codePoint: number): boolean {
  const cache = coverage.get(face)!; // every face is registered in loadFace
  let has = cache.get(codePoint);
  if (has === undefined) {
    has = face.font.hasGlyphForCodePoint(codePoint);
    cache.set(codePoint, has);
  }
  return has;
}
