/**
 * Classification banners in the colours offices use: the marking's leading words pick the colour (SECRET//NOFORN is
 * SECRET: red), the text colour reads at 4.5:1 or better, and the PDF, the DOCX in LibreOffice and the HTML printed by
 * Chromium all paint it: each is rasterised and the banner's pixel read. An unknown marking gets the neutral colour
 * and one warning at its line.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bannerColours, contrast, US_MARKINGS } from '../../src/theme/markings.js';
import { loadTheme } from '../../src/theme/load.js';
import { launchChromium, openHtml, printToPdf } from '../support/browser.js';
import { clientsAvailable } from '../support/clients.js';
import { docxToPdf } from '../support/office.js';
import { runCli } from '../support/cli.js';

const theme = loadTheme('default');

describe('the marking table', () => {
  it.each([
    ['UNCLASSIFIED', '#007a33'],
    ['Unclassified — for official use', '#007a33'],
    ['CUI', '#502b85'],
    ['CONFIDENTIAL//REL TO USA, GBR', '#0033a0'],
    ['SECRET//NOFORN', '#c8102e'],
    ['TOP SECRET//SCI', '#ff8c00'],
  ])('%s → %s', (marking, background) => {
    expect(bannerColours(marking, theme)).toMatchObject({ background, known: true });
  });

  it('matches whole words only, and gives the neutral colour to a marking it does not know', () => {
    expect(bannerColours('SECRETARIAT NOTES', theme)).toEqual({ background: theme.colours.bannerBackground, text: theme.colours.bannerText, known: false });
    expect(bannerColours('OFFICIAL-SENSITIVE', theme).known).toBe(false);
  });

  it('sets every banner\'s text at 4.5:1 or better', () => {
    for (const marking of Object.keys(US_MARKINGS)) {
      const { background, text } = bannerColours(marking, theme);
      expect(contrast(background, text), marking).toBeGreaterThanOrEqual(4.5);
    }
  });
});

/** The colour of one pixel of a PDF's first page at 72 dpi (x, y in points from the top left). */
function pixel(pdf: string, x: number, y: number): [number, number, number] {
  const ppm = execFileSync('pdftoppm', ['-r', '72', '-f', '1', '-l', '1', '-x', String(Math.round(x)), '-y', String(Math.round(y)), '-W', '1', '-H', '1', pdf]);
  const rgb = ppm.subarray(ppm.length - 3);
  return [rgb[0]!, rgb[1]!, rgb[2]!];
}

function near(actual: [number, number, number], hex: string): boolean {
  const want = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
  return actual.every((c, i) => Math.abs(c - want[i]!) <= 14);
}

describe.skipIf(!clientsAvailable('pdftoppm', 'soffice', 'chromium'))('SECRET//NOFORN in all three formats', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('paints the red banner at the top of the PDF, of the DOCX in LibreOffice and of the printed HTML', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefing-markings-'));
    writeFileSync(join(dir, 'secret.md'), '---\ntitle: A Secret Briefing\nclassification: SECRET//NOFORN\n---\n\nThe summary.\n\n## Section\n\nBody text.\n');
    const built = runCli(['build', 'secret.md', '--out', 'out'], { cwd: dir });
    expect(built.status, built.stderr).toBe(0);
    const out = join(dir, 'out');
    const [office] = docxToPdf([join(out, 'secret.docx')], join(dir, 'lo'));
    mkdirSync(join(dir, 'chromium'));
    const opened = await openHtml(browser, join(out, 'secret.html'));
    const printed = join(dir, 'chromium', 'secret.pdf');
    await printToPdf(opened.page, printed);
    await opened.page.close();
    // A point inside the top banner, left of its centred text: 4 pt in from the margin, 1 pt below the banner's top.
    const { margin } = theme.page;
    for (const [format, pdf] of [['PDF', join(out, 'secret.pdf')], ['DOCX', office!], ['HTML', printed]] as const) {
      const colour = pixel(pdf, margin.left + 4, margin.top + 3);
      expect(near(colour, '#c8102e'), `${format}: rgb(${colour.join(', ')})`).toBe(true);
    }
  });
});

it('warns once, at the marking\'s line, when the template has no colour for it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-markings-'));
  writeFileSync(join(dir, 'x.md'), '---\ntitle: T\nclassification: OFFICIAL-SENSITIVE\n---\n\nText.\n');
  const built = runCli(['build', 'x.md', '--out', 'out', '-f', 'pdf'], { cwd: dir });
  expect(built.status).toBe(0);
  expect(built.stderr).toContain('x.md:3:17: warning: the template has no banner colour for the marking "OFFICIAL-SENSITIVE": shown in its neutral colour\n');
});
