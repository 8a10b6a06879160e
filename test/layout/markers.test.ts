import { describe, expect, it } from 'vitest';
import { layoutAtSize } from '../../src/layout/fit.js';
import { markerText, numberText } from '../../src/layout/markers.js';
import { loadTheme } from '../../src/theme/load.js';

const markers = layoutAtSize(loadTheme('default'), 10).geometry.list.markers;

describe('list markers', () => {
  it('number outlines 1. / a. / i. and bullet • / – / ◦ by depth, then start over', () => {
    expect([0, 1, 2, 3, 4].map((depth) => markerText(markers, true, depth, 2))).toEqual(['2.', 'b.', 'ii.', '2.', 'b.']);
    expect([0, 1, 2, 3].map((depth) => markerText(markers, false, depth, 1))).toEqual(['\u2022', '\u2013', '\u25e6', '\u2022']);
  });

  it('keep the ninth level past it, as Word has nine', () => {
    expect(markerText(markers, true, 12, 3)).toBe(markerText(markers, true, 8, 3));
    expect(markerText(markers, false, 40, 1)).toBe(markerText(markers, false, 8, 1));
  });

  it('count letters past z as Word does (aa, bb), and write numerals as roman numerals', () => {
    expect([1, 26, 27, 28, 53].map((n) => numberText('lower-letter', n))).toEqual(['a', 'z', 'aa', 'bb', 'aaa']);
    expect([1, 4, 9, 14, 40, 1994, 3999].map((n) => numberText('lower-roman', n))).toEqual(['i', 'iv', 'ix', 'xiv', 'xl', 'mcmxciv', 'mmmcmxcix']);
  });

  it('fall back to decimal where a format has no numeral, as CSS counter styles do', () => {
    expect([numberText('lower-letter', 0), numberText('lower-roman', 0), numberText('lower-roman', 4000), numberText('decimal', -3)]).toEqual(['0', '0', '4000', '-3']);
  });

  it('colour bullets in the accent and numbers in the text colour', () => {
    const theme = loadTheme('default');
    expect([markers.bulletColour, markers.numberColour]).toEqual([theme.colours.accent, theme.colours.text]);
  });
});
