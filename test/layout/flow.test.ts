import { describe, expect, it } from 'vitest';
import { flowColumns } from '../../src/layout/flow.js';
import { row, type Row } from '../../src/layout/frame.js';

/** Rows of 10 pt; `keep` marks the rows kept with the next one. */
function rows(keep: readonly boolean[]): Row[] {
  return keep.map((k) => row(10, [], 0, k));
}

describe('flowColumns', () => {
  it('never balances a heading away from its paragraph: the kept rows stay in one column', () => {
    // A heading (kept with the next line) over a three-line paragraph (orphan and widow lines kept): the balanced
    // height of 30 pt would fit the heading in one column and its paragraph in the other.
    const flow = flowColumns(rows([true, true, true, false]), 2, () => 500, true);
    expect(flow.slots.map((s) => s.column)).toEqual([0, 0, 0, 0]);
  });

  it('still balances where no kept rows are parted', () => {
    const flow = flowColumns(rows([true, false, false, true, false, false]), 2, () => 500, true);
    expect(flow.slots.map((s) => s.column)).toEqual([0, 0, 0, 1, 1, 1]);
    expect(flow.used).toEqual([30, 30]);
  });

  it('breaks a chain taller than a column where it must', () => {
    const flow = flowColumns(rows([true, true, true, true, false]), 2, () => 30, false);
    expect(flow.slots.map((s) => s.column)).toEqual([0, 0, 0, 1, 1]);
  });
});
