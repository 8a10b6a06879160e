/**
 * Flows rows into columns: top to bottom, left column first, then onto the next page. Rows marked keep-with-next
 * move to the next column together with what follows them. The last page's columns are balanced: the shortest
 * column height at which the same rows still fit in that page's columns.
 */
import type { Row } from './frame.js';

export interface Slot {
  /** Column counted across pages: page = floor(column / columns). */
  column: number;
  y: number;
  /** The row starts a column inside its table: its table's header row is drawn again just above it. */
  header?: boolean;
}

export interface Flow {
  slots: Slot[];
  /** Height used in each column, by the same index as `Slot.column`. */
  used: number[];
}

/** Height of a row plus the rows it keeps with, as far as `limit` allows. */
function chainHeight(rows: readonly Row[], i: number, limit: number): number {
  let height = rows[i]!.height;
  let j = i;
  while (rows[j]!.keepWithNext && j + 1 < rows.length) {
    const next = rows[j + 1]!;
    if (height + next.spaceBefore + next.height > limit) break;
    height += next.spaceBefore + next.height;
    j++;
  }
  return height;
}

/** Greedy fill starting at `firstColumn`; `capacity(column)` is that column's height. */
function greedy(rows: readonly Row[], firstColumn: number, capacity: (column: number) => number): Flow {
  const slots: Slot[] = [];
  const used: number[] = [];
  let column = firstColumn;
  let y = 0;
  rows.forEach((row, i) => {
    const cap = capacity(column);
    let gap = y > 0 ? row.spaceBefore : 0;
    if (y > 0 && y + gap + chainHeight(rows, i, cap) > cap) {
      column++;
      y = 0;
      gap = 0;
    }
    // A table's row at the top of a column has its table's header drawn again above it.
    const header = y === 0 && row.header ? row.header.height : 0;
    slots.push(header ? { column, y: header, header: true } : { column, y: y + gap });
    y += gap + header + row.height;
    used[column] = y;
  });
  return { slots, used };
}

export function flowColumns(rows: readonly Row[], columns: number, pageCapacity: (page: number) => number, balance: boolean): Flow {
  const capacity = (column: number): number => pageCapacity(Math.floor(column / columns));
  const flow = greedy(rows, 0, capacity);
  if (!balance || columns < 2 || rows.length === 0) return flow;
  const lastColumn = flow.slots[flow.slots.length - 1]!.column;
  const lastPage = Math.floor(lastColumn / columns);
  const firstOnPage = flow.slots.findIndex((s) => Math.floor(s.column / columns) === lastPage);
  const pageRows = rows.slice(firstOnPage);
  const pageColumn = lastPage * columns;
  const fullHeight = pageCapacity(lastPage);
  const fits = (height: number): Flow | null => {
    const trial = greedy(pageRows, pageColumn, () => height);
    const last = trial.slots[trial.slots.length - 1]!;
    return last.column < pageColumn + columns && trial.used.every((u) => u === undefined || u <= height + 0.01) ? trial : null;
  };
  let low = pageRows.reduce((sum, r) => sum + r.height, 0) / columns;
  let high = fullHeight;
  let best = fits(high);
  if (!best) return flow;
  for (let i = 0; i < 14 && high - low > 0.5; i++) {
    const mid = (low + high) / 2;
    const trial = fits(mid);
    if (trial) {
      best = trial;
      high = mid;
    } else low = mid;
  }
  return { slots: [...flow.slots.slice(0, firstOnPage), ...best.slots], used: [...flow.used.slice(0, pageColumn), ...best.used.slice(pageColumn)] };
}
