/**
 * The font object registered with pdfkit for a face: one per face and process, a view of the parsed fontkit font
 * (pdfkit accepts any object with a `layout` method as a font, which saves parsing the file again per document),
 * whose subsets encode themselves faster (./subset.ts).
 */
import type { Face } from '../../layout/faces.js';
import { encodeFaster, type FontkitSubset, type TrueTypeFont } from './subset.js';

interface SubsettableFont {
  layout(...args: unknown[]): unknown;
  createSubset(): FontkitSubset;
}

function subsettingView(font: SubsettableFont): SubsettableFont {
  const view = Object.create(font) as SubsettableFont;
  // Shaping state (fontkit's layout engine and its caches) stays on the font itself, shared with the typesetter;
  // pdfkit only lays text out when it draws text itself (./text.ts falls back to it for text with line breaks).
  view.layout = font.layout.bind(font);
  const create = (): FontkitSubset => font.createSubset.call(view);
  view.createSubset = (): FontkitSubset => {
    const subset = create();
    // A fontkit Font with glyf outlines has these members; the narrow declaration in src/layout/fontkit.d.ts omits them.
    encodeFaster(font as unknown as TrueTypeFont, subset, create);
    return subset;
  };
  return view;
}

const views = new WeakMap<Face, SubsettableFont>();

/** The font object to register with pdfkit for `face`. */
export function pdfFont(face: Face): object {
  let view = views.get(face);
  if (!view) {
    // A fontkit Font has createSubset; the typesetter's narrow declaration (src/layout/fontkit.d.ts) omits it.
    view = subsettingView(face.font as unknown as SubsettableFont);
    views.set(face, view);
  }
  return view;
}
