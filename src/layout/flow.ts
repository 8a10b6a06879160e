/**
 * Flows rows into columns: top to bottom, left column first, then onto the next page. Rows marked keep-with-next
 * move to the next column together with what follows them (a chain taller than a column breaks where it must). The
 * last page's columns are balanced: the shortest column height at which the same rows still fit in that page's
 * columns without breaking a chain the full-height columns kept, so a heading never ends a column and a short list
 * stays whole however short the balanced columns are.
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

/** How many keep-with-next rows of `rows` end a column (their next row is in another one). */
function brokenKeeps(rows: readonly Row[], slots: readonly Slot[]): number {
  let broken = 0;
  for (let i = 0; i + 1 < rows.length; i++) if (rows[i]!.keepWithNext && slots[i + 1]!.column !== slots[i]!.column) broken++;
  return broken;
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
    // A chain is placed at its first row; the rows after follow it until one no longer fits (a chain taller than a
    // column), instead of each moving on again.
    const inChain = i > 0 && y > 0 && rows[i - 1]!.keepWithNext;
    const needed = inChain ? row.height : chainHeight(rows, i, cap);
    if (y > 0 && y + gap + needed > cap) {
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
  const keptBroken = brokenKeeps(pageRows, flow.slots.slice(firstOnPage));
  const fits = (height: number): Flow | null => {
    const trial = greedy(pageRows, pageColumn, () => height);
    const last = trial.slots[trial.slots.length - 1]!;
    const inPage = last.column < pageColumn + columns && trial.used.every((u) => u === undefined || u <= height + 0.01);
    return inPage && brokenKeeps(pageRows, trial.slots) <= keptBroken ? trial : null;
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
