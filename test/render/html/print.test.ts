/**
 * Real-client test: headless Chromium prints the HTML, poppler reads the PDF. The briefing must print on exactly
 * the pages the fit step decided, with the embedded faces (not system fonts) and the kanji as text.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fitBriefing } from '../../../src/layout/fit.js';
import type { Briefing } from '../../../src/model/briefing.js';
import { renderHtml } from '../../../src/render/html/index.js';
import { loadTheme } from '../../../src/theme/load.js';
import { clientsAvailable } from '../../support/clients.js';
import { seed, sourceBriefing } from '../../support/sources.js';
import { context } from './helpers.js';

const available = clientsAvailable('chromium', 'pdfinfo', 'pdftotext', 'pdffonts');
const dir = mkdtempSync(join(tmpdir(), 'briefing-html-print-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function printed(name: string, briefing: Briefing, templateName = 'default'): Promise<{ pages: number; text: string; fonts: string; layoutPages: number }> {
  const theme = loadTheme(templateName);
  const fit = fitBriefing(briefing, theme, { allowOverflow: false });
  if (!fit.ok) throw new Error(`fit failed: ${fit.message}`);
  const html = join(dir, `${name}.html`);
  const pdf = join(dir, `${name}.pdf`);
  writeFileSync(html, await renderHtml(briefing, fit.layout, theme, context()));
  execFileSync('chromium', [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--no-pdf-header-footer',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    `--user-data-dir=${join(dir, `profile-${name}`)}`,
    `--print-to-pdf=${pdf}`,
    `file://${html}`,
  ], { stdio: 'ignore', timeout: 60_000 });
  const info = execFileSync('pdfinfo', [pdf]).toString();
  return {
    pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]),
    text: execFileSync('pdftotext', ['-layout', pdf, '-']).toString(),
    fonts: execFileSync('pdffonts', [pdf]).toString(),
    layoutPages: fit.layout.pages,
  };
}

describe.skipIf(!available)('printed by Chromium', () => {
  it('prints the seed readout source on one page at the fitted size, with the kanji as text, in the embedded faces', async () => {
    const result = await printed('seed', seed());
    expect(result.layoutPages).toBe(1);
    expect(result.pages).toBe(1);
    expect(result.text).toContain('石破茂');
    expect(result.fonts).toMatch(/\+Carlito-Regular/);
    expect(result.fonts).toMatch(/\+NotoSansJP-Regular/);
  });

  it('prints the press guidance (banners, key points, lists) on the embassy A4 page', async () => {
    const result = await printed('ports', sourceBriefing('press-guidance-ports.md'), 'embassy');
    expect(result.pages).toBe(result.layoutPages);
    expect(result.fonts).toMatch(/\+Tinos-Regular/);
  });
});
