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

/** A font face loaded from its file: what every format measures, shapes and embeds with. */
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
  // A glyph several characters share (the space and the no-break space, in Cousine) keeps the lowest code points it is
  // asked for, whatever asked first: else the PDF's text layer depended on what the process had built before (a batch
  // and a single build of the same briefing gave different bytes).
  const precedes = (a: readonly number[], b: readonly number[]): boolean => (a[0] ?? 0) < (b[0] ?? 0);
  const getGlyph = font.getGlyph.bind(font);
  font.getGlyph = (id, codePoints = []) => {
    const glyph = getGlyph(id, codePoints);
    if (glyph && codePoints.length > 0 && (glyph.codePoints.length === 0 || precedes(codePoints, glyph.codePoints))) glyph.codePoints = codePoints;
    return glyph;
  };
}

const PRINTABLE_ASCII = String.fromCharCode(...Array.from({ length: 0x7f - 0x20 }, (_, i) => 0x20 + i));
/** What each glyph of the last run a font's OpenType engine laid out stands for, in logical order (see recordOccurrences). */
const lastOccurrences = new WeakMap<fontkit.Font, number[][]>();

/**
 * A glyph object's code points are those it was first asked for (keepCodePoints), but a glyph may stand for other
 * characters in other places: Noto Sans Arabic draws ب ت ن ي on one dotless skeleton, their dots added as marks, so
 * the skeleton's code points say ب wherever it stands for ن. fontkit's OpenType engine knows each glyph's characters
 * in the run it lays out (its glyph infos) until its `cleanup` drops them at the end of `layout`: they are kept here
 * for shapeText. Only a font with OpenType layout tables has that engine; others keep the glyphs' own code points.
 */
function recordOccurrences(font: fontkit.Font): void {
  // fontkit's private layout engine (docs/library-internals.md): `_layoutEngine.engine` with `glyphInfos` and `cleanup`.
  const engine = (font as unknown as { _layoutEngine?: { engine?: { glyphInfos?: { codePoints: number[] }[] | null; cleanup?: () => void } } })._layoutEngine?.engine;
  const cleanup = engine?.cleanup;
  if (!engine || !cleanup) return;
  engine.cleanup = () => {
    if (engine.glyphInfos) lastOccurrences.set(font, engine.glyphInfos.map((info) => [...info.codePoints]));
    cleanup.call(engine);
  };
}

/**
 * The characters each glyph of `run` stands for, in the run's order, as fontkit's engine laid them out (a mark
 * split off its letter stands for none; a ligature for all its letters); undefined when the engine did not say.
 */
function occurrencesOf(face: Face, run: fontkit.GlyphRun): number[][] | undefined {
  const infos = lastOccurrences.get(face.font);
  lastOccurrences.delete(face.font);
  if (!infos || infos.length !== run.glyphs.length) return undefined;
  return run.direction === 'rtl' ? infos.reverse() : infos;
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
  // The ASCII glyphs get their code points before any document asks: a glyph one of them shares (Cousine's space,
  // also its no-break space) then maps to the ASCII character in every PDF, whichever a batch's briefings drew first.
  font.glyphsForString(PRINTABLE_ASCII);
  recordOccurrences(font);
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
    width = shapeText(face, text).advanceWidth / face.font.unitsPerEm;
    cache.set(text, width);
  }
  return width;
}

/**
 * Whether `face` has a glyph for the code point that it can also measure and draw (cached: the typesetter and the
 * glyph warning ask for every character). A shipped face can map a character to a glyph its tables do not hold:
 * Carlito's cmap sends U+00A0 to a glyph past the end of its metrics, and fontkit throws reading it. Such a glyph
 * counts as absent, so the character goes to the next face of the chain, or (a space) is drawn as the space it is.
 */
export function hasGlyph(face: Face, codePoint: number): boolean {
  const cache = coverage.get(face)!; // every face is registered in loadFace
  let has = cache.get(codePoint);
  if (has === undefined) {
    has = face.font.hasGlyphForCodePoint(codePoint) && readable(face.font.glyphForCodePoint(codePoint));
    cache.set(codePoint, has);
  }
  return has;
}

function readable(glyph: fontkit.Glyph): boolean {
  try {
    return Number.isFinite(glyph.advanceWidth) && glyph.bbox !== undefined;
  } catch {
    return false;
  }
}

/** Space separators (U+00A0, U+202F, U+2009 …) a face lacks are drawn with its plain space; the words stay apart. */
const SPACE_SEPARATOR = /\p{Zs}/u;

/**
 * The text as `face` can shape it: a space separator the face lacks, or maps to a glyph it cannot read (see
 * hasGlyph), becomes its plain space; any other character it cannot read is left out (only a zero-width joiner or
 * mark can reach here: the runs send the rest to a fallback face). Characters the face does not map at all are left
 * alone: fontkit draws them as .notdef (which the glyph warning names) or, default-ignorable ones, as nothing.
 */
function shapeableText(face: Face, text: string): string {
  let out: string | undefined;
  let i = 0;
  for (const char of text) {
    const codePoint = char.codePointAt(0)!; // a for…of character is never empty
    const mapped = face.font.hasGlyphForCodePoint(codePoint);
    const space = codePoint !== 0x20 && SPACE_SEPARATOR.test(char) && !hasGlyph(face, codePoint);
    const broken = !space && mapped && !hasGlyph(face, codePoint);
    if ((space || broken) && out === undefined) out = text.slice(0, i);
    if (out !== undefined) out += space ? ' ' : broken ? '' : char;
    i += char.length;
  }
  return out ?? text;
}

/** Faces whose shaping has failed at least once in this process: only their text is checked for the warning. */
const fragile = new Set<Face>();

/** A shaped run, and what each of its glyphs stands for there when fontkit's engine said (occurrencesOf). */
export interface ShapedGlyphRun extends fontkit.GlyphRun {
  occurrences?: number[][];
}

function laidOut(face: Face, text: string, features: string[] | Record<string, boolean> | undefined): ShapedGlyphRun {
  const run: ShapedGlyphRun = face.font.layout(text, features);
  const occurrences = occurrencesOf(face, run);
  if (occurrences) run.occurrences = occurrences;
  return run;
}

/**
 * fontkit's shaping of `text` in `face`, and it never throws. fontkit 2.0.4 trips over some fonts' mark-to-base
 * anchors that are NULL (Noto Sans Arabic: U+06A2, U+06A3, U+06A5, U+0760, U+0761, U+08A4), which HarfBuzz treats as
 * "no attachment". Such text is shaped again without mark positioning (the dots sit at their default place) and the
 * characters that fail on their own are remembered for a warning; text that fails even so is set glyph by glyph,
 * unshaped. Measuring (emWidth) and the PDF (render/pdf/shaping.ts) both shape here, so they cannot disagree.
 */
export function shapeText(face: Face, text: string, features?: readonly string[]): ShapedGlyphRun {
  const shapeable = shapeableText(face, text);
  try {
    return withoutHidden(face, withMissingText(face, shapeable, laidOut(face, shapeable, features ? [...features] : undefined)));
  } catch (error) {
    if (!(error instanceof TypeError || error instanceof RangeError)) throw error;
  }
  fragile.add(face);
  try {
    // An object of features: fontkit adds its defaults to it and turns these two off. A fresh one each time, as
    // fontkit writes into it.
    return withoutHidden(face, withMissingText(face, shapeable, laidOut(face, shapeable, { mark: false, mkmk: false })));
  } catch (error) {
    if (!(error instanceof TypeError || error instanceof RangeError)) throw error;
  }
  const glyphs = face.font.glyphsForString(shapeable).map((glyph) => (readable(glyph) ? glyph : face.font.getGlyph(0)));
  const positions = glyphs.map((glyph) => ({ xAdvance: glyph.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 }));
  return { glyphs, positions, advanceWidth: positions.reduce((sum, p) => sum + p.xAdvance, 0) };
}

const DEFAULT_IGNORABLE = /\p{Default_Ignorable_Code_Point}/u;

/**
 * A character no face has is drawn as the .notdef glyph, and fontkit hands out one shared .notdef glyph object whose
 * code points are those of the first character ever drawn with it: the PDF's text layer would lose every other one.
 * Each .notdef of the run gets a glyph of its own that knows its character (in the order fontkit placed them), so the
 * PDF can carry the character as ActualText although it draws a box.
 */
function withMissingText(face: Face, text: string, run: ShapedGlyphRun): ShapedGlyphRun {
  const notdefs = run.glyphs.filter((glyph) => glyph.id === 0).length;
  if (notdefs === 0) return run;
  const missing = [...text].filter((char) => !face.font.hasGlyphForCodePoint(char.codePointAt(0)!) && !DEFAULT_IGNORABLE.test(char));
  if (missing.length !== notdefs) return run; // a ligature or decomposition made them uneven: keep fontkit's glyphs
  if (run.direction === 'rtl') missing.reverse();
  let next = 0;
  // A glyph object inheriting fontkit's (its metrics getters read through the prototype), with its own code points.
  const glyphs = run.glyphs.map((glyph) => (glyph.id === 0 ? Object.create(glyph, { codePoints: { value: [missing[next++]!.codePointAt(0)!] } }) as fontkit.Glyph : glyph));
  // Not a spread: fontkit's GlyphRun computes advanceWidth in a getter of its prototype.
  return {
    glyphs,
    positions: run.positions,
    advanceWidth: run.advanceWidth,
    ...(run.direction ? { direction: run.direction } : {}),
    ...(run.occurrences ? { occurrences: run.occurrences } : {}),
  };
}

/**
 * fontkit "hides" a default-ignorable character (soft hyphen, zero-width space, word joiner …) by putting the space
 * glyph, with no advance, in its place; drawn, that glyph puts a space into the PDF's text layer, in the middle of the
 * word ("co-operation" with a soft hyphen copied as "co operation"). Nothing is drawn for them instead.
 */
function withoutHidden(face: Face, run: ShapedGlyphRun): ShapedGlyphRun {
  const space = face.font.glyphForCodePoint(0x20);
  const hidden = (i: number): boolean => run.glyphs[i] === space && run.positions[i]!.xAdvance === 0; // one position per glyph
  if (!run.glyphs.some((_, i) => hidden(i))) return run;
  const keep = run.glyphs.map((_, i) => !hidden(i));
  const occurrences = run.occurrences?.filter((_, i) => keep[i]);
  return { glyphs: run.glyphs.filter((_, i) => keep[i]), positions: run.positions.filter((_, i) => keep[i]), advanceWidth: run.advanceWidth, ...(occurrences ? { occurrences } : {}) };
}

/** Per fragile face, the characters of each word that it could only place roughly. */
const roughWords = new Map<Face, Map<string, string[]>>();

function fails(face: Face, text: string): boolean {
  try {
    face.font.layout(shapeableText(face, text));
    return false;
  } catch {
    return true;
  }
}

/**
 * Characters of `text` that `face` could only place roughly (see shapeText), for the once-per-document warning: in
 * each word whose shaping fails, the characters that fail on their own (or, failing only together, its letters).
 * A function of the text alone, so a batch warns about each document as a single build would.
 */
export function roughlyPlacedIn(face: Face, text: string): string[] {
  if (!fragile.has(face)) return [];
  let words = roughWords.get(face);
  if (!words) roughWords.set(face, (words = new Map()));
  const out = new Set<string>();
  for (const word of text.split(/\s+/)) {
    if (word === '') continue;
    let chars = words.get(word);
    if (!chars) {
      const all = [...new Set(word)].filter((char) => /\p{L}|\p{M}/u.test(char));
      chars = !fails(face, word) ? [] : all.filter((char) => fails(face, char));
      if (chars.length === 0 && fails(face, word)) chars = all;
      if (words.size >= 10_000) words.clear(); // a bound for long batches
      words.set(word, chars);
    }
    for (const char of chars) out.add(char);
  }
  return [...out];
}
