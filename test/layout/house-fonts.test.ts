/**
 * House fonts: a template ships its four faces with the Word name to use and a bundled fallback. The fit measures with
 * them, the PDF and HTML embed subsets, the DOCX names and embeds them; a missing face or a file that is not a font is
 * refused with a message saying what to add. The faces here are Tinos's (SIL OFL 1.1, from @expo-google-fonts/tinos)
 * under a house name, over the default template's Carlito body: different metrics, so a fit with them differs.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { getFace } from '../../src/layout/faces.js';
import { loadTheme } from '../../src/theme/load.js';
import { clientsAvailable } from '../support/clients.js';
import { runCli } from '../support/cli.js';
import { docxToPdf } from '../support/office.js';
import { parts } from '../render/docx/support.js';

const DEFAULT = fileURLToPath(new URL('../../templates/default/', import.meta.url));
const TINOS = dirname(createRequire(import.meta.url).resolve('@expo-google-fonts/tinos/package.json'));
const FILES = { regular: '400Regular/Tinos_400Regular.ttf', bold: '700Bold/Tinos_700Bold.ttf', italic: '400Regular_Italic/Tinos_400Regular_Italic.ttf', boldItalic: '700Bold_Italic/Tinos_700Bold_Italic.ttf' };

/** The default template with Tinos's faces in fonts/ as the house font "Office Serif" (Word: "Office Serif"). */
function houseTemplate(files: Partial<Record<keyof typeof FILES, string>> = FILES, name = 'Office Serif'): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'briefing-house-font-')), 'house');
  cpSync(DEFAULT, dir, { recursive: true });
  mkdirSync(join(dir, 'fonts'));
  const named: Record<string, string> = {};
  for (const [style, file] of Object.entries(files)) {
    const target = `fonts/${file.split('/').pop()}`;
    if (file.startsWith('/')) writeFileSync(join(dir, target), readFileSync(file));
    else cpSync(join(TINOS, file), join(dir, target));
    named[style] = target;
  }
  const tokens = JSON.parse(readFileSync(join(dir, 'theme.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(
    join(dir, 'theme.json'),
    JSON.stringify({ ...tokens, fonts: { body: name, heading: name, mono: 'Cousine' }, houseFonts: { [name]: { word: name, fallback: 'Tinos', files: named } } }),
  );
  return dir;
}

describe('a house font in theme.json', () => {
  it('is measured with its own faces', () => {
    const theme = loadTheme(houseTemplate());
    const face = getFace(theme.fonts.body, 'regular');
    expect(face.familyName).toBe('Office Serif');
    expect(face.path).toContain(join('house', 'fonts', 'Tinos_400Regular.ttf'));
    expect(getFace(theme.fonts.body, 'boldItalic').path).toContain('Tinos_700Bold_Italic.ttf');
  });

  it('needs all four faces, each a TrueType or OpenType file', () => {
    const { italic: _italic, ...three } = FILES;
    const missing = houseTemplate(three, 'Office Three');
    expect(() => loadTheme(missing)).toThrow(
      `${join(missing, 'theme.json')}: houseFonts.Office Three.files.italic: a house font needs all four faces (regular, bold, italic, boldItalic): add this one, a TTF or OTF file in the template folder`,
    );
    const notFont = join(mkdtempSync(join(tmpdir(), 'briefing-not-font-')), 'Fake-Bold.ttf');
    writeFileSync(notFont, 'not a font\n');
    const fake = houseTemplate({ ...FILES, bold: notFont }, 'Office Fake');
    expect(() => loadTheme(fake)).toThrow(`${join(fake, 'fonts', 'Fake-Bold.ttf')}: not a TrueType or OpenType font (houseFonts.Office Fake.files.bold): give a .ttf or .otf file`);
    const unknown = houseTemplate(FILES, 'Office Serif');
    const tokens = JSON.parse(readFileSync(join(unknown, 'theme.json'), 'utf8')) as { fonts: Record<string, string> };
    tokens.fonts.heading = 'Garamond';
    writeFileSync(join(unknown, 'theme.json'), JSON.stringify(tokens));
    expect(() => loadTheme(unknown)).toThrow(`${join(unknown, 'theme.json')}: fonts.heading: "Garamond" is not a font: use "Carlito", "Arimo", "Tinos", "Cousine", "Office Serif", or add it to houseFonts`);
  });
});

describe.skipIf(!clientsAvailable('pdffonts', 'soffice'))('a briefing in a house font', () => {
  it('embeds it in the PDF and the HTML, and names and embeds it in the DOCX', () => {
    const template = houseTemplate();
    const dir = mkdtempSync(join(tmpdir(), 'briefing-house-build-'));
    writeFileSync(join(dir, 'call.md'), '---\ntitle: Readout of the Call\nkind: readout\ndate: 2025-01-07\n---\n\nThe *summary*.\n\n## Section\n\nBody **text** and ***more***.\n');
    const built = runCli(['build', 'call.md', '--template', template, '--out', 'out'], { cwd: dir });
    expect(built.status, built.stderr).toBe(0);
    const fonts = execFileSync('pdffonts', [join(dir, 'out', 'call.pdf')], { encoding: 'utf8' });
    for (const face of ['Tinos-Regular', 'Tinos-Bold', 'Tinos-Italic', 'Tinos-BoldItalic']) expect(fonts).toMatch(new RegExp(`[A-Z]{6}\\+${face}\\s+CID TrueType.*yes\\s+yes`));
    expect(fonts).not.toContain('Carlito');
    const docx = parts(readFileSync(join(dir, 'out', 'call.docx')));
    expect(docx['word/styles.xml']).toContain('<w:rFonts w:ascii="Office Serif" w:cs="Office Serif"');
    expect(docx['word/fontTable.xml']).toMatch(/<w:font w:name="Office Serif"><w:altName w:val="Times New Roman"\/><w:charset w:val="00"\/><w:family w:val="roman"\/>[^]*?<w:embedRegular /);
    const html = readFileSync(join(dir, 'out', 'call.html'), 'utf8');
    expect(html).toMatch(/@font-face\{font-family:"Office Serif";font-style:italic;font-weight:700;[^}]*src:url\(data:font\/woff2;base64,/);
    expect(html).toContain('--font-body:"Office Serif", "Tinos", ');
    // LibreOffice has no "Office Serif" installed: it sets the text in the faces the DOCX embeds.
    const [office] = docxToPdf([join(dir, 'out', 'call.docx')], join(dir, 'lo'));
    const officeFonts = execFileSync('pdffonts', [office!], { encoding: 'utf8' });
    for (const face of ['Tinos-Regular', 'Tinos-Bold', 'Tinos-Italic', 'Tinos-BoldItalic']) expect(officeFonts).toMatch(new RegExp(`\\+${face}\\s`));
  });
});
