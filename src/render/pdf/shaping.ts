/**
 * Glyph layouts shared across PDF documents. pdfkit shapes every word it draws with fontkit (GSUB/GPOS lookups, the
 * largest cost of a PDF), and keeps its cache on the per-document font object, so each document shaped the same
 * words again. pdfkit accepts any object with a `layout` method as a font: we hand it, per face and process, a view of
 * the parsed fontkit font whose `layout` remembers each (text, features) result and returns a fresh copy of it.
 *
 * A copy, because pdfkit scales the positions of the run it gets in place (pdfkit 0.20 `EmbeddedFont.layoutRun`).
 * Glyph objects are shared: pdfkit only reads them (id, advance width, code points), and fontkit caches them per font
 * anyway. Shaping depends only on the text, the features and the font, so the bytes drawn are the same as before.
 */
import type { Face } from '../../layout/faces.js';

/** The parts of a fontkit GlyphRun that pdfkit reads; the prototype supplies its getters (advanceWidth …). */
interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}
interface Run {
  glyphs: unknown[];
  positions: Position[];
  script: unknown;
  language: unknown;
  direction: unknown;
  features: unknown;
}
interface Layoutable {
  layout(text: string, features?: unknown, ...rest: unknown[]): Run;
  createSubset(): Subset;
  getGlyph(id: number): Glyph;
}
/** fontkit's TrueType subset and glyph, the members the subset code below touches. */
interface Subset {
  _addGlyph(id: number): number;
}
interface Glyph {
  _decode(): unknown;
}

interface Stored {
  proto: object;
  glyphs: unknown[];
  /** xAdvance, yAdvance, xOffset, yOffset per glyph, unscaled. */
  positions: Float64Array;
  script: unknown;
  language: unknown;
  direction: unknown;
  features: unknown;
}

/** Distinct words per face kept; past it the cache starts over (a bound for long batches of varied text). */
const MAX_RUNS = 50_000;

function copyOf(stored: Stored): Run {
  const run = Object.create(stored.proto) as Run;
  run.glyphs = stored.glyphs.slice();
  const positions: Position[] = new Array(stored.glyphs.length);
  const p = stored.positions;
  for (let i = 0; i < positions.length; i++) {
    positions[i] = { xAdvance: p[4 * i]!, yAdvance: p[4 * i + 1]!, xOffset: p[4 * i + 2]!, yOffset: p[4 * i + 3]! };
  }
  run.positions = positions;
  run.script = stored.script;
  run.language = stored.language;
  run.direction = stored.direction;
  run.features = stored.features;
  return run;
}

function cachingView(font: Layoutable): Layoutable {
  const runs = new Map<string, Stored>();
  const view = Object.create(font) as Layoutable;
  view.layout = (text: string, features?: unknown, ...rest: unknown[]): Run => {
    // Script, language or direction given: not a call pdfkit makes; shape directly rather than widen the key.
    if (rest.length > 0) return font.layout(text, features, ...rest);
    const key = features === undefined ? text : `${JSON.stringify(features)}\u0000${text}`;
    let stored = runs.get(key);
    if (!stored) {
      const run = font.layout(text, features);
      const positions = new Float64Array(run.positions.length * 4);
      run.positions.forEach((p, i) => positions.set([p.xAdvance, p.yAdvance, p.xOffset, p.yOffset], 4 * i));
      stored = {
        proto: Object.getPrototypeOf(run) as object,
        glyphs: run.glyphs,
        positions,
        script: run.script,
        language: run.language,
        direction: run.direction,
        features: run.features,
      };
      if (runs.size >= MAX_RUNS) runs.clear();
      runs.set(key, stored);
    }
    return copyOf(stored);
  };
  // Embedding a subset decodes every glyph's outline again (fontkit TTFSubset._addGlyph calls glyph._decode() only
  // to find composite glyphs' components), for every document. Glyph objects live as long as the font (fontkit caches
  // them per font) and the decoded outline of a static TrueType glyph never changes, so each is decoded once.
  const decoded = new WeakSet<Glyph>();
  view.createSubset = (): Subset => {
    const subset = font.createSubset.call(view);
    const addGlyph = subset._addGlyph.bind(subset);
    subset._addGlyph = (id: number): number => {
      const glyph = view.getGlyph(id);
      if (!decoded.has(glyph)) {
        const outline = glyph._decode();
        glyph._decode = () => outline;
        decoded.add(glyph);
      }
      return addGlyph(id);
    };
    return subset;
  };
  return view;
}

const views = new WeakMap<Face, Layoutable>();

/** The font object to register with pdfkit for `face`: one per face and process, so its layouts are shared. */
export function pdfFont(face: Face): Layoutable {
  let view = views.get(face);
  if (!view) {
    // A fontkit Font has `layout`; the typesetter's narrow declaration of it (src/layout/fontkit.d.ts) returns less.
    view = cachingView(face.font as unknown as Layoutable);
    views.set(face, view);
  }
  return view;
}
