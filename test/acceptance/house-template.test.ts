/**
 * The third template, `house`, uses every house-style item: its own seal (SVG, PNG fallback for Word), a house font
 * shipped in the folder (Tinos's OFL faces as "House Serif"), its own marking colours and a reference.docx made from
 * a built DOCX. The seed, marked SECRET//NOFORN, is built with it in all three formats and read back: the seal in the
 * same box, the font embedded and named, one page each (PDF, LibreOffice, Chromium), the banner red everywhere.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTheme } from '../../src/theme/load.js';
import { fitBriefing } from '../../src/layout/fit.js';
import { parseBriefing } from '../../src/parse/index.js';
import { bannerColours } from '../../src/theme/markings.js';
import { launchChromium, openHtml, printToPdf } from '../support/browser.js';
import { clientsAvailable } from '../support/clients.js';
import { runCli } from '../support/cli.js';
import { docxToPdf } from '../support/office.js';
import { pdfPages } from '../support/pdf.js';
import { sealBox } from '../support/seal.js';
import { SOURCE_DIR } from '../support/sources.js';
import { parts } from '../render/docx/support.js';

const theme = loadTheme('house');

/** The colour of one pixel of a PDF's first page at 72 dpi (x, y in points from the top left). */
function pixel(pdf: string, x: number, y: number): [number, number, number] {
  const ppm = execFileSync('pdftoppm', ['-r', '72', '-f', '1', '-l', '1', '-x', String(Math.round(x)), '-y', String(Math.round(y)), '-W', '1', '-H', '1', pdf]);
  const rgb = ppm.subarray(ppm.length - 3);
  return [rgb[0]!, rgb[1]!, rgb[2]!];
}

describe.skipIf(!clientsAvailable('pdftoppm', 'pdffonts', 'pdfinfo', 'soffice', 'chromium'))('the house template', () => {
  let browser: Browser;
  const dir = mkdtempSync(join(tmpdir(), 'briefing-house-'));
  const out = join(dir, 'out');
  let built: { status: number | null; stderr: string };
  let office: string;
  let printed: string;

  beforeAll(async () => {
    const seed = readFileSync(join(SOURCE_DIR, '2025-01-07-tokyo-readout.md'), 'utf8');
    writeFileSync(join(dir, 'secret.md'), seed.replace('---\n', '---\nclassification: SECRET//NOFORN\ntemplate: house\n'));
    built = runCli(['build', 'secret.md', '--out', 'out'], { cwd: dir });
    [office] = docxToPdf([join(out, 'secret.docx')], join(dir, 'lo')) as [string];
    browser = await launchChromium();
    mkdirSync(join(dir, 'chromium'));
    const opened = await openHtml(browser, join(out, 'secret.html'));
    printed = join(dir, 'chromium', 'secret.pdf');
    await printToPdf(opened.page, printed);
    await opened.page.close();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('builds, saying what its reference.docx restyled', () => {
    expect(built.status, built.stderr).toBe(0);
    expect(built.stderr).toMatch(/templates\/house\/reference\.docx: restyles Heading 1, Intense Quote \(fonts, colours, bold, italic\); sizes and spacing stay the layout's, so the page still fits/);
  });

  it('is one page in each format', () => {
    expect(pdfPages(join(out, 'secret.pdf'))).toBe(1);
    expect(pdfPages(office)).toBe(1);
    expect(pdfPages(printed)).toBe(1);
  });

  it('draws the seal in the same box in the three (within 2%), as vectors in the PDF', () => {
    const pdf = sealBox(join(out, 'secret.pdf'));
    // The layout's box: the fit's geometry for this briefing.
    const { briefing } = parseBriefing(readFileSync(join(dir, 'secret.md')), join(dir, 'secret.md'));
    const fit = fitBriefing(briefing!, theme, { allowOverflow: false });
    if (!fit.ok) throw new Error(fit.message);
    const box = fit.layout.geometry.band.logo!;
    // The seal's gold ring is 116 of its viewBox's 120 units across.
    const ring = (box.width * 116) / 120;
    expect(Math.abs(pdf.width - ring) / ring, `${pdf.width} vs ${ring}`).toBeLessThanOrEqual(0.02);
    expect(Math.abs(pdf.height - ring) / ring).toBeLessThanOrEqual(0.02);
    for (const [format, file] of [['DOCX', office], ['HTML', printed]] as const) {
      const other = sealBox(file);
      for (const key of ['x', 'y', 'width', 'height'] as const) {
        expect(Math.abs(other[key] - pdf[key]) / pdf.width, `${format} ${key}: ${other[key].toFixed(1)} vs ${pdf[key].toFixed(1)}`).toBeLessThanOrEqual(0.02);
      }
    }
    expect(execFileSync('pdfimages', ['-list', join(out, 'secret.pdf')], { encoding: 'utf8' }).trim().split('\n')).toHaveLength(2);
  });

  it('embeds the house font in the PDF and names it in the DOCX, which LibreOffice sets in it', () => {
    const fonts = execFileSync('pdffonts', [join(out, 'secret.pdf')], { encoding: 'utf8' });
    expect(fonts).toMatch(/[A-Z]{6}\+Tinos-Regular\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    expect(fonts).toMatch(/\+Tinos-Bold\s/);
    const docx = parts(readFileSync(join(out, 'secret.docx')));
    expect(docx['word/styles.xml']).toContain('<w:rFonts w:ascii="House Serif" w:cs="House Serif" w:eastAsia="Yu Gothic" w:hAnsi="House Serif"/>');
    expect(docx['word/fontTable.xml']).toMatch(/<w:font w:name="House Serif"><w:altName w:val="Times New Roman"\/>[^]*?<w:embedRegular /);
    expect(execFileSync('pdffonts', [office], { encoding: 'utf8' })).toMatch(/\+Tinos-Regular\s/);
  });

  it('paints SECRET//NOFORN in its own red in all three', () => {
    const red = bannerColours('SECRET//NOFORN', theme).background;
    expect(red).toBe('#b3121f');
    const want = [1, 3, 5].map((i) => Number.parseInt(red.slice(i, i + 2), 16));
    for (const [format, pdf] of [['PDF', join(out, 'secret.pdf')], ['DOCX', office], ['HTML', printed]] as const) {
      const colour = pixel(pdf, theme.page.margin.left + 4, theme.page.margin.top + 3);
      expect(colour.every((c, i) => Math.abs(c - want[i]!) <= 14), `${format}: rgb(${colour.join(', ')})`).toBe(true);
    }
  });
});
