/**
 * Splits text into runs by glyph coverage: characters the text face lacks (kanji, kana, CJK punctuation) go to the
 * CJK fallback face, run by run, so nothing is drawn as a .notdef box. Shared with the DOCX and HTML emitters, which
 * name the fallback family for the same runs.
 */
import type { FontFamily } from '../theme/theme.js';
import type { FontStyle } from './fonts.js';
import { getFace, type Face } from './faces.js';

export interface Run {
  text: string;
  /** True when the run is set in the CJK fallback. */
  fallback: boolean;
  /** The face the run is set in (its `familyName` is what CSS and Word name). */
  face: Face;
}

/** Runs per family, style and text: the same words come back at every size the fit step tries. */
const cache = new Map<string, Map<string, Run[]>>();

/** Characters that never decide a run by themselves (spaces, joiners, variation selectors, combining marks). */
function isNeutral(codePoint: number): boolean {
  return (
    codePoint === 0x20 ||
    codePoint === 0xa0 ||
    codePoint === 0x200b ||
    codePoint === 0x200d ||
    (codePoint >= 0xfe00 && codePoint <= 0xfe0f) ||
    (codePoint >= 0x300 && codePoint <= 0x36f)
  );
}

export function splitByCoverage(text: string, family: FontFamily, style: FontStyle): Run[] {
  const faceKey = `${family}-${style}`;
  let forFace = cache.get(faceKey);
  if (!forFace) {
    forFace = new Map();
    cache.set(faceKey, forFace);
  }
  const cached = forFace.get(text);
  if (cached) return cached;
  const primary = getFace(family, style);
  const fallback = getFace('cjk', style);
  const runs: Run[] = [];
  let current: Run | null = null;
  for (const char of text) {
    const codePoint = char.codePointAt(0)!; // a for…of character is never empty
    let useFallback: boolean;
    if (current && isNeutral(codePoint)) useFallback = current.fallback;
    else useFallback = !primary.font.hasGlyphForCodePoint(codePoint) && fallback.font.hasGlyphForCodePoint(codePoint);
    if (current && current.fallback === useFallback) current.text += char;
    else {
      current = { text: char, fallback: useFallback, face: useFallback ? fallback : primary };
      runs.push(current);
    }
  }
  if (forFace.size > 50_000) forFace.clear(); // a bound for long-running builds of many files
  forFace.set(text, runs);
  return runs;
}
