/**
 * The subsets the HTML and the DOCX embed shape text as the whole face does, as the PDF draws it: read back with
 * fontkit (not HarfBuzz, which made them), a phrase set in the subset has the same glyph advances and width.
 */
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { getFace } from '../../src/layout/faces.js';
import { subsetTrueType } from '../../src/render/subset.js';

describe('font subsets', () => {
  it.each([
    ['Arabic, in its joining forms', 'arabic', 'نحن ملتزمون بفتح المعبر أمام المساعدات الإنسانية'],
    ['Latin, with its ligatures and kerning', 'Carlito', 'Official figures: AVAILABLE office traffic'],
  ] as const)('keep the features that set %s', async (_name, family, text) => {
    const face = getFace(family, 'regular');
    const subset = fontkit.create(await subsetTrueType(face, text));
    const shaped = (font: fontkit.Font) => {
      const run = font.layout(text);
      return { advances: run.positions.map((p) => p.xAdvance), width: run.advanceWidth };
    };
    expect(shaped(subset)).toEqual(shaped(face.font));
  });
});
