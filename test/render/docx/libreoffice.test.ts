/**
 * The page as a word processor lays it out: LibreOffice converts the DOCX files to PDF in one run (slow to start, so
 * shared), then poppler reads pages, text and font sizes back.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientsAvailable } from '../../support/clients.js';
import { renderModel, renderSource, SOURCES, type Rendered } from './support.js';
import { allKinds } from './all-kinds.js';
import { loadTheme } from '../../../src/theme/load.js';

const available = clientsAvailable('soffice', 'pdfinfo', 'pdftotext');

/** Words on the page with their boxes (pdftotext -bbox). */
function words(pdf: string): { x: number; y: number; height: number }[] {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">/g)].map((m) => ({
    x: Number(m[1]),
    y: Number(m[2]),
    height: Number(m[3]) - Number(m[2]),
  }));
}

/** Distances from one line to the next within a column: in running text, the leading. */
function linePitches(list: { x: number; y: number }[]): number[] {
  const lines = [...new Set(list.map((w) => `${Math.round(w.x < 306 ? 0 : 1)}:${w.y.toFixed(2)}`))];
  const pitches: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const [col, y] = (lines[i] ?? '').split(':');
    const [prevCol, prevY] = (lines[i - 1] ?? '').split(':');
    if (col === prevCol) pitches.push(Number(y) - Number(prevY));
  }
  return pitches.filter((p) => p > 0);
}

function mode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(Math.round(v * 10) / 10, (counts.get(Math.round(v * 10) / 10) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
}

describe.skipIf(!available)('DOCX in LibreOffice', () => {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-docx-lo-'));
  const rendered = new Map<string, Rendered>();
  const pdf = (name: string) => join(dir, `${name}.pdf`);

  beforeAll(async () => {
    for (const source of SOURCES) {
      for (const template of ['default', 'embassy']) {
        const result = await renderSource(source, template);
        rendered.set(`${source}-${template}`, result);
        writeFileSync(join(dir, `${source}-${template}.docx`), result.bytes);
      }
    }
    writeFileSync(join(dir, 'all-kinds.docx'), await renderModel(allKinds(), loadTheme('default'), 9));
    const files = [...rendered.keys(), 'all-kinds'].map((n) => join(dir, `${n}.docx`));
    execFileSync(
      'soffice',
      [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...files],
      { stdio: 'ignore', timeout: 180_000 },
    );
  }, 240_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const pages = (file: string): number => Number(execFileSync('pdfinfo', [file], { encoding: 'utf8' }).match(/Pages:\s+(\d+)/)?.[1]);

  it.each(SOURCES.flatMap((s) => [`${s}-default`, `${s}-embassy`]))('%s lays out on one page at the fitted size', (name) => {
    const result = rendered.get(name);
    expect(result?.fits).toBe(true);
    expect(pages(pdf(name))).toBe(1);
  });

  it('sets the seed readout in the body size, with the kanji of 石破茂', () => {
    const name = '2025-01-07-tokyo-readout-default';
    const result = rendered.get(name);
    const text = execFileSync('pdftotext', [pdf(name), '-'], { encoding: 'utf8' });
    expect(text).toContain('石破茂');
    expect(text).toContain('A Partnership for Global Leadership');
    const layout = result?.layout;
    expect(layout).toBeDefined();
    const placed = words(pdf(name));
    // Body lines sit on the layout's exact leading, and the commonest word box is a body-size word's (≈ 1.3 em in
    // LibreOffice's PDF for Carlito), so the size is the fitted one and not a neighbour on the size ladder.
    expect(Math.abs(mode(linePitches(placed)) - (layout?.leading ?? 0))).toBeLessThan(0.15);
    const size = mode(placed.map((w) => w.height)) / 1.3;
    expect(Math.abs(size - (layout?.bodySize ?? 0))).toBeLessThan(0.25);
  });

  it('opens the every-kind briefing and keeps it on one page', () => {
    expect(pages(pdf('all-kinds'))).toBe(1);
    const text = execFileSync('pdftotext', [pdf('all-kinds'), '-'], { encoding: 'utf8' });
    for (const word of ['OFFICIAL-SENSITIVE', 'Nested bullet', 'Fourth numbered', 'indented();', 'After the rule.']) expect(text).toContain(word);
  });
});
