/**
 * Cross-format acceptance over every source in source/, the fixtures in test/fixtures/ (not hostile/ or broken/) and
 * test/acceptance/fixtures/: built once by the CLI, then read back by independent clients. The PDF has one page
 * (pdfinfo; a `pages: multi` source more than one), is tagged and passes qpdf --check; the DOCX in LibreOffice and
 * the HTML printed by Chromium have as many pages, and a multi-page briefing says "Page N of M" on every page in all
 * three; axe-core finds nothing in the HTML; every source word (as marked reads it) is in each format; the body size
 * the three PDFs (pdfkit's, LibreOffice's, Chromium's) are set in agrees within 0.5 pt; and read from their word
 * boxes, the three show every list item with the same marker (1. / a. / i., • / – / ◦ by depth, ☑ / ☐ for a task,
 * each box as wide and as far before its text), start the body's
 * blocks in the same columns, and never leave a heading at the end of a column.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchChromium, openHtml, printToPdf, visibleText, type AxeViolation } from '../support/browser.js';
import { clientsAvailable } from '../support/clients.js';
import { docxToPdf } from '../support/office.js';
import { pdfBodyFontSize, pdfInfo, pdfPages, pdfText, pdfWordBoxes, qpdfCheck } from '../support/pdf.js';
import { runCliAsync, type AsyncRun } from '../support/run.js';
import { blockColumns, expectedMarker, expectedTaskBox, itemMarkerBoxes, itemMarkers, sourceBlocks, strandedHeadings } from '../support/page-reading.js';
import { docxText, missingWords, sourceWords, splitFrontMatter } from '../support/words.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function markdownIn(dir: string, recurse: boolean): string[] {
  let out: string[] = [];
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && recurse && !['hostile', 'broken'].includes(entry.name)) out = out.concat(markdownIn(path, true));
    else if (entry.isFile() && ['.md', '.markdown'].includes(extname(entry.name))) out.push(path);
  }
  return out.sort();
}

const SOURCES = [
  ...markdownIn(join(ROOT, 'source'), false),
  ...markdownIn(join(ROOT, 'test/fixtures'), true),
  ...markdownIn(join(ROOT, 'test/acceptance/fixtures'), false),
];
const stem = (source: string): string => basename(source, extname(source));
const label = (source: string): string => relative(ROOT, source);

interface Readback {
  pdf: string;
  docx: string;
  html: string;
  loPdf: string;
  chromePdf: string;
  chromeText: string;
  axe: AxeViolation[];
  outsideRequests: string[];
}

const haveClients = clientsAvailable('pdfinfo', 'pdftotext', 'qpdf', 'soffice', 'chromium');
let build: AsyncRun;
const readback = new Map<string, Readback>();
let browser: Browser | undefined;

describe.skipIf(!haveClients)('acceptance: every source, every format, independent readers', () => {
  beforeAll(async () => {
    expect(new Set(SOURCES.map(stem)).size, 'two sources share a name').toBe(SOURCES.length);
    const work = mkdtempSync(join(tmpdir(), 'briefing-acceptance-'));
    const out = join(work, 'out');
    build = await runCliAsync(['build', ...SOURCES, '--out', out], { env: { SOURCE_DATE_EPOCH: '1735689600' } });
    const built = SOURCES.filter((s) => {
      try {
        return statSync(join(out, `${stem(s)}.pdf`)).isFile() && statSync(join(out, `${stem(s)}.docx`)).isFile() && statSync(join(out, `${stem(s)}.html`)).isFile();
      } catch {
        return false;
      }
    });
    const lo = join(work, 'libreoffice');
    const chrome = join(work, 'chromium');
    mkdirSync(lo);
    mkdirSync(chrome);
    // One soffice start for every DOCX: its start-up costs more than the conversions.
    const loPdfs = docxToPdf(built.map((s) => join(out, `${stem(s)}.docx`)), lo);
    browser = await launchChromium();
    for (const [i, source] of built.entries()) {
      const html = join(out, `${stem(source)}.html`);
      const opened = await openHtml(browser, html, { bypassCSP: true });
      const chromePdf = join(chrome, `${stem(source)}.pdf`);
      const chromeText = await visibleText(opened.page);
      const axe = await axeViolations(opened.page);
      await printToPdf(opened.page, chromePdf);
      await opened.page.close();
      readback.set(source, { pdf: join(out, `${stem(source)}.pdf`), docx: join(out, `${stem(source)}.docx`), html, loPdf: loPdfs[i]!, chromePdf, chromeText, axe, outsideRequests: opened.outsideRequests });
    }
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('builds every source (exit 0)', () => {
    expect(SOURCES.length).toBeGreaterThanOrEqual(4);
    expect(build.stderr).not.toMatch(/: error: /);
    expect(build.status, build.stderr).toBe(0);
    expect([...readback.keys()].map(label)).toEqual(SOURCES.map(label));
  });

  it('a briefing that fills well under half the page is set in one column in all three formats', () => {
    const source = join(ROOT, 'test/acceptance/fixtures/short-guidance.md');
    const r = readback.get(source);
    if (!r) throw new Error(`${label(source)} was not built: ${build.stderr}`);
    const blocks = sourceBlocks(readFileSync(source, 'utf8'));
    const columns = { pdfkit: blockColumns(pdfWordBoxes(r.pdf), blocks), libreoffice: blockColumns(pdfWordBoxes(r.loPdf), blocks), chromium: blockColumns(pdfWordBoxes(r.chromePdf), blocks) };
    expect(columns).toEqual({ pdfkit: ['1:0'], libreoffice: ['1:0'], chromium: ['1:0'] });
  });

  describe.each(SOURCES.map((s) => [label(s), s] as const))('%s', (_name, source) => {
    const get = (): Readback => {
      const r = readback.get(source);
      if (!r) throw new Error(`${label(source)} was not built: ${build.stderr}`);
      return r;
    };

    const multiPage = splitFrontMatter(readFileSync(source, 'utf8')).frontMatter.pages === 'multi';

    it(multiPage ? 'PDF: more than one page, tagged, passes qpdf --check' : 'PDF: one page, tagged, passes qpdf --check', () => {
      const { pdf } = get();
      const info = pdfInfo(pdf);
      if (multiPage) expect(Number(info.Pages)).toBeGreaterThan(1);
      else expect(Number(info.Pages)).toBe(1);
      expect(info.Tagged).toBe('yes');
      const check = qpdfCheck(pdf);
      expect(check.ok, check.output).toBe(true);
    });

    it('DOCX: as many pages in LibreOffice as the PDF has', () => {
      expect(pdfPages(get().loPdf)).toBe(pdfPages(get().pdf));
    });

    it('HTML: prints on as many pages in Chromium as the PDF has, fetches nothing', () => {
      expect(pdfPages(get().chromePdf)).toBe(pdfPages(get().pdf));
      expect(get().outsideRequests).toEqual([]);
    });

    it(multiPage ? 'every page says "Page N of M" in all three formats' : 'a one-page briefing has no page number', () => {
      const { pdf, loPdf, chromePdf } = get();
      const numbers = (path: string): string[] => [...pdfText(path).matchAll(/Page (\d+) of (\d+)/g)].map((m) => m[0]);
      const pages = pdfPages(pdf);
      const expected = multiPage ? Array.from({ length: pages }, (_, i) => `Page ${i + 1} of ${pages}`) : [];
      // pdfText reads each PDF twice (reading order, then drawing order).
      for (const path of [pdf, loPdf, chromePdf]) expect([...new Set(numbers(path))], path).toEqual(expected);
    });

    it('every list item has the same marker in all three formats: 1. / a. / i. and • / – / ◦ by depth, ☑ / ☐ for tasks', () => {
      const blocks = sourceBlocks(readFileSync(source, 'utf8'));
      const items = blocks.filter((b) => b.kind === 'item' && b.words.length > 0);
      const expected = items.map((b) => (b.task ? expectedTaskBox(b.checked === true) : expectedMarker(b.ordered!, b.depth!, b.number!)));
      const { pdf, loPdf, chromePdf } = get();
      const read = (path: string): (string | null)[] => itemMarkers(pdfWordBoxes(path), blocks);
      expect({ pdfkit: read(pdf), libreoffice: read(loPdf), chromium: read(chromePdf) }).toEqual({ pdfkit: expected, libreoffice: expected, chromium: expected });
    });

    it('every task box is as wide and as far before its text in all three formats (0.5 pt)', () => {
      const blocks = sourceBlocks(readFileSync(source, 'utf8'));
      const tasks = blocks.filter((b) => b.kind === 'item' && b.words.length > 0).map((b) => b.task === true);
      const { pdf, loPdf, chromePdf } = get();
      // Per task item: the box's width and the distance from its left edge to the text's.
      const read = (path: string): ({ width: number; before: number } | null)[] =>
        itemMarkerBoxes(pdfWordBoxes(path), blocks)
          .filter((_, i) => tasks[i])
          .map((item) => (item?.marker ? { width: item.marker.xMax - item.marker.xMin, before: item.first.xMin - item.marker.xMin } : null));
      const pdfkit = read(pdf);
      const readers = { libreoffice: read(loPdf), chromium: read(chromePdf) };
      const near = (boxes: ({ width: number; before: number } | null)[]): boolean[] =>
        pdfkit.map((p, i) => {
          const b = boxes[i];
          return p !== null && b !== null && b !== undefined && Math.abs(p.width - b.width) <= 0.5 && Math.abs(p.before - b.before) <= 0.5;
        });
      expect({ libreoffice: near(readers.libreoffice), chromium: near(readers.chromium) }, JSON.stringify({ pdfkit, ...readers })).toEqual({ libreoffice: pdfkit.map(() => true), chromium: pdfkit.map(() => true) });
    });

    it('the body starts its blocks in the same columns in all three formats', () => {
      const blocks = sourceBlocks(readFileSync(source, 'utf8'));
      const { pdf, loPdf, chromePdf } = get();
      const pdfkit = blockColumns(pdfWordBoxes(pdf), blocks);
      expect({ libreoffice: blockColumns(pdfWordBoxes(loPdf), blocks), chromium: blockColumns(pdfWordBoxes(chromePdf), blocks) }).toEqual({ libreoffice: pdfkit, chromium: pdfkit });
    });

    it('no heading is the last line of a column in the PDF, the DOCX or the HTML', () => {
      const blocks = sourceBlocks(readFileSync(source, 'utf8'));
      const { pdf, loPdf, chromePdf } = get();
      const stranded = { pdfkit: strandedHeadings(pdfWordBoxes(pdf), blocks), libreoffice: strandedHeadings(pdfWordBoxes(loPdf), blocks), chromium: strandedHeadings(pdfWordBoxes(chromePdf), blocks) };
      expect(stranded).toEqual({ pdfkit: [], libreoffice: [], chromium: [] });
    });

    it('HTML: axe-core finds no WCAG 2.1 A/AA or best-practice violation', () => {
      expect(get().axe.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).join(', ')}`)).toEqual([]);
    });

    it('every source word is in the PDF, the DOCX and the HTML', async () => {
      const expected = sourceWords(readFileSync(source, 'utf8'));
      expect(expected.length).toBeGreaterThan(10);
      const { pdf, docx, chromeText } = get();
      const docxWords = await docxText(new Uint8Array(readFileSync(docx)));
      const missing = {
        pdf: missingWords(expected, pdfText(pdf)),
        docx: missingWords(expected, docxWords),
        html: missingWords(expected, chromeText),
      };
      expect(missing, JSON.stringify(missing)).toEqual({ pdf: [], docx: [], html: [] });
    });

    it('the body size agrees within 0.5 pt in pdfkit, LibreOffice and Chromium', () => {
      const { pdf, loPdf, chromePdf } = get();
      const sizes = { pdfkit: pdfBodyFontSize(pdf), libreoffice: pdfBodyFontSize(loPdf), chromium: pdfBodyFontSize(chromePdf) };
      const values = Object.values(sizes);
      expect(Math.min(...values), JSON.stringify(sizes)).toBeGreaterThan(5);
      expect(Math.max(...values) - Math.min(...values), JSON.stringify(sizes)).toBeLessThanOrEqual(0.5);
    });
  });
});
