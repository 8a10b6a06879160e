/**
 * A template's seal in the header band: read with the template (an SVG needs its PNG fallback; one that carries meaning
 * needs alt text), placed by the geometry at the band's right, and drawn in the same box in the PDF (as vectors), the
 * DOCX in LibreOffice and the HTML printed by Chromium: each page is rasterised and the seal's gold ring found.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTheme } from '../../src/theme/load.js';
import { layoutAtSize } from '../../src/layout/fit.js';
import { launchChromium, openHtml, printToPdf } from '../support/browser.js';
import { clientsAvailable } from '../support/clients.js';
import { runCli } from '../support/cli.js';
import { docxToPdf } from '../support/office.js';
import { pdfUncompressed } from '../support/pdf.js';
import { parts } from '../render/docx/support.js';
import { sealBox } from '../support/seal.js';

const DEFAULT = fileURLToPath(new URL('../../templates/default/', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../fixtures/logo/', import.meta.url));
const ALT = 'Seal of the Office of the Spokesperson';

/** The default template with the test seal and `logo` as given, in a folder of its own. */
function templateWith(logo: Record<string, unknown>): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'briefing-logo-')), 'house');
  cpSync(DEFAULT, dir, { recursive: true });
  cpSync(FIXTURES, dir, { recursive: true });
  const tokens = JSON.parse(readFileSync(join(dir, 'theme.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(join(dir, 'theme.json'), JSON.stringify({ ...tokens, logo }));
  return dir;
}

describe('the logo in theme.json', () => {
  it('is sized by the geometry: as tall as the kind line, a title line and a dateline, as wide as its proportions', () => {
    const theme = loadTheme(templateWith({ file: 'seal.svg', fallback: 'seal.png', alt: ALT }));
    const g = layoutAtSize(theme, 10).geometry;
    const height = g.smallLeading + g.band.titleBefore + g.band.titleLeading + g.band.datelineBefore + g.smallLeading;
    expect(g.band.logo).toEqual({ width: height, height });
    expect(theme.logoImage).toMatchObject({ kind: 'svg', width: 100, height: 100, alt: ALT, decorative: false });
  });

  it('needs alt text unless decorative, and a PNG fallback when it is an SVG', () => {
    const noAlt = templateWith({ file: 'seal.svg', fallback: 'seal.png' });
    expect(() => loadTheme(noAlt)).toThrow(`${join(noAlt, 'theme.json')}: logo.alt: a logo that carries meaning needs "alt" text (what it shows); or set "decorative": true`);
    const noFallback = templateWith({ file: 'seal.svg', alt: ALT });
    expect(() => loadTheme(noFallback)).toThrow(`${join(noFallback, 'seal.svg')}: an SVG logo needs "fallback" in theme.json, a PNG of it, for Word versions that cannot draw SVG`);
    const missing = templateWith({ file: 'crest.png', alt: ALT });
    expect(() => loadTheme(missing)).toThrow(`${join(missing, 'crest.png')}: no such file (the logo in theme.json): put it in the template folder, or remove "logo"`);
    expect(loadTheme(templateWith({ file: 'seal.png', decorative: true })).logoImage).toMatchObject({ kind: 'png', width: 400, height: 400, alt: '' });
  });
});

describe.skipIf(!clientsAvailable('pdftoppm', 'soffice', 'chromium', 'qpdf'))('the seal in all three formats', () => {
  let browser: Browser;
  const dir = mkdtempSync(join(tmpdir(), 'briefing-logo-build-'));
  const source = '---\ntitle: Readout of the Secretary’s Call\nkind: readout\ndate: 2025-01-07\nlocation: Tokyo, Japan\n---\n\nThe summary.\n\n## Section\n\nBody text.\n';
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('is drawn in the same box (within 2%) in the PDF, the DOCX in LibreOffice and the printed HTML, and has its alt text', async () => {
    const template = templateWith({ file: 'seal.svg', fallback: 'seal.png', alt: ALT });
    writeFileSync(join(dir, 'call.md'), source);
    const built = runCli(['build', 'call.md', '--template', template, '--out', 'out'], { cwd: dir });
    expect(built.status, built.stderr).toBe(0);
    const out = join(dir, 'out');
    const [office] = docxToPdf([join(out, 'call.docx')], join(dir, 'lo'));
    mkdirSync(join(dir, 'chromium'), { recursive: true });
    const opened = await openHtml(browser, join(out, 'call.html'));
    const printed = join(dir, 'chromium', 'call.pdf');
    await printToPdf(opened.page, printed);
    await opened.page.close();

    // Where the layout put it: at the band's right inside its padding, top-aligned with the band's text.
    const theme = loadTheme(template);
    // The short call fits at the template's largest size.
    const layout = layoutAtSize(theme, theme.size.max);
    const box = layout.geometry.band.logo!;
    const pdf = sealBox(join(out, 'call.pdf'));
    // The test seal's gold ring is 96 of its viewBox's 100 units across, 2 in from each side.
    const right = theme.pageSize.width - theme.page.margin.right - layout.geometry.band.padX;
    expect(Math.abs(pdf.width - 0.96 * box.width) / box.width).toBeLessThanOrEqual(0.02);
    expect(Math.abs(pdf.x + pdf.width - (right - 0.02 * box.width))).toBeLessThanOrEqual(0.75);
    for (const [format, file] of [['DOCX', office!], ['HTML', printed]] as const) {
      const other = sealBox(file);
      for (const key of ['x', 'y', 'width', 'height'] as const) {
        expect(Math.abs(other[key] - pdf[key]) / pdf.width, `${format} ${key}: ${other[key].toFixed(1)} vs ${pdf[key].toFixed(1)}`).toBeLessThanOrEqual(0.02);
      }
    }

    // Vectors in the PDF (no image), tagged as a Figure with its alt text; the DOCX and HTML carry the alt text.
    expect(execFileSync('pdfimages', ['-list', join(out, 'call.pdf')], { encoding: 'utf8' }).split('\n').length).toBe(3);
    expect(pdfUncompressed(join(out, 'call.pdf'))).toMatch(new RegExp(`/Alt \\(${ALT}\\)[\\s\\S]*?/S /Figure|/S /Figure[\\s\\S]*?/Alt \\(${ALT}\\)`));
    expect(parts(readFileSync(join(out, 'call.docx')))['word/document.xml']).toContain(`descr="${ALT}"`);
    expect(readFileSync(join(out, 'call.html'), 'utf8')).toMatch(new RegExp(`<img class="logo" src="data:image/svg\\+xml;base64,[A-Za-z0-9+/=]+" alt="${ALT}">`));
  });

  it('is an artifact with alt="" when decorative, and left off by `logo: false`', () => {
    const template = templateWith({ file: 'seal.png', decorative: true });
    writeFileSync(join(dir, 'plain.md'), source);
    writeFileSync(join(dir, 'off.md'), source.replace('---\n\n', 'logo: false\n---\n\n'));
    const built = runCli(['build', 'plain.md', 'off.md', '--template', template, '--out', 'out2'], { cwd: dir });
    expect(built.status, built.stderr).toBe(0);
    const out = join(dir, 'out2');
    expect(pdfUncompressed(join(out, 'plain.pdf'))).not.toContain('/S /Figure');
    expect(readFileSync(join(out, 'plain.html'), 'utf8')).toContain('" alt="">');
    expect(sealBox(join(out, 'plain.pdf')).width).toBeGreaterThan(40);
    expect(readFileSync(join(out, 'off.html'), 'utf8')).not.toContain('class="logo"');
    expect(sealBox(join(out, 'off.pdf')).width).toBe(-Infinity);
  });
});
