import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../../src/render/html/index.js';
import { loadTheme } from '../../../src/theme/load.js';
import { layoutAtSize } from '../../../src/layout/fit.js';
import { seed, sourceBriefing } from '../../support/sources.js';
import { attributeValues, context, modelStrings, render, visibleText } from './helpers.js';

function fontFaces(html: string): Array<{ family: string; weight: string; style: string; bytes: number }> {
  return [...html.matchAll(/@font-face\{font-family:"([^"]+)";font-style:(\w+);font-weight:(\d+);[^}]*base64,([A-Za-z0-9+/=]+)\)/g)].map((m) => ({
    family: m[1] ?? '',
    style: m[2] ?? '',
    weight: m[3] ?? '',
    bytes: Buffer.from(m[4] ?? '', 'base64').length,
  }));
}

describe('a self-contained document', () => {
  it('embeds WOFF2 subsets of the theme faces and of Noto Sans JP for the kanji', async () => {
    const html = await render(seed());
    const faces = fontFaces(html);
    const names = faces.map((f) => `${f.family} ${f.weight} ${f.style}`);
    expect(names).toEqual(expect.arrayContaining(['Carlito 400 normal', 'Carlito 700 normal', 'Carlito 400 italic', 'Noto Sans JP 400 normal']));
    for (const face of faces) expect(face.bytes).toBeGreaterThan(500);
    // A subset, not the 5 MB face.
    const noto = faces.find((f) => f.family === 'Noto Sans JP');
    expect(noto?.bytes).toBeLessThan(10_000);
  });

  it('embeds no CJK face when the text has no CJK characters', async () => {
    const b = seed();
    b.meta.participants = [{ name: 'Ishiba Shigeru' }];
    expect(fontFaces(await render(b)).map((f) => f.family)).not.toContain('Noto Sans JP');
  });

  it('embeds the embassy template’s faces (Tinos body, Arimo headings)', async () => {
    const families = new Set(fontFaces(await render(seed(), { theme: loadTheme('embassy') })).map((f) => f.family));
    expect([...families].sort()).toEqual(['Arimo', 'Noto Sans JP', 'Tinos']);
  });

  it('makes no network request: no http URL outside real links, no script, no external stylesheet', async () => {
    const b = sourceBriefing('press-guidance-ports.md');
    const html = await render(b);
    const links = attributeValues(html, 'href');
    for (const src of attributeValues(html, 'src')) expect(src.startsWith('data:')).toBe(true);
    for (const href of links) expect(/^(https?:|mailto:)/.test(href)).toBe(true);
    const withoutLinks = html.replace(/<a href="[^"]*"/g, '<a');
    expect(withoutLinks).not.toMatch(/https?:/);
    expect(html).not.toMatch(/<script|<link|<iframe|<object|@import/i);
    expect(html).not.toMatch(/url\((?!data:)/);
    expect(html).toContain("default-src 'none'");
  });

  it('contains every word of the model’s text', async () => {
    for (const briefing of [seed(), sourceBriefing('2025-01-07-tokyo-readout.md'), sourceBriefing('press-guidance-ports.md')]) {
      const theme = loadTheme('default');
      const text = visibleText(await render(briefing, { theme }));
      const words = modelStrings(briefing, theme).flatMap((s) => s.split(/\s+/)).filter(Boolean);
      const missing = words.filter((w) => !text.includes(w));
      expect(missing).toEqual([]);
      expect(words.length).toBeGreaterThan(300);
    }
  });

  it('is byte-identical across runs, and reads no clock', async () => {
    const theme = loadTheme('default');
    const layout = layoutAtSize(theme, 9);
    const a = await renderHtml(seed(), layout, theme, context());
    const b = await renderHtml(seed(), layout, theme, context());
    expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);
    const later = await renderHtml(seed(), layout, theme, { ...context(), buildDate: new Date('2030-01-01T00:00:00Z') });
    expect(new TextDecoder().decode(later)).toContain('2030-01-01T00:00:00.000Z');
  });

  it('stays small: the seed briefing is under 80 KB', async () => {
    const bytes = new TextEncoder().encode(await render(seed()));
    console.info(`seed briefing HTML: ${(bytes.length / 1024).toFixed(1)} KB`);
    expect(bytes.length).toBeLessThan(80 * 1024);
  });
});
