/**
 * A template's reference.docx restyles the Word file (fonts, colours, bold, italic) and leaves the sizes, spacing and
 * the page's own styles to the layout: the references users make — Pandoc's default with Heading 1 made red, and a
 * DOCX briefing built before — leave the seed on one page in LibreOffice. A damaged one is an error naming it.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../../../src/render/docx/index.js';
import { mergeReferenceStyles } from '../../../src/render/docx/reference-styles.js';
import { halfPoints } from '../../../src/render/docx/units.js';
import { loadTheme } from '../../../src/theme/load.js';
import { clientsAvailable } from '../../support/clients.js';
import { runCli } from '../../support/cli.js';
import { docxToPdf } from '../../support/office.js';
import { seed, SOURCE_DIR } from '../../support/sources.js';
import { context, fitted, parts } from './support.js';
import { parseBriefing } from '../../../src/parse/index.js';

const DEFAULT = fileURLToPath(new URL('../../../templates/default/', import.meta.url));
const SHORT = fileURLToPath(new URL('../../acceptance/fixtures/short-readout.md', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'briefing-reference-'));

/** The default template with `reference` as its reference.docx, in a folder of its own. */
function templateWith(name: string, reference: Uint8Array): string {
  const dir = join(work, name);
  cpSync(DEFAULT, dir, { recursive: true });
  writeFileSync(join(dir, 'reference.docx'), reference);
  return dir;
}

/** Pandoc's default reference.docx, made as its users make one, with Heading 1's colour made red (C00000). */
function pandocReference(): Uint8Array {
  const file = join(work, 'pandoc-reference.docx');
  execFileSync('pandoc', ['-o', file, '--print-default-data-file', 'reference.docx']);
  const entries = unzipSync(new Uint8Array(readFileSync(file)));
  const styles = strFromU8(entries['word/styles.xml']!);
  const heading = /<w:style [^>]*w:styleId="Heading1">[\s\S]*?<\/w:style>/.exec(styles)![0];
  expect(heading).toContain('<w:color w:val="4F81BD" w:themeColor="accent1" />');
  entries['word/styles.xml'] = strToU8(styles.replace(heading, heading.replace(/<w:color [^>]*\/>/, '<w:color w:val="C00000" />')));
  return zipSync(entries);
}

/** A DOCX built from a short readout, which fits at the template's largest size (the seed fits at a smaller one). */
async function builtReference(): Promise<Uint8Array> {
  const { briefing } = parseBriefing(readFileSync(SHORT), SHORT);
  const theme = loadTheme('default');
  const { layout } = fitted(briefing!, theme);
  expect(layout.bodySize).toBe(theme.size.max);
  return renderDocx(briefing!, layout, theme, context());
}

/** The Heading 1 style of a package's styles.xml. */
const heading1 = (styles: string): string => /<w:style [^>]*w:styleId="Heading1">[\s\S]*?<\/w:style>/.exec(styles)?.[0] ?? '';

describe.skipIf(!clientsAvailable('pandoc', 'soffice', 'pdfinfo'))('a template with reference.docx', () => {
  const seedLayout = fitted(seed(), loadTheme('default'));
  const built: Record<string, { docx: Uint8Array; warnings: string[]; template: string }> = {};

  beforeAll(async () => {
    for (const [name, reference] of [['pandoc', pandocReference()], ['built', await builtReference()]] as const) {
      const template = templateWith(name, reference);
      const warnings: string[] = [];
      const docx = await renderDocx(seed(), seedLayout.layout, loadTheme(template), context(warnings));
      writeFileSync(join(work, `seed-${name}.docx`), docx);
      built[name] = { docx, warnings, template };
    }
    docxToPdf([join(work, 'seed-pandoc.docx'), join(work, 'seed-built.docx')], work);
  }, 300_000);

  it("keeps the seed's Word file on one page in LibreOffice, with either reference", () => {
    expect(seedLayout.fits).toBe(true);
    for (const name of ['pandoc', 'built']) {
      expect(execFileSync('pdfinfo', [join(work, `seed-${name}.pdf`)], { encoding: 'utf8' }), name).toMatch(/^Pages:\s+1$/m);
    }
  });

  it("takes Pandoc's red Heading 1 and its fonts, and keeps the layout's sizes and the page's styles", () => {
    const styles = parts(built.pandoc!.docx)['word/styles.xml'] ?? '';
    const heading = heading1(styles);
    expect(heading).toContain('<w:color w:val="C00000" />');
    expect(heading).toContain('w:asciiTheme="majorHAnsi"');
    expect(heading).toContain(`<w:sz w:val="${halfPoints(seedLayout.layout.headingSize)}"/>`);
    expect(heading).not.toContain('w:before="480"');
    for (const id of ['Banner', 'BandKicker', 'ListBullet', 'BlockGap', 'ColumnEnd', 'TableGrid']) expect(styles).toContain(`w:styleId="${id}"`);
    // The reference's theme carries the fonts its styles name by theme.
    expect(unzipSync(built.pandoc!.docx)['word/theme/theme1.xml']).toBeDefined();
    expect(strFromU8(unzipSync(built.pandoc!.docx)['word/theme/theme1.xml']!)).toContain('<a:latin typeface="Cambria"');
  });

  it('says what the Pandoc reference restyled, what it lacks, and which of its colours would not be readable', () => {
    const path = join(built.pandoc!.template, 'reference.docx');
    expect(built.pandoc!.warnings).toEqual([
      `${path}: restyles the document defaults, Title, Heading 1, Heading 2, Heading 3, Heading 4, Heading 5, caption, Hyperlink, Verbatim Char (fonts, colours, bold, italic); ` +
        "sizes and spacing stay the layout's, so the page still fits; its colours for Title (345A8A on 14365D) are not readable there, so those keep the template's; " +
        "it has no Band Kicker, Band Detail, Box Label, List Bullet, List Number, List Continue, Quote, Intense Quote, Quote Attribution, Source Code, Table Text, Table Heading, Horizontal Rule, Block Gap, Span End, Column End, Header, Footer, Banner, Label, Band Organisation, which keep the template's look",
    ]);
  });

  it("takes none of a built DOCX's sizes: the seed keeps its own", () => {
    const styles = parts(built.built!.docx)['word/styles.xml'] ?? '';
    expect(styles).toContain(`<w:sz w:val="${halfPoints(seedLayout.layout.bodySize)}"/>`);
    expect(styles).not.toContain(`<w:sz w:val="${halfPoints(loadTheme('default').size.max)}"/>`);
    const path = join(built.built!.template, 'reference.docx');
    expect(built.built!.warnings).toEqual([`${path}: restyles none of the styles the page uses; sizes and spacing stay the layout's, so the page still fits`]);
  });

});

describe('a damaged reference.docx', () => {
  it('is an error naming it, and nothing is written', () => {
    const template = templateWith('not-a-zip', strToU8('this is not a Word document\n'));
    const out = join(work, 'out-not-a-zip');
    const source = join(SOURCE_DIR, '2025-01-07-tokyo-readout.md');
    const run = runCli(['build', source, '--template', template, '--out', out]);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain(
      `${source}:1:1: error: ${join(template, 'reference.docx')}: is not a Word document (it is not a zip file): save it from Word or LibreOffice as .docx, or remove it`,
    );
    expect(run.stderr).not.toContain('bug');
    expect(existsSync(join(out, '2025-01-07-tokyo-readout.docx'))).toBe(false);
  });

  it('one without word/styles.xml is an error too', () => {
    const template = templateWith('no-styles', zipSync({ 'word/document.xml': strToU8('<w:document/>') }));
    expect(() => loadTheme(template)).toThrow(
      `${join(template, 'reference.docx')}: is not a Word document (it has no word/styles.xml): save it from Word or LibreOffice as .docx, or remove it`,
    );
  });
});

describe("a reference made in Word", () => {
  const generated =
    '<w:styles><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri"/><w:sz w:val="17"/></w:rPr></w:rPrDefault></w:docDefaults>' +
    '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="Heading 1"/><w:pPr><w:spacing w:before="153"/></w:pPr>' +
    '<w:rPr><w:rFonts w:ascii="Calibri"/><w:b/><w:color w:val="14365D"/><w:sz w:val="20"/></w:rPr></w:style></w:styles>';

  it('is matched by style name when its ids are localised, and its properties go in schema order', () => {
    // German Word: the id is "berschrift1", the built-in name is written in lower case.
    const reference =
      '<w:styles><w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="heading 1"/><w:pPr><w:spacing w:before="480"/></w:pPr>' +
      '<w:rPr><w:sz w:val="32"/><w:i/><w:color w:val="C00000"/><w:rFonts w:ascii="Georgia" w:hAnsi="Georgia"/></w:rPr></w:style></w:styles>';
    const merged = mergeReferenceStyles(generated, reference);
    expect(heading1(merged.xml)).toBe(
      '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="Heading 1"/><w:pPr><w:spacing w:before="153"/></w:pPr>' +
        '<w:rPr><w:rFonts w:ascii="Georgia" w:hAnsi="Georgia"/><w:b/><w:i/><w:color w:val="C00000"/><w:sz w:val="20"/></w:rPr></w:style>',
    );
    expect(merged.restyled).toEqual(['Heading 1']);
  });
});
