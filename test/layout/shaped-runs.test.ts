/**
 * What shapeText hands the typesetter and the PDF: a run's width, and what each glyph stands for in that run (the PDF
 * writes it where a glyph stands for other letters than the font's map says: src/render/pdf/text.ts).
 */
import { describe, expect, it } from 'vitest';
import { emWidth, getFace, shapeText } from '../../src/layout/faces.js';

describe('shapeText', () => {
  it('keeps a run\'s width when it has a character the face lacks (drawn as .notdef)', () => {
    const face = getFace('Carlito', 'regular');
    const run = shapeText(face, 'a\u0700b');
    expect(run.glyphs.map((g) => g.id === 0)).toEqual([false, true, false]);
    expect(Number.isFinite(run.advanceWidth)).toBe(true);
    expect(emWidth(face, 'a\u0700b')).toBeGreaterThan(emWidth(face, 'ab'));
  });

  it('says which letter each of Noto Sans Arabic\'s shared skeletons stands for, in drawing order', () => {
    const face = getFace('arabic', 'regular');
    const run = shapeText(face, 'بن', []);
    // ن then ب, right to left: one dotless skeleton (its dot a mark) for both letters.
    const skeletons = run.glyphs.map((g, i) => [g.id, run.occurrences?.[i]] as const).filter(([, cps]) => cps && cps.length > 0);
    expect(skeletons.map(([, cps]) => cps)).toEqual([[0x646], [0x628]]);
  });
});
