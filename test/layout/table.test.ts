import { describe, expect, it } from 'vitest';
import { columnWidths } from '../../src/layout/tables.js';

describe('table column widths', () => {
  it('share the width in proportion to the unbroken text when everything fits', () => {
    expect(columnWidths([50, 150], [20, 40], 400)).toEqual([100, 300]);
  });

  it('give every column its longest word before sharing the rest, when the text must wrap', () => {
    // Without minimums, proportional shares would give the first column 100 × 300/1100 ≈ 27, less than its 60-wide word.
    const widths = columnWidths([100, 1000], [60, 80], 300);
    expect(widths[0]).toBeGreaterThanOrEqual(60);
    expect(widths[1]).toBeGreaterThanOrEqual(80);
    expect(widths[0]! + widths[1]!).toBeCloseTo(300);
  });

  it('fall back to the longest words’ proportions when even those do not fit', () => {
    expect(columnWidths([300, 300], [200, 100], 150)).toEqual([100, 50]);
  });
});
