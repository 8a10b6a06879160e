/**
 * The font object registered with pdfkit for a face: one per face and process, a view of the parsed fontkit font
 * (pdfkit accepts any object with a `layout` method as a font, which saves parsing the file again per document).
 *
 * Embedding a subset decodes every glyph's outline again (fontkit TTFSubset._addGlyph calls glyph._decode() only to
 * find composite glyphs' components), for every document. Glyph objects live as long as the font (fontkit caches them
 * per font) and the decoded outline of a static TrueType glyph never changes, so the view decodes each once.
 */
import type { Face } from '../../layout/faces.js';

interface SubsettableFont {
  layout(...args: unknown[]): unknown;
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

function subsettingView(font: SubsettableFont): SubsettableFont {
  const view = Object.create(font) as SubsettableFont;
  // Shaping state (fontkit's layout engine and its caches) stays on the font itself, shared with the typesetter;
  // pdfkit only lays text out when it draws text itself (./text.ts falls back to it for text with line breaks).
  view.layout = font.layout.bind(font);
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

const views = new WeakMap<Face, SubsettableFont>();

/** The font object to register with pdfkit for `face`. */
export function pdfFont(face: Face): object {
  let view = views.get(face);
  if (!view) {
    // A fontkit Font has createSubset and getGlyph; the typesetter's narrow declaration (src/layout/fontkit.d.ts) omits them.
    view = subsettingView(face.font as unknown as SubsettableFont);
    views.set(face, view);
  }
  return view;
}
