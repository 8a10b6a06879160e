/**
 * The body's flow when some rows are set across the page (the rows of a table too wide for a column): the body is
 * cut into runs of column rows and runs of page-wide rows. Each column run is flowed into the columns by
 * flowColumns, balanced when a page-wide run follows it, so that run starts below the taller column; each page-wide
 * run is stacked down the page, going on at the top of the next page when it reaches the bottom (its table's
 * header drawn again there). This is how Word lays out a one-column section between continuous section breaks and
 * how Chromium sets a `column-span: all` element, so the three formats put the table in the same place.
 *
 * A body without page-wide rows is exactly flowColumns' flow.
 */
import { flowColumns, type Flow, type Slot } from './flow.js';
import type { Row } from './frame.js';

export interface BodySlot extends Slot {
  /** Set across the page from its left content edge, not in the column `column` names. */
  across?: boolean;
}

export interface BodyFlow extends Flow {
  slots: BodySlot[];
}

/** Consecutive rows that are all page-wide or all in columns. */
function runs(rows: readonly Row[]): { start: number; end: number; across: boolean }[] {
  const out: { start: number; end: number; across: boolean }[] = [];
  rows.forEach((row, i) => {
    const across = row.span === true;
    const last = out[out.length - 1];
    if (last && last.across === across) last.end = i + 1;
    else out.push({ start: i, end: i + 1, across });
  });
  return out;
}

export function flowBody(rows: readonly Row[], columns: number, pageCapacity: (page: number) => number, balance: boolean): BodyFlow {
  if (!rows.some((r) => r.span)) return flowColumns(rows, columns, pageCapacity, balance);
  const slots: BodySlot[] = [];
  const used: number[] = [];
  const mark = (page: number, bottom: number): void => {
    for (let c = page * columns; c < (page + 1) * columns; c++) used[c] = Math.max(used[c] ?? 0, bottom);
  };
  // Where the free part of the page begins: page `page`, `y` below its body top (0: nothing on it yet).
  let page = 0;
  let y = 0;
  const all = runs(rows);
  all.forEach((run, index) => {
    const part = rows.slice(run.start, run.end);
    let gap = y > 0 ? part[0]!.spaceBefore : 0;
    if (run.across) {
      part.forEach((row, i) => {
        if (i > 0) gap = y > 0 ? row.spaceBefore : 0;
        if (y > 0 && y + gap + chainHeight(part, i) > pageCapacity(page)) {
          page++;
          y = 0;
          gap = 0;
        }
        const header = y === 0 && row.header ? row.header.height : 0;
        slots.push(header ? { column: page * columns, y: header, header: true, across: true } : { column: page * columns, y: y + gap, across: true });
        y += gap + header + row.height;
        mark(page, y);
      });
      return;
    }
    if (y > 0 && y + gap + part[0]!.height > pageCapacity(page)) {
      page++;
      y = 0;
      gap = 0;
    }
    const top = y + gap;
    const first = page;
    // Balanced before a page-wide run, so that run starts below the taller column, not at the page's foot.
    const flow = flowColumns(part, columns, (p) => pageCapacity(first + p) - (p === 0 ? top : 0), balance || index < all.length - 1);
    for (const slot of flow.slots) {
      const onFirst = slot.column < columns;
      slots.push({ ...slot, column: slot.column + first * columns, y: slot.y + (onFirst ? top : 0) });
    }
    const last = flow.slots[flow.slots.length - 1]!; // a run has rows
    page = first + Math.floor(last.column / columns);
    const pageUsed = flow.used.slice((page - first) * columns, (page - first + 1) * columns).map((u) => u ?? 0);
    y = Math.max(...pageUsed) + (page === first ? top : 0);
    flow.used.forEach((u, c) => {
      if (u !== undefined) used[c + first * columns] = Math.max(used[c + first * columns] ?? 0, u + (c < columns ? top : 0));
    });
  });
  return { slots, used };
}

/** A row and the rows it keeps with (a table's header and first row). */
function chainHeight(rows: readonly Row[], i: number): number {
  let height = rows[i]!.height;
  for (let j = i; rows[j]!.keepWithNext && j + 1 < rows.length; j++) height += rows[j + 1]!.spaceBefore + rows[j + 1]!.height;
  return height;
}
