/**
 * Tables and pictures in the three formats, read back by independent clients. The wide table's columns are as wide
 * in the DOCX's grid, the HTML's colgroup and Chromium's rendering as the layout set them, and sit where the layout
 * put them in the PDF, in LibreOffice's PDF of the DOCX and in Chromium's print of the HTML; none of those breaks a
 * word of the table. Each picture is drawn at the layout's size in all three (2% either way), upright (the phone
 * photo's EXIF orientation applied once), and the DOCX stays on one page in LibreOffice. The long table runs from
 * the first column into the second after the same row in all three, its header row repeated above the rest.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fitBriefing } from '../../src/layout/fit.js';
import type { Layout, PictureGeometry, TableGeometry } from '../../src/layout/layout.js';
import type { Briefing, ImageBlock, TableBlock } from '../../src/model/briefing.js';
import { parseBriefing } from '../../src/parse/index.js';
import { plainText } from '../../src/model/text.js';
import { loadTheme } from '../../src/theme/load.js';
import { inPage, launchChromium, openHtml, printToPdf } from '../support/browser.js';
import { clientsAvailable } from '../support/clients.js';
import { docxToPdf } from '../support/office.js';
import { pdfPages, pdfWordBoxes, type WordBox } from '../support/pdf.js';
import { runCliAsync } from '../support/run.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const NAMES = ['wide-table', 'long-table', 'portrait-photo', 'phone-photo'] as const;
type Name = (typeof NAMES)[number];
const READERS = ['pdfkit', 'libreoffice', 'chromium'] as const;
type Reader = (typeof READERS)[number];

interface Measured {
  briefing: Briefing;
  layout: Layout;
  pdfs: Record<Reader, string>;
  docxXml: string;
  /** Chromium, on screen at print size: each table's colgroup shares and header cells' widths, each picture's box (pt). */
  html: { tables: { shares: number[]; cells: number[]; width: number }[]; pictures: { width: number; height: number }[] };
}

const measured = new Map<Name, Measured>();
let browser: Browser | undefined;
const haveClients = clientsAvailable('pdftotext', 'pdftoppm', 'soffice', 'chromium');

function within(actual: number, expected: number, share = 0.02): boolean {
  return Math.abs(actual - expected) <= share * expected;
}

function blocksOf<T extends 'table' | 'image'>(briefing: Briefing, type: T): Extract<TableBlock | ImageBlock, { type: T }>[] {
  return briefing.sections.flatMap((s) => s.blocks).filter((b): b is Extract<TableBlock | ImageBlock, { type: T }> => b.type === type);
}

describe.skipIf(!haveClients)('tables and pictures: the layout decides, every format draws the same', () => {
  beforeAll(async () => {
    const work = mkdtempSync(join(tmpdir(), 'briefing-tables-pictures-'));
    const out = join(work, 'out');
    const sources = NAMES.map((n) => join(FIXTURES, `${n}.md`));
    const build = await runCliAsync(['build', ...sources, '--out', out], { env: { SOURCE_DATE_EPOCH: '1735689600' } });
    expect(build.status, build.stderr).toBe(0);
    mkdirSync(join(work, 'lo'));
    mkdirSync(join(work, 'chromium'));
    const loPdfs = docxToPdf(NAMES.map((n) => join(out, `${n}.docx`)), join(work, 'lo'));
    browser = await launchChromium();
    const theme = loadTheme('default');
    for (const [i, name] of NAMES.entries()) {
      const source = sources[i]!;
      const { briefing } = parseBriefing(readFileSync(source), source);
      if (!briefing) throw new Error(`${name} did not parse`);
      const fit = fitBriefing(briefing, theme, { allowOverflow: false });
      if (!fit.ok) throw new Error(`${name} does not fit: ${fit.message}`);
      const opened = await openHtml(browser, join(out, `${name}.html`));
      const html = await inPage<Measured['html']>(
        opened.page,
        `(() => {
          const pt = (px) => px * 0.75;
          const tables = [...document.querySelectorAll('table')].map((t) => ({
            width: pt(t.getBoundingClientRect().width),
            shares: [...t.querySelectorAll('col')].map((c) => parseFloat(c.style.width) / 100),
            cells: [...t.querySelectorAll('thead th')].map((th) => pt(th.getBoundingClientRect().width)),
          }));
          const pictures = [...document.querySelectorAll('figure.image img')].map((img) => {
            const r = img.getBoundingClientRect();
            return { width: pt(r.width), height: pt(r.height) };
          });
          return { tables, pictures };
        })()`,
      );
      const chromePdf = join(work, 'chromium', `${name}.pdf`);
      await printToPdf(opened.page, chromePdf);
      await opened.page.close();
      const docxXml = strFromU8(unzipSync(new Uint8Array(readFileSync(join(out, `${name}.docx`))))['word/document.xml']!);
      measured.set(name, { briefing, layout: fit.layout, pdfs: { pdfkit: join(out, `${name}.pdf`), libreoffice: loPdfs[i]!, chromium: chromePdf }, docxXml, html });
    }
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
  });

  const get = (name: Name): Measured => {
    const m = measured.get(name);
    if (!m) throw new Error(`${name} was not built`);
    return m;
  };

  describe('the wide table', () => {
    const table = (): { node: TableBlock; geometry: TableGeometry } => {
      const { briefing, layout } = get('wide-table');
      const node = blocksOf(briefing, 'table')[0]!;
      return { node, geometry: layout.blocks.tables.get(node)! };
    };

    it('is set across the page: its longest words do not fit a column', () => {
      const { layout } = get('wide-table');
      const { geometry } = table();
      expect(geometry.span).toBe(true);
      expect(geometry.width).toBeCloseTo(layout.geometry.contentWidth);
      expect(geometry.columns.reduce((a, b) => a + b, 0)).toBeCloseTo(layout.geometry.contentWidth);
    });

    it('has the layout’s column widths in the DOCX grid, every cell, and a fixed layout', () => {
      const { docxXml } = get('wide-table');
      const { geometry } = table();
      const tables = [...docxXml.matchAll(/<w:tbl>.*?<\/w:tbl>/gs)].map((m) => m[0]);
      const xml = tables.find((t) => (t.match(/<w:gridCol /g) ?? []).length === geometry.columns.length)!;
      expect(xml).toContain('<w:tblLayout w:type="fixed"/>');
      const grid = [...xml.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]) / 20);
      expect(grid.map((w, c) => within(w, geometry.columns[c]!)), JSON.stringify({ grid, layout: geometry.columns })).toEqual(grid.map(() => true));
      const firstRow = xml.slice(xml.indexOf('<w:tr>'), xml.indexOf('</w:tr>'));
      const cells = [...firstRow.matchAll(/<w:tcW w:type="dxa" w:w="(\d+)"\/>/g)].map((m) => Number(m[1]) / 20);
      expect(cells).toEqual(grid);
      expect(firstRow).toContain('<w:tblHeader/>');
    });

    it('has the layout’s column widths in the HTML colgroup and in Chromium’s rendering', () => {
      const { html } = get('wide-table');
      const { geometry } = table();
      const [rendered] = html.tables;
      const fromShares = rendered!.shares.map((s) => s * geometry.width);
      const report = JSON.stringify({ layout: geometry.columns, colgroup: fromShares, chromium: rendered!.cells });
      expect(fromShares.map((w, c) => within(w, geometry.columns[c]!)), report).toEqual(geometry.columns.map(() => true));
      expect(rendered!.cells.map((w, c) => within(w, geometry.columns[c]!)), report).toEqual(geometry.columns.map(() => true));
    });

    it('sits where the layout put its columns in the PDF, LibreOffice’s PDF and Chromium’s print', () => {
      const { layout, pdfs } = get('wide-table');
      const { node, geometry } = table();
      const pad = layout.geometry.table.padX;
      // Each column's left edge (its header word less the padding; a right-aligned header gives the next edge).
      const edges = (boxes: WordBox[]): (number | null)[] =>
        node.header.map((cell, c) => {
          if (node.align[c] === 'right') return null;
          const box = boxes.find((b) => b.text === plainText(cell.children));
          return box ? box.xMin - pad - layout.page.margin.left : Number.NaN;
        });
      const expected = geometry.columns.map((_, c) => geometry.columns.slice(0, c).reduce((a, b) => a + b, 0));
      for (const reader of READERS) {
        const found = edges(pdfWordBoxes(pdfs[reader]));
        // 2% of the column's width, and a point for where each reader starts the table's first cell.
        const off = found.map((x, c) => (x === null ? true : Math.abs(x - expected[c]!) <= 0.02 * geometry.columns[c]! + 1));
        expect(off, `${reader}: ${JSON.stringify({ found, expected })}`).toEqual(found.map(() => true));
      }
    });

    it('breaks no word in the PDF, LibreOffice’s PDF or Chromium’s print', () => {
      const { pdfs, briefing } = get('wide-table');
      const node = blocksOf(briefing, 'table')[0]!;
      const words = new Set(
        [node.header, ...node.rows].flatMap((cells) => cells.flatMap((c) => plainText(c.children).split(/\s+/))).flatMap((w) => [w, ...hyphenParts(w)]),
      );
      for (const reader of READERS) {
        const boxes = pdfWordBoxes(pdfs[reader]);
        const top = boxes.find((b) => b.text === 'Area')!.yMin;
        // The table ends where the next section's heading begins, below it in the first column.
        const bottom = boxes.find((b) => b.text === 'What' && b.yMin > top)!.yMin;
        const inTable = boxes.filter((b) => b.yMin >= top - 1 && b.yMax <= bottom).map((b) => b.text);
        expect(inTable.length, reader).toBeGreaterThan(60);
        expect(inTable.filter((w) => !words.has(w)), reader).toEqual([]);
      }
    });
  });

  describe('the long table', () => {
    it('keeps the DOCX on one page in LibreOffice', () => {
      expect(pdfPages(get('long-table').pdfs.libreoffice)).toBe(1);
    });

    it('runs into the second column after the same row in every format, its header row repeated there', () => {
      const { briefing, pdfs } = get('long-table');
      const node = blocksOf(briefing, 'table')[0]!;
      const head = plainText(node.header[0]!.children);
      const firstWords = node.rows.map((cells) => plainText(cells[0]!.children).split(/\s+/)[0]!);
      const split = Object.fromEntries(READERS.map((reader) => [reader, tableColumns(pdfWordBoxes(pdfs[reader]), head)]));
      // Every row once, in order, the header in both columns.
      expect(split.pdfkit!.map((c) => c.header)).toEqual([true, true]);
      expect(split.pdfkit!.flatMap((c) => c.firstWords)).toEqual(firstWords);
      expect(split.pdfkit![0]!.firstWords.length).toBeGreaterThan(2);
      expect(split.pdfkit![1]!.firstWords.length).toBeGreaterThan(2);
      expect(split).toEqual({ pdfkit: split.pdfkit, libreoffice: split.pdfkit, chromium: split.pdfkit });
    });
  });

  describe('the long table’s columns of figures', () => {
    it('are right-aligned by the layout (the source gives no alignment)', () => {
      const { briefing, layout } = get('long-table');
      const node = blocksOf(briefing, 'table')[0]!;
      expect(node.align).toEqual([null, null, null, null]);
      expect(layout.blocks.tables.get(node)!.align).toEqual(['left', 'left', 'right', 'right']);
    });

    it('line up on their right edges, where the layout puts them, in every format', () => {
      const { briefing, layout, pdfs } = get('long-table');
      const node = blocksOf(briefing, 'table')[0]!;
      const geometry = layout.blocks.tables.get(node)!;
      const head = plainText(node.header[0]!.children);
      // Where the layout's columns start and end past the table's left edge; a figure ends at its column's end less the padding.
      const start = (c: number): number => geometry.columns.slice(0, c).reduce((a, b) => a + b, 0);
      const right = (c: number): number => start(c + 1) - layout.geometry.table.padX;
      // In each row (of either text column), the right edge of the words in columns 2 and 3, past the table's left
      // edge (the row's first word less the padding).
      const edges = (reader: Reader): number[][] =>
        tableRows(pdfWordBoxes(pdfs[reader]), head).flatMap(({ rows }) =>
          rows.map((words) => {
            const left = words[0]!.xMin - layout.geometry.table.padX;
            return [2, 3].map((c) => Math.max(...words.filter((w) => w.xMin - left >= start(c) && w.xMin - left < start(c + 1)).map((w) => w.xMax - left)));
          }),
        );
      for (const reader of READERS) {
        const found = edges(reader);
        expect(found.length, reader).toBe(node.rows.length);
        const off = found.map((row) => row.map((x, i) => Math.abs(x - right(2 + i)) <= 1.5));
        expect(off, `${reader}: ${JSON.stringify({ found, expected: [right(2), right(3)] })}`).toEqual(found.map(() => [true, true]));
      }
    });
  });

  describe.each(['portrait-photo', 'phone-photo'] as const)('the %s', (name) => {
    const picture = (): PictureGeometry => {
      const { briefing, layout } = get(name);
      return layout.blocks.pictures.get(blocksOf(briefing, 'image')[0]!)!;
    };

    it('is portrait and no taller than the layout’s cap', () => {
      const { layout } = get(name);
      const { width, height } = picture();
      expect(height).toBeGreaterThan(width);
      expect(height).toBeLessThanOrEqual(layout.geometry.image.maxHeight + 1e-9);
    });

    it('is drawn at the layout’s size in every format (2%)', () => {
      const { pdfs, docxXml, html } = get(name);
      const expected = picture();
      const sizes: Record<string, { width: number; height: number }> = {};
      for (const reader of READERS) sizes[reader] = pdfImageSize(pdfs[reader]);
      const extent = /<wp:extent cx="(\d+)" cy="(\d+)"\/>/.exec(docxXml)!;
      sizes.docx = { width: Number(extent[1]) / 12700, height: Number(extent[2]) / 12700 };
      sizes.html = html.pictures[0]!;
      const report = JSON.stringify({ layout: expected, ...sizes });
      for (const [format, size] of Object.entries(sizes)) {
        expect(within(size.width, expected.width) && within(size.height, expected.height), `${format}: ${report}`).toBe(true);
      }
    });

  });

  it('the phone photo (stored sideways, EXIF orientation 6) is upright in every format: the sun on the left, the ground below it', () => {
    for (const reader of READERS) expect(sunAndGround(get('phone-photo').pdfs[reader]), reader).toEqual({ sunOnTheLeft: true, groundBelowSun: true });
  });

  it('the portrait photo keeps the DOCX on one page in LibreOffice', () => {
    expect(pdfPages(get('portrait-photo').pdfs.libreoffice)).toBe(1);
  });
});

/**
 * A table's rows in each text column of the first page: whether its header word is there, and the words of each row
 * below it, left to right (the rows are the lines whose first word starts where the header word starts, within a point).
 */
function tableRows(boxes: readonly WordBox[], header: string): { header: boolean; rows: WordBox[][] }[] {
  const page = boxes.filter((b) => b.page === 1);
  return [0, 1].map((column) => {
    const inColumn = page.filter((b) => (b.xMin >= b.pageWidth / 2 ? 1 : 0) === column);
    const head = inColumn.find((b) => b.text === header);
    if (!head) return { header: false, rows: [] };
    const starts = inColumn.filter((b) => b.yMin > head.yMax - 1 && Math.abs(b.xMin - head.xMin) <= 1).sort((a, b) => a.yMin - b.yMin);
    const rows = starts.map((start) => inColumn.filter((b) => Math.abs(b.yMin - start.yMin) < 2 && b.xMin >= start.xMin - 1).sort((a, b) => a.xMin - b.xMin));
    return { header: true, rows };
  });
}

/** A table's first column in each text column of the first page: whether its header is there, each row's first word. */
function tableColumns(boxes: readonly WordBox[], header: string): { header: boolean; firstWords: string[] }[] {
  return tableRows(boxes, header).map(({ header: found, rows }) => ({ header: found, firstWords: rows.map((r) => r[0]!.text) }));
}

/** "Timor-Leste" may break after its hyphen: "Timor-" and "Leste" are parts, not broken words. */
function hyphenParts(word: string): string[] {
  const parts = word.split(/(?<=-)/);
  return parts.length > 1 ? parts : [];
}

/** The first image's drawn size in points, from its pixel size and resolution as poppler reports them. */
function pdfImageSize(path: string): { width: number; height: number } {
  const list = execFileSync('pdfimages', ['-list', path], { encoding: 'utf8' }).split('\n').slice(2);
  const fields = list[0]!.trim().split(/\s+/);
  const [width, height, xppi, yppi] = [fields[3], fields[4], fields[12], fields[13]].map(Number) as [number, number, number, number];
  return { width: (width / xppi) * 72, height: (height / yppi) * 72 };
}

/**
 * Reads the fixture photo (a made-up harbour: scripts/fixture-photos.mjs) in a PDF's first page at 72 dpi: the yellow
 * sun's centre, whether it is left of the picture's middle on its row, and whether green ground lies below it before
 * the picture ends. Upright, both hold; a sideways or mirrored photo fails one.
 */
function sunAndGround(pdf: string): { sunOnTheLeft: boolean; groundBelowSun: boolean } {
  const ppm = execFileSync('pdftoppm', ['-r', '72', '-f', '1', '-l', '1', pdf], { maxBuffer: 64 * 1024 * 1024 });
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'))!;
  const [width, height, offset] = [Number(header[1]), Number(header[2]), header[0].length];
  const at = (x: number, y: number): [number, number, number] => {
    const i = offset + (y * width + x) * 3;
    return [ppm[i]!, ppm[i + 1]!, ppm[i + 2]!];
  };
  const sun = ([r, g, b]: [number, number, number]): boolean => r > 220 && g > 180 && g < 240 && b < 140;
  const white = ([r, g, b]: [number, number, number]): boolean => r > 235 && g > 235 && b > 235;
  let sx = 0;
  let sy = 0;
  let n = 0;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      if (sun(at(x, y))) {
        sx += x;
        sy += y;
        n++;
      }
  if (n === 0) return { sunOnTheLeft: false, groundBelowSun: false };
  const [cx, cy] = [Math.round(sx / n), Math.round(sy / n)];
  let left = cx;
  while (left > 0 && !white(at(left - 1, cy))) left--;
  let right = cx;
  while (right < width - 1 && !white(at(right + 1, cy))) right++;
  let groundBelowSun = false;
  for (let y = cy; y < height && !white(at(cx, y)); y++) {
    const [r, g, b] = at(cx, y);
    if (g > r + 40 && g > b) groundBelowSun = true;
  }
  return { sunOnTheLeft: cx < (left + right) / 2, groundBelowSun };
}
