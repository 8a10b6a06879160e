/**
 * The PDF's font subsets are encoded by src/render/pdf/subset.ts instead of fontkit's TTFSubset.encode, for speed: the
 * bytes must be fontkit's, for every face the project ships (both loca formats, fonts with and without a font
 * program), with composite glyphs (whose parts join the subset as it is encoded) and in any order.
 */
import { describe, expect, it } from 'vitest';
import { getFace, type Face } from '../../../src/layout/faces.js';
import { FALLBACK_IDS, FONT_STYLES } from '../../../src/layout/fonts.js';
import { pdfFont } from '../../../src/render/pdf/font-view.js';
import type { FontkitSubset } from '../../../src/render/pdf/subset.js';
import { FONT_FAMILIES } from '../../../src/theme/theme.js';

/** fontkit's own members, which src/layout/fontkit.d.ts does not declare. */
interface FontkitFont {
  numGlyphs: number;
  createSubset(): FontkitSubset;
  getGlyph(id: number): { _decode(): { numberOfContours: number } | null };
  layout(text: string): { glyphs: { id: number }[] };
}

const faces: Face[] = [
  ...FONT_FAMILIES.flatMap((family) => FONT_STYLES.map((style) => getFace(family, style))),
  ...FALLBACK_IDS.flatMap((id) => [getFace(id, 'regular'), getFace(id, 'bold')]),
];

/** A deterministic spread of glyph ids: some text's glyphs, the font's first composites, and pseudo-random ones. */
function glyphIds(font: FontkitFont): number[] {
  const ids = font.layout('Àé; ñ, Åç: É ﬁ ü — “quoted” مرحبا שלום 石破 안녕 👍').glyphs.map((g) => g.id);
  let composites = 0;
  for (let id = 1; id < font.numGlyphs && composites < 8; id++) {
    if ((font.getGlyph(id)._decode()?.numberOfContours ?? 0) < 0) {
      ids.push(id);
      composites++;
    }
  }
  let state = 12345;
  for (let i = 0; i < 40; i++) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    ids.push(state % font.numGlyphs);
  }
  return ids;
}

describe('font subsets', () => {
  it.each(faces.map((face) => [face.key, face] as const))('%s: the bytes fontkit would write', (_key, face) => {
    const font = face.font as unknown as FontkitFont;
    const fast = (pdfFont(face) as { createSubset(): FontkitSubset }).createSubset();
    const reference = font.createSubset();
    expect(Object.hasOwn(fast, 'encode')).toBe(true); // the fast encoder covers every shipped face
    for (const id of glyphIds(font)) expect(fast.includeGlyph(id)).toBe(reference.includeGlyph(id));
    expect(Buffer.from(fast.encode()).equals(Buffer.from(reference.encode()))).toBe(true);
    expect(fast.glyphs).toEqual(reference.glyphs); // composites' parts joined both in the same order
  });

  it('gives the same bytes for the same glyphs, document after document', () => {
    const face = getFace('Carlito', 'regular');
    const encode = (): Uint8Array => {
      const subset = (pdfFont(face) as { createSubset(): FontkitSubset }).createSubset();
      for (const id of [5, 300, 17, 42]) subset.includeGlyph(id);
      return subset.encode();
    };
    expect(Buffer.from(encode()).equals(Buffer.from(encode()))).toBe(true);
  });
});
