/**
 * Font faces loaded once per process: the file bytes (for embedding) and the parsed fontkit font (for measuring).
 * Widths are cached per face and string in em units, so measuring a word again at another body size is arithmetic.
 */
import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import type { FontFamily } from '../theme/theme.js';
import { CJK_FALLBACK, fontFaceFiles, type FontStyle } from './fonts.js';

/** A text family from the theme, or the CJK fallback. */
export type FaceFamily = FontFamily | 'cjk';

export interface Face {
  /** Unique name, also the name the PDF registers the face under, e.g. "Carlito-bold". */
  key: string;
  /** The family name CSS and Word use, e.g. "Carlito" or "Noto Sans JP". */
  familyName: string;
  family: FaceFamily;
  style: FontStyle;
  bytes: Uint8Array;
  font: fontkit.Font;
  /** Ascent and descent (positive, below the baseline) per em, as pdfkit uses them to place a line's baseline. */
  ascent: number;
  descent: number;
}

const faces = new Map<string, Face>();
const widths = new Map<Face, Map<string, number>>();

/** The CJK face has no italics: italic falls back to upright of the same weight. */
function cjkStyle(style: FontStyle): 'regular' | 'bold' {
  return style === 'bold' || style === 'boldItalic' ? 'bold' : 'regular';
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

function loadFace(family: FaceFamily, style: FontStyle): Face {
  const effective = family === 'cjk' ? cjkStyle(style) : style;
  const key = `${family === 'cjk' ? 'NotoSansJP' : family}-${effective}`;
  const cached = faces.get(key);
  if (cached) return cached;
  const path = family === 'cjk' ? CJK_FALLBACK.files[effective as 'regular' | 'bold'] : fontFaceFiles(family).files[effective];
  const bytes = new Uint8Array(readFileSync(path));
  const font = fontkit.create(bytes);
  const face: Face = {
    key,
    familyName: family === 'cjk' ? CJK_FALLBACK.family : fontFaceFiles(family).family,
    family,
    style: effective,
    bytes,
    font,
    ascent: font.ascent / font.unitsPerEm,
    descent: Math.abs(font.descent) / font.unitsPerEm,
  };
  faces.set(key, face);
  widths.set(face, new Map());
  return face;
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
