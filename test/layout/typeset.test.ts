import { describe, expect, it } from 'vitest';
import type { LineMark, Mark, Node } from '../../src/layout/display.js';
import { fitBriefing, layoutAtSize } from '../../src/layout/fit.js';
import { typeset } from '../../src/layout/typeset.js';
import { loadTheme } from '../../src/theme/load.js';
import type { Block, Inline, ListBlock } from '../../src/model/briefing.js';
import { allKinds, generated, seed } from './support.js';

function marksOf(nodes: readonly Node[]): Mark[] {
  return nodes.flatMap((n) => (n.type === 'block' || n.type === 'part' ? marksOf(n.children) : [n]));
}

for (const name of ['default', 'embassy']) {
  describe(`typeset (${name})`, () => {
    const theme = loadTheme(name);
    const briefing = seed();
    const fit = fitBriefing(briefing, theme, { allowOverflow: false });
    if (!fit.ok) throw new Error(fit.message);
    const { layout } = fit;
    const result = typeset(briefing, theme, layout, { slack: 0, balance: true });
    const body = result.groups.find((g) => g.type === 'part' && g.part === 'body')!;
    const lines = marksOf(body.children).filter((m): m is LineMark => m.type === 'line');

    it('keeps every mark inside the page margins, on page one', () => {
      const { margin, width, height } = layout.page;
      for (const mark of marksOf(result.groups)) {
        expect(mark.page).toBe(0);
        if (mark.type === 'line') {
          const right = mark.x + Math.max(0, ...mark.fragments.map((f) => f.x + f.width));
          expect(mark.x).toBeGreaterThanOrEqual(margin.left - 0.01);
          expect(right).toBeLessThanOrEqual(width - margin.right + 0.01);
          expect(mark.baseline).toBeGreaterThan(margin.top);
          expect(mark.baseline).toBeLessThan(height - margin.bottom);
        }
      }
    });

    it('sets the body in two columns, left first, balanced, lines never overlapping', () => {
      const lefts = [...new Set(lines.map((l) => Math.round(l.x)))].sort((a, b) => a - b);
      expect(lefts).toEqual([layout.page.margin.left, Math.round(layout.page.margin.left + (layout.page.width - layout.page.margin.left - layout.page.margin.right + layout.columnGap) / 2)]);
      const columns = lefts.map((x) => lines.filter((l) => Math.round(l.x) === x).map((l) => l.baseline));
      for (const baselines of columns)
        for (let i = 1; i < baselines.length; i++) expect(baselines[i]! - baselines[i - 1]!).toBeGreaterThanOrEqual(layout.leading - 0.01);
      const bottoms = columns.map((b) => Math.max(...b));
      expect(Math.abs(bottoms[0]! - bottoms[1]!)).toBeLessThan(layout.leading * 4);
      // Reading order: the left column's lines come first.
      const firstRight = lines.findIndex((l) => Math.round(l.x) === lefts[1]);
      expect(lines.slice(firstRight).every((l) => Math.round(l.x) === lefts[1])).toBe(true);
    });
  });
}

describe('typeset with every block kind', () => {
  it('places something for each block and lays the classification banner top and bottom', () => {
    const theme = loadTheme('default');
    const briefing = { ...allKinds(), meta: { ...allKinds().meta, classification: 'Official-Sensitive' } };
    const fit = fitBriefing(briefing, theme, { allowOverflow: false });
    if (!fit.ok) throw new Error(fit.message);
    const result = typeset(briefing, theme, fit.layout, { slack: 0, balance: true });
    const kinds = new Set<string>();
    const visit = (nodes: readonly Node[]): void => {
      for (const n of nodes) {
        if (n.type === 'block') kinds.add(n.block.type);
        if (n.type === 'block' || n.type === 'part') visit(n.children);
      }
    };
    visit(result.groups);
    expect([...kinds].sort()).toEqual(['blockquote', 'code', 'heading', 'image', 'list', 'paragraph', 'table', 'thematicBreak']);
    const banners = result.groups.filter((g) => g.type === 'part' && g.part === 'banner');
    expect(banners).toHaveLength(2);
    const bannerText = marksOf(banners).filter((m): m is LineMark => m.type === 'line').map((l) => l.fragments.map((f) => f.text).join(''));
    expect(bannerText).toEqual(['OFFICIAL-SENSITIVE', 'OFFICIAL-SENSITIVE']);
  });
});

describe('typeset: short blocks and page numbers', () => {
  const theme = loadTheme('default');
  const text = (value: string): Inline[] => [{ type: 'text', value }];
  const paragraph = (value: string): Block => ({ type: 'paragraph', children: text(value) });
  const lineTexts = (nodes: readonly Node[]): string[] =>
    marksOf(nodes)
      .filter((m): m is LineMark => m.type === 'line')
      .map((l) => l.fragments.map((f) => f.text).join(''));

  it('keeps a short list in one column of two, and says so for the other formats', () => {
    const list: ListBlock = {
      type: 'list',
      ordered: false,
      start: 1,
      items: ['Embassy staff are not affected.', 'Travellers should check with the operator before going to the port.', 'Questions about compensation go to the operator.'].map(
        (t) => ({ children: [paragraph(t)] }),
      ),
    };
    const briefing = generated(1, 1);
    briefing.sections = [
      { id: 'a', title: text('Line to take'), blocks: [paragraph('We are aware of the strike and are in touch with the ferry operator about travellers’ safety.')] },
      { id: 'b', title: text('If asked'), blocks: [list] },
      { id: 'c', title: text('Contact'), blocks: [paragraph('Send media requests to the press office by email.')] },
    ];
    // Two columns forced, as for a fuller page: balanced, the list would be parted 1 | 2.
    const result = typeset(briefing, theme, layoutAtSize(theme, theme.size.max), { slack: 0, balance: true });
    const findGroup = (nodes: readonly Node[]): Node | undefined =>
      nodes.map((n) => (n.type === 'block' && n.block === list ? n : n.type === 'block' || n.type === 'part' ? findGroup(n.children) : undefined)).find(Boolean);
    const listLines = marksOf([findGroup(result.groups)!]).filter((m): m is LineMark => m.type === 'line');
    expect(listLines.length).toBeGreaterThanOrEqual(6); // 3 bullets and their text
    expect(new Set(listLines.map((l) => l.x >= layoutAtSize(theme, theme.size.max).page.width / 2)).size).toBe(1);
    expect(result.unsplit.has(list)).toBe(true);
    expect(result.unsplit.has(briefing.sections[1]!)).toBe(true);
  });

  it('numbers every page of a multi-page briefing in its footer, and no page of a one-pager', () => {
    const long = generated(8, 8);
    const fit = fitBriefing(long, theme, { allowOverflow: true });
    if (!fit.ok) throw new Error(fit.message);
    const result = typeset(long, theme, fit.layout, { slack: 0, balance: true });
    expect(result.pages).toBeGreaterThan(1);
    const footers = result.groups.filter((g) => g.type === 'part' && g.part === 'footer');
    const numbers = footers.map((f) => lineTexts([f]).filter((t) => t.startsWith('Page ')));
    expect(numbers).toEqual(Array.from({ length: result.pages }, (_, i) => [`Page ${i + 1} of ${result.pages}`]));
    // Centred in the bottom margin, below the content area.
    const number = marksOf(footers).find((m): m is LineMark => m.type === 'line' && lineTexts([m])[0]!.startsWith('Page '))!;
    expect(number.baseline).toBeGreaterThan(fit.layout.page.height - fit.layout.page.margin.bottom);
    const short = generated(1, 1);
    const one = fitBriefing(short, theme, { allowOverflow: false });
    if (!one.ok) throw new Error(one.message);
    expect(lineTexts(typeset(short, theme, one.layout, { slack: 0, balance: true }).groups).filter((t) => t.startsWith('Page '))).toEqual([]);
  });
});
