import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Group, LineMark, Mark, Node, RuleMark } from '../../src/layout/display.js';
import { candidateSizes, fitBriefing, layoutAtSize } from '../../src/layout/fit.js';
import { columnAligns, columnWidths } from '../../src/layout/tables.js';
import { typeset } from '../../src/layout/typeset.js';
import type { Block, Briefing, TableBlock } from '../../src/model/briefing.js';
import { parseBriefing } from '../../src/parse/index.js';
import { plainText } from '../../src/model/text.js';
import { loadTheme } from '../../src/theme/load.js';

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

describe('table column alignment', () => {
  const cellsOf = (...texts: string[]) => texts.map((value) => ({ children: value ? [{ type: 'text' as const, value }] : [] }));
  const table = (align: TableBlock['align'], rows: string[][]): TableBlock => ({
    type: 'table',
    align,
    header: cellsOf(...align.map((_, c) => `H${c}`)),
    rows: rows.map((r) => cellsOf(...r)),
  });

  it('sets a column of figures right, whatever its header says, when the source gives no alignment', () => {
    const node = table([null, null, null, null], [
      ['Accra', '1,204', '+4%', '$31.0'],
      ['Cairo', '96', '−2.5 %', '—'],
      ['Dakar', '', '(14)', '€4'],
    ]);
    expect(columnAligns(node)).toEqual(['left', 'right', 'right', 'right']);
  });

  it('keeps the source’s alignment, and sets dates, ranges, words and empty columns left', () => {
    const node = table(['left', 'center', null, null, null, null], [
      ['12', '3', '2025-03', '3–4', '$4.2 million', ''],
      ['7', '5', '2026-01', '5–6', '$1.6 million', ''],
    ]);
    expect(columnAligns(node)).toEqual(['left', 'center', 'left', 'left', 'left', 'left']);
  });
});

describe('tables in the typeset page', () => {
  const theme = loadTheme('default');
  const fixture = (name: string): Briefing => {
    const path = fileURLToPath(new URL(`../acceptance/fixtures/${name}.md`, import.meta.url));
    const { briefing } = parseBriefing(readFileSync(path), path);
    if (!briefing) throw new Error(`${name} did not parse`);
    return briefing;
  };
  const tableOf = (briefing: Briefing): TableBlock => briefing.sections.flatMap((s) => s.blocks).find((b): b is TableBlock => b.type === 'table')!;

  it('set their text at 90% of the body or more, on the half-point grid, at every size of the theme', () => {
    for (const size of candidateSizes(theme)) {
      const { table } = layoutAtSize(theme, size).geometry;
      expect(table.size).toBeGreaterThanOrEqual(0.9 * size);
      expect((table.size * 2) % 1).toBe(0);
    }
  });

  it('give every column of the wide table its longest word, across the page, between columns above and below', () => {
    const briefing = fixture('wide-table');
    const fit = fitBriefing(briefing, theme, { allowOverflow: false });
    if (!fit.ok) throw new Error(fit.message);
    const { layout } = fit;
    const result = typeset(briefing, theme, layout, { slack: 0, balance: true });
    const node = tableOf(briefing);
    const geometry = result.blocks.tables.get(node)!;
    expect(geometry.span).toBe(true);
    expect(geometry.width).toBe(layout.geometry.contentWidth);
    // Every line of every cell is whole words: no word was broken letter by letter.
    const group = findBlock(result.groups, node)!;
    const words = new Set([node.header, ...node.rows].flatMap((cells) => cells.flatMap((c) => plainText(c.children).split(/\s+/))));
    const cellLines = marks(group.children).filter((m): m is LineMark => m.type === 'line');
    expect(cellLines.flatMap((l) => lineText(l).split(' ')).filter((w) => !words.has(w))).toEqual([]);
    // Across the page: from the left margin to the right one, below both columns of the text before it.
    const rules = marks(group.children).filter((m): m is RuleMark => m.type === 'rule' && m.y1 === m.y2);
    expect(Math.min(...rules.map((r) => r.x1))).toBeCloseTo(layout.page.margin.left);
    expect(Math.max(...rules.map((r) => r.x2))).toBeCloseTo(layout.page.width - layout.page.margin.right);
    const top = Math.min(...rules.map((r) => r.y1));
    const bottom = Math.max(...rules.map((r) => r.y1));
    const before = marks(briefing.sections[0]!.blocks.slice(0, 1).map((b) => findBlock(result.groups, b)!)).filter((m): m is LineMark => m.type === 'line');
    expect(Math.max(...before.map((l) => l.baseline))).toBeLessThan(top);
    expect(new Set(before.map((l) => l.x > layout.page.width / 2)).size).toBe(2); // the text above is in both columns
    const after = marks([findBlock(result.groups, briefing.sections[1]!.blocks[0]!)!]).filter((m): m is LineMark => m.type === 'line');
    expect(Math.min(...after.map((l) => l.baseline))).toBeGreaterThan(bottom);
  });

  it('draw the header row again where a table goes on in the next column', () => {
    const rows = Array.from({ length: 60 }, (_, i) => `| 2025-03-${String((i % 28) + 1).padStart(2, '0')} | Port ${i} | ${i * 7} containers |`);
    const source = `---\ntitle: Port calls\n---\n\n## Calls\n\n| Date | Port | Landed |\n| --- | --- | ---: |\n${rows.join('\n')}\n`;
    const { briefing } = parseBriefing(source, '/tmp/briefing-test/calls.md');
    const layout = layoutAtSize(theme, theme.size.min);
    const result = typeset(briefing!, theme, layout, { slack: 0, balance: true });
    const group = findBlock(result.groups, tableOf(briefing!))!;
    const repeats = group.children.filter((n) => n.type === 'part' && n.part === 'repeatedHeader');
    expect(repeats.length).toBe(1);
    const copy = marks(repeats).filter((m): m is LineMark => m.type === 'line');
    expect(copy.map(lineText)).toEqual(['Date', 'Port', 'Landed']);
    // In the second column, at its top, above the row it heads.
    expect(Math.min(...copy.map((l) => l.x))).toBeGreaterThan(layout.page.width / 2);
  });
});

function findBlock(nodes: readonly Node[], block: Block): Group | undefined {
  for (const node of nodes) {
    if (node.type === 'block' && node.block === block) return node;
    if (node.type === 'block' || node.type === 'part') {
      const found = findBlock(node.children, block);
      if (found) return found;
    }
  }
  return undefined;
}

function marks(nodes: readonly Node[]): Mark[] {
  return nodes.flatMap((n) => (n.type === 'block' || n.type === 'part' ? marks(n.children) : [n]));
}

function lineText(line: LineMark): string {
  return line.fragments.map((f) => f.text).join('');
}
