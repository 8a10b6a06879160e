/**
 * The DOCX on a machine that has LibreOffice and none of our fonts: fontconfig offers only DejaVu, so Calibri,
 * Carlito, Times New Roman, Tinos… are missing unless the file carries them. Every shipped source and acceptance
 * fixture, built by the CLI, must still lay out on one page, set in the embedded faces and in no other.
 *
 * Each file is converted by a soffice process of its own: LibreOffice keeps the faces a document embeds registered
 * until it exits, so a second file in the same run could borrow the first one's.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientsAvailable } from '../../support/clients.js';
import { DEJAVU_DIR, docxToPdf, onlyFontsIn } from '../../support/office.js';
import { pdfPages } from '../../support/pdf.js';
import { runCliAsync } from '../../support/run.js';
import { embeddedFaces, shownText } from './support.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const markdown = (dir: string): string[] => readdirSync(join(ROOT, dir)).filter((f) => f.endsWith('.md')).sort().map((f) => join(ROOT, dir, f));
const SOURCES = markdown('source');
const FIXTURES = markdown('test/acceptance/fixtures');

/** What each document is built as: its name, source and template. */
const DOCUMENTS = [
  ...[...SOURCES, ...FIXTURES].map((source) => ({ name: basename(source, '.md'), source, template: 'default', body: 'Carlito-Regular' })),
  ...SOURCES.map((source) => ({ name: `${basename(source, '.md')}-embassy`, source, template: 'embassy', body: 'Tinos-Regular' })),
];

const available = clientsAvailable('soffice', 'pdfinfo', 'pdffonts', 'fcList');

/** Base font names in the PDF (subset tags like "BAAAAA+" removed). */
function pdfFonts(pdf: string): string[] {
  const lines = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  return lines.map((line) => (line.split(/\s+/)[0] ?? '').replace(/^[A-Z]{6}\+/, ''));
}

describe.skipIf(!available)('DOCX in LibreOffice with only DejaVu installed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-docx-fonts-'));
  const pdfs = new Map<string, string>();
  const docx = (name: string): string => join(dir, 'out', `${name}.docx`);

  beforeAll(async () => {
    const env = onlyFontsIn(DEJAVU_DIR, dir);
    for (const template of ['default', 'embassy']) {
      const docs = DOCUMENTS.filter((d) => d.template === template);
      const out = join(dir, template);
      const build = await runCliAsync(['build', ...docs.map((d) => d.source), '-f', 'docx,pdf', '--template', template, '--out', out], { env: { SOURCE_DATE_EPOCH: '1735689600' } });
      if (build.status !== 0) throw new Error(build.stderr);
      mkdirSync(join(dir, 'out'), { recursive: true });
      for (const d of docs) {
        execFileSync('cp', [join(out, `${basename(d.source, '.md')}.docx`), docx(d.name)]);
        execFileSync('cp', [join(out, `${basename(d.source, '.md')}.pdf`), join(dir, 'out', `${d.name}.pdf`)]);
      }
    }
    mkdirSync(join(dir, 'pdf'));
    for (const d of DOCUMENTS) pdfs.set(d.name, docxToPdf([docx(d.name)], join(dir, 'pdf'), env)[0]!);
  }, 300_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('covers every shipped source and acceptance fixture', () => {
    expect(SOURCES.length).toBeGreaterThanOrEqual(2);
    expect(FIXTURES.length).toBeGreaterThanOrEqual(3);
  });

  it('sets Arabic in Noto Sans Arabic, the face the PDF sets it in (the Arabic fixture)', () => {
    expect(pdfFonts(join(dir, 'out', 'arabic-readout.pdf'))).toContain('NotoSansArabic-Regular');
    expect(pdfFonts(pdfs.get('arabic-readout')!)).toContain('NotoSansArabic-Regular');
  });

  it.each(DOCUMENTS.map((d) => [d.name, d] as const))('%s lays out on as many pages as its PDF (one, unless pages: multi)', (name) => {
    expect(pdfPages(pdfs.get(name)!)).toBe(pdfPages(join(dir, 'out', `${name}.pdf`)));
  });

  it.each(DOCUMENTS.map((d) => [d.name, d] as const))('%s is set in its embedded faces, and in DejaVu only what no face has', (name, d) => {
    const fonts = pdfFonts(pdfs.get(name)!);
    expect(fonts).toContain(d.body);
    const bytes = new Uint8Array(readFileSync(docx(name)));
    const faces = embeddedFaces(bytes);
    // Default-ignorable characters (soft hyphen, word joiner in pasted text) draw nothing and need no glyph.
    const drawn = [...new Set(shownText(bytes))].filter((c) => c.codePointAt(0)! > 0x20 && !/\p{Default_Ignorable_Code_Point}/u.test(c));
    const uncovered = drawn.filter((c) => !faces.some((f) => f.face.hasGlyphForCodePoint(c.codePointAt(0)!)));
    // Every character is in a face the DOCX carries (the task boxes ☑ ☐ too), so nothing is left to DejaVu.
    expect(uncovered, uncovered.join(' ')).toEqual([]);
    expect(fonts.filter((f) => f.startsWith('DejaVu')), fonts.join(', ')).toEqual([]);
    // Every other font in LibreOffice's PDF is a face the DOCX embeds.
    const embedded = new Set(faces.map((f) => f.face.postscriptName));
    expect(fonts.filter((f) => !f.startsWith('DejaVu') && !embedded.has(f))).toEqual([]);
  });
});
