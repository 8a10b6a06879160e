/**
 * Glyph layouts shared across PDF documents. Shaping (fontkit's GSUB/GPOS lookups) depends only on the face, the text
 * and the features, so each word is shaped once per process and kept already scaled to pdfkit's units (1000 per em),
 * in the arithmetic pdfkit 0.20 uses (`EmbeddedFont.layoutRun`), so what ./text.ts draws is what pdfkit would draw.
 *
 * pdfkit shapes left-to-right text word by word (each word with its trailing space or tab), and a right-to-left
 * fragment whole (./inlines.ts gives it features for that), so the runs here are cut the same way.
 *
 * Glyph objects are fontkit's, shared: they are only read (id, code points), and fontkit caches them per font anyway.
 * Their code points are read when a document draws them, not copied here: src/layout/faces.ts may still fill in those
 * of a glyph first met as a composite's part.
 */
import { shapeText, type Face } from '../../layout/faces.js';

/** The members of a fontkit glyph that drawing reads. */
export interface ShapedGlyph {
  id: number;
  codePoints: readonly number[];
}

/** One shaped word (or right-to-left run), in units of 1000 per em. */
export interface ShapedRun {
  glyphs: readonly ShapedGlyph[];
  /**
   * Four numbers per glyph (one array: a cache of many words stays small): its advance (kerning included), its own
   * advance width (pdfkit's `advanceWidth`, written into the font's /W widths), and its x and y offsets (marks).
   */
  metrics: Float64Array;
  /** Sum of the advances, added up in order as fontkit's GlyphRun.advanceWidth does. */
  advanceWidth: number;
  /** What each glyph stands for in this run, when fontkit's engine said (src/layout/faces.ts `occurrencesOf`). */
  occurrences?: readonly (readonly number[])[];
}

/** Distinct words per face kept; past it the cache starts over (a bound for long batches of varied text). */
const MAX_RUNS = 50_000;

interface FaceRuns {
  face: Face;
  scale: number;
  words: Map<string, ShapedRun>;
  /** Runs shaped whole, by features and text. */
  whole: Map<string, ShapedRun>;
}
const byFace = new WeakMap<Face, FaceRuns>();

function faceRuns(face: Face): FaceRuns {
  let runs = byFace.get(face);
  if (!runs) {
    runs = { face, scale: 1000 / face.font.unitsPerEm, words: new Map(), whole: new Map() };
    byFace.set(face, runs);
  }
  return runs;
}

function shape(runs: FaceRuns, text: string, features: string[] | undefined): ShapedRun {
  const { glyphs, positions, occurrences } = shapeText(runs.face, text, features);
  const { scale } = runs;
  const n = glyphs.length;
  const metrics = new Float64Array(4 * n);
  let advanceWidth = 0;
  for (let i = 0; i < n; i++) {
    const position = positions[i]!; // fontkit gives one position per glyph
    const xAdvance = position.xAdvance * scale;
    metrics[4 * i] = xAdvance;
    metrics[4 * i + 1] = glyphs[i]!.advanceWidth * scale;
    metrics[4 * i + 2] = position.xOffset * scale;
    metrics[4 * i + 3] = position.yOffset * scale;
    advanceWidth += xAdvance;
  }
  return { glyphs, metrics, advanceWidth, ...(occurrences ? { occurrences } : {}) };
}

function cached(runs: FaceRuns, cache: Map<string, ShapedRun>, key: string, text: string, features: string[] | undefined): ShapedRun {
  let run = cache.get(key);
  if (!run) {
    run = shape(runs, text, features);
    if (cache.size >= MAX_RUNS) cache.clear();
    cache.set(key, run);
  }
  return run;
}

/**
 * `text` shaped as pdfkit shapes it: word by word without features, or whole with them (fontkit then puts a
 * right-to-left run in visual order; see ./inlines.ts).
 */
export function shapedRuns(face: Face, text: string, features: string[] | undefined): ShapedRun[] {
  const runs = faceRuns(face);
  if (features) return [cached(runs, runs.whole, `${features.join(',')}\u0000${text}`, text, features)];
  const out: ShapedRun[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09) {
      const word = text.slice(start, i + 1);
      out.push(cached(runs, runs.words, word, word, undefined));
      start = i + 1;
    }
  }
  if (start < text.length) {
    const word = text.slice(start);
    out.push(cached(runs, runs.words, word, word, undefined));
  }
  return out;
}
