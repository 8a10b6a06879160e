/**
 * Fonts live for the whole process: a glyph several characters share (Cousine draws the space and the no-break space
 * with one glyph) must give the PDF's text layer the same characters whichever a batch's earlier briefings asked for
 * first, or a batch and a single build of one briefing write different bytes.
 */
import { expect, it } from 'vitest';
import { getFace } from '../../src/layout/faces.js';

// First in this file: a fresh process, whose first request for the shared glyph is the no-break space's.
it('a glyph shared by the space and the no-break space maps to the space even when the no-break space is asked for first', () => {
  expect(getFace('Cousine', 'bold').font.glyphForCodePoint(0xa0).codePoints).toEqual([0x20]);
});

it('a glyph shared by the space and the no-break space maps to the space, whichever was asked for first', () => {
  const face = getFace('Cousine', 'regular');
  const noBreak = face.font.glyphForCodePoint(0xa0);
  const space = face.font.glyphForCodePoint(0x20);
  expect(space.id).toBe(noBreak.id);
  expect(space.codePoints).toEqual([0x20]);
  expect(face.font.glyphForCodePoint(0xa0).codePoints).toEqual([0x20]);
});
