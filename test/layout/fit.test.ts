import { describe, expect, it } from 'vitest';
import { candidateSizes, fitBriefing, layoutAtSize, SLACK_LINES } from '../../src/layout/fit.js';
import { typeset } from '../../src/layout/typeset.js';
import { loadTheme } from '../../src/theme/load.js';
import { generated, seed, sourceBriefing } from './support.js';

const theme = loadTheme('default');

describe('fitBriefing', () => {
  it('sets a short briefing at the largest size', () => {
    const result = fitBriefing(sourceBriefing('press-guidance-ports.md'), theme, { allowOverflow: false });
    expect(result.ok && result.layout.bodySize).toBe(theme.size.max);
    const tiny = fitBriefing(generated(1, 1), theme, { allowOverflow: false });
    expect(tiny.ok && tiny.layout).toMatchObject({ bodySize: 10.5, pages: 1 });
  });

  it('puts the full seed article on one Letter page at a smaller size, the largest that fits', () => {
    const briefing = seed();
    const result = fitBriefing(briefing, theme, { allowOverflow: false });
    if (!result.ok) throw new Error(result.message);
    const { bodySize } = result.layout;
    expect(theme.pageSize).toEqual({ width: 612, height: 792 });
    expect(bodySize).toBeGreaterThanOrEqual(8.5);
    expect(bodySize).toBeLessThan(theme.size.max);
    expect(result.layout.pages).toBe(1);
    expect(candidateSizes(theme)).toContain(bodySize);
    // It fits with the slack, and one step larger does not.
    const slackAt = (size: number) => (SLACK_LINES / theme.columns) * layoutAtSize(theme, size).leading;
    expect(typeset(briefing, theme, layoutAtSize(theme, bodySize), { slack: slackAt(bodySize), balance: false }).pages).toBe(1);
    const larger = bodySize + theme.size.step;
    expect(typeset(briefing, theme, layoutAtSize(theme, larger), { slack: slackAt(larger), balance: false }).pages).toBeGreaterThan(1);
  });

  it('reports how far over a briefing that does not fit at the minimum is', () => {
    const result = fitBriefing(generated(8, 8), theme, { allowOverflow: false });
    if (result.ok) throw new Error('expected no fit');
    expect(result.linesOver).toBeGreaterThan(20);
    expect(result.wordsToCut).toBeGreaterThan(result.linesOver * 5);
    expect(result.message).toMatch(/^does not fit on one page at the minimum 8\.5 pt: \d+ lines over — cut about \d+ words, or set `pages: multi`$/);
  });

  it('flows onto more pages when overflow is allowed, by option or by the briefing', () => {
    const long = generated(8, 8);
    const byOption = fitBriefing(long, theme, { allowOverflow: true });
    expect(byOption.ok && byOption.layout.pages).toBeGreaterThan(1);
    expect(byOption.ok && byOption.warnings[0]?.message).toMatch(/does not fit on one page/);
    const byMeta = fitBriefing({ ...long, meta: { ...long.meta, allowMultiPage: true } }, theme, { allowOverflow: false });
    expect(byMeta.ok && byMeta.layout.pages).toBe(byOption.ok && byOption.layout.pages);
  });

  it('sets a body that fills well under half the page in one column, a fuller one in the theme\'s columns', () => {
    const short = fitBriefing(generated(2, 1), theme, { allowOverflow: false });
    if (!short.ok) throw new Error(short.message);
    expect(short.layout).toMatchObject({ columns: 1, bodySize: theme.size.max });
    expect(short.layout.geometry.columnWidth).toBe(short.layout.geometry.contentWidth);
    const full = fitBriefing(seed(), theme, { allowOverflow: false });
    expect(full.ok && full.layout.columns).toBe(theme.columns);
    // Just over half the page in one column: two columns, each about half full.
    const half = fitBriefing(generated(3, 4), theme, { allowOverflow: false });
    expect(half.ok && half.layout.columns).toBe(theme.columns);
  });

  it('is fast once the fonts are loaded', () => {
    const briefing = seed();
    fitBriefing(briefing, theme, { allowOverflow: false });
    const start = performance.now();
    for (let i = 0; i < 10; i++) fitBriefing(briefing, theme, { allowOverflow: false });
    expect((performance.now() - start) / 10).toBeLessThan(150);
  });
});

describe('candidateSizes', () => {
  it('runs from max to min on the step', () => {
    expect(candidateSizes(theme)).toEqual([10.5, 10, 9.5, 9, 8.5]);
  });

  it('keeps to Word\'s half-point grid, whatever the theme\'s range and step', () => {
    const sized = (size: { max: number; min: number; step: number }) => candidateSizes({ ...theme, size });
    expect(sized({ max: 10.5, min: 8.5, step: 0.25 })).toEqual([10.5, 10, 9.5, 9, 8.5]);
    expect(sized({ max: 10.4, min: 8.2, step: 1 })).toEqual([10, 9, 8.5]);
    expect(sized({ max: 9, min: 9, step: 0.1 })).toEqual([9]);
    for (const size of sized({ max: 11.3, min: 7.1, step: 0.3 })) expect((size * 2) % 1).toBe(0);
  });

  it('puts every text size it derives on the half-point grid too, so Word sets title, headings and small text as the PDF does', () => {
    for (const template of ['default', 'embassy', 'house']) {
      const look = loadTheme(template);
      for (const size of candidateSizes(look)) {
        const layout = layoutAtSize(look, size);
        const g = layout.geometry;
        const sizes = { title: layout.titleSize, heading: layout.headingSize, small: layout.smallSize, subtitle: g.band.subtitleSize, quote: g.pullQuote.size, table: g.table.size };
        for (const [name, value] of Object.entries(sizes)) expect([template, size, name, (value * 2) % 1]).toEqual([template, size, name, 0]);
      }
    }
  });
});
