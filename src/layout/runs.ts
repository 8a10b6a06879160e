/**
 * Splits text into runs by glyph coverage: each character goes to the text face when it has the glyph, else to the
 * first face of the fallback chain (src/layout/fonts.ts) that has it, run by run, so nothing is drawn as a .notdef
 * box. Fallback faces are parsed only when a character reaches them: Latin-only text never loads one. Shared with
 * the DOCX and HTML emitters, which name the same faces for the same runs.
 */
import type { FontFamily } from '../theme/theme.js';
import { FALLBACK_CHAIN, type FallbackFace, type FontStyle } from './fonts.js';
import { getFace, hasGlyph, type Face } from './faces.js';

export interface Run {
  text: string;
  /** True when the run is set in a fallback face (then `face.fallback` says which, with its Word font). */
  fallback: boolean;
  /** The face the run is set in (its `familyName` is what CSS and Word name). */
  face: Face;
  /** Right-to-left text (Hebrew, Arabic): drawn in visual order by fontkit, isolated in HTML, w:rtl in Word. */
  rtl: boolean;
  /** Characters of this run no face has: drawn as boxes. Empty nearly always. */
  missing: readonly string[];
}

/** Runs per family, style and text: the same words come back at every size the fit step tries. */
const cache = new Map<string, Map<string, Run[]>>();

/** Combining diacritical marks (the blocks a mark typed after its letter comes from). */
export function isCombiningMark(codePoint: number): boolean {
  return (
    (codePoint >= 0x300 && codePoint <= 0x36f) ||
    (codePoint >= 0x1ab0 && codePoint <= 0x1aff) ||
    (codePoint >= 0x1dc0 && codePoint <= 0x1dff) ||
    (codePoint >= 0x20d0 && codePoint <= 0x20ff) ||
    (codePoint >= 0xfe20 && codePoint <= 0xfe2f)
  );
}

/**
 * Characters that never decide a run by themselves: spaces (the no-break and narrow spaces pasted text is full of;
 * a face that lacks one draws its plain space, see shapeText), joiners, variation selectors, combining marks, and the
 * other default-ignorable characters (soft hyphen, word joiner, zero-width no-break space, direction marks), which
 * fontkit draws as nothing in any face. The ideographic space is a CJK character of its own width, not neutral.
 */
export function isNeutral(codePoint: number): boolean {
  return (
    codePoint === 0x20 ||
    codePoint === 0xa0 ||
    codePoint === 0xad ||
    codePoint === 0x34f ||
    codePoint === 0x61c ||
    (codePoint >= 0x180b && codePoint <= 0x180f) ||
    (codePoint >= 0x2000 && codePoint <= 0x200f) ||
    (codePoint >= 0x202a && codePoint <= 0x202f) ||
    (codePoint >= 0x205f && codePoint <= 0x206f) ||
    codePoint === 0xfeff ||
    (codePoint >= 0xfe00 && codePoint <= 0xfe0f) ||
    (codePoint >= 0xe0100 && codePoint <= 0xe01ef) ||
    isCombiningMark(codePoint)
  );
}

/** Strong right-to-left letters (Hebrew, Arabic, Syriac, Thaana, N'Ko …), but not Arabic-Indic digits, which run LTR. */
export function isStrongRtl(codePoint: number): boolean {
  if ((codePoint >= 0x660 && codePoint <= 0x669) || (codePoint >= 0x6f0 && codePoint <= 0x6f9)) return false;
  return (
    (codePoint >= 0x0590 && codePoint <= 0x08ff) ||
    (codePoint >= 0xfb1d && codePoint <= 0xfdff) ||
    (codePoint >= 0xfe70 && codePoint <= 0xfeff) ||
    (codePoint >= 0x10800 && codePoint <= 0x10fff) ||
    (codePoint >= 0x1e800 && codePoint <= 0x1efff)
  );
}

function inRanges(face: FallbackFace, codePoint: number): boolean {
  return face.ranges.some(([from, to]) => codePoint >= from && codePoint <= to);
}

/**
 * The fallback for a character, or null when no face has it. Faces whose ranges hold the character are asked first
 * (so an emoji loads only the emoji face); the rest of the chain is asked only for characters outside every range
 * or missing from their range's faces. With `rangesOnly` the rest is skipped (the DOCX classifies without a text face).
 * Coverage is the same for every weight, so one answer per code point serves all styles.
 */
const fallbackOf = new Map<number, FallbackFace | null>();
export function fallbackFor(codePoint: number, rangesOnly = false): FallbackFace | null {
  const known = fallbackOf.get(codePoint);
  if (known !== undefined) return known;
  const claiming = FALLBACK_CHAIN.filter((f) => inRanges(f, codePoint));
  if (rangesOnly && claiming.length === 0) return null;
  let found: FallbackFace | null = null;
  for (const face of [...claiming, ...FALLBACK_CHAIN.filter((f) => !claiming.includes(f))]) {
    if (hasGlyph(getFace(face.id, 'regular'), codePoint)) {
      found = face;
      break;
    }
  }
  fallbackOf.set(codePoint, found);
  return found;
}

function controlOrNeutral(codePoint: number): boolean {
  return codePoint < 0x20 || codePoint === 0x7f || isNeutral(codePoint);
}

type OpenRun = Run & { missing: string[] };

/**
 * A mark the current face lacks (Carlito has none, so "q̇" would draw a box): the mark and the letter it sits on move
 * together to the first fallback face that has both, since a mark is positioned by the font of its base. When no
 * face has both, the mark stays and is reported missing.
 */
function placeMark(runs: Run[], current: OpenRun, mark: string, codePoint: number, style: FontStyle): OpenRun {
  const chars = [...current.text];
  const base = chars[chars.length - 1];
  const baseCode = base?.codePointAt(0);
  const home =
    baseCode === undefined
      ? undefined
      : FALLBACK_CHAIN.map((f) => getFace(f.id, style)).find((face) => hasGlyph(face, codePoint) && hasGlyph(face, baseCode));
  if (!home || base === undefined) {
    current.text += mark;
    if (!current.missing.includes(mark)) current.missing.push(mark);
    return current;
  }
  current.text = chars.slice(0, -1).join('');
  if (current.text === '') runs.pop();
  const previous = runs[runs.length - 1] as OpenRun | undefined;
  if (previous && previous.face === home && previous.rtl === current.rtl) {
    previous.text += base + mark;
    return previous;
  }
  const moved: OpenRun = { text: base + mark, fallback: true, face: home, rtl: current.rtl, missing: [] };
  runs.push(moved);
  return moved;
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
  const runs: Run[] = [];
  let current: OpenRun | null = null;
  for (const char of text) {
    const codePoint = char.codePointAt(0)!; // a for…of character is never empty
    if (current && isCombiningMark(codePoint) && !hasGlyph(current.face, codePoint)) {
      current = placeMark(runs, current, char, codePoint, style);
      continue;
    }
    if (current && isNeutral(codePoint)) {
      current.text += char;
      continue;
    }
    let face = primary;
    let missing = false;
    if (!hasGlyph(primary, codePoint) && !controlOrNeutral(codePoint)) {
      const fallback = fallbackFor(codePoint);
      if (fallback) face = getFace(fallback.id, style);
      else missing = true; // a box is unavoidable: reported through `missing`, never silently
    }
    const rtl = isStrongRtl(codePoint);
    if (!current || current.face !== face || current.rtl !== rtl) {
      current = { text: '', fallback: face !== primary, face, rtl, missing: [] };
      runs.push(current);
    }
    current.text += char;
    if (missing && !current.missing.includes(char)) current.missing.push(char);
  }
  if (forFace.size > 50_000) forFace.clear(); // a bound for long-running builds of many files
  forFace.set(text, runs);
  return runs;
}

/**
 * Characters of `text` that `face` draws as boxes (it lacks them), for the once-per-document warning. Spaces,
 * controls and other neutral characters do not count: they draw nothing of their own.
 */
export function uncovered(text: string, face: Face): string[] {
  const out: string[] = [];
  for (const char of text) {
    const codePoint = char.codePointAt(0)!; // never empty
    if (controlOrNeutral(codePoint) || hasGlyph(face, codePoint)) continue;
    if (!out.includes(char)) out.push(char);
  }
  return out;
}

/** "U+1F9FF 🧿" style names for a warning. */
export function describeCharacters(chars: readonly string[]): string {
  return chars
    .map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} ${JSON.stringify(c)}`)
    .join(', ');
}
