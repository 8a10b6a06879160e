/**
 * The Word file carries its fonts: each Word font the text is set in gets the open face it stands in for (Calibri →
 * Carlito, Yu Gothic → Noto Sans JP …, src/layout/fonts.ts), subset to the characters it draws in each style
 * (font-usage.ts), obfuscated as ECMA-376 Part 1 §17.8.1 prescribes and listed in word/fontTable.xml. So a reader
 * without Calibri or Carlito (LibreOffice on a fresh machine) still breaks the lines where the PDF does.
 *
 * The faces are embedded under the Word font's name, the name the styles and runs use, not the open face's: Word
 * with the real Calibri keeps using it (every Word has it, with the same metrics), and LibreOffice 7.4 registers an
 * embedded face under the name the font table gives it, whatever the face's own name table says. Measured on the
 * seed under a fontconfig offering only DejaVu, one soffice process per file (LibreOffice keeps a document's faces
 * registered until it exits): Carlito's bytes embedded as "Calibri" set the text in Carlito, on one page; Tinos's
 * bytes embedded as "Calibri" set the Calibri text in Tinos; Carlito's bytes embedded as "Foo Sans" were not used
 * (DejaVu, two pages); as "Carlito" they were, through LibreOffice's own Calibri → Carlito substitution, which has
 * no Arial → Arimo or Yu Gothic → Noto Sans JP counterpart: Arimo embedded as "Arimo" left the embassy template's
 * Arial headings to DejaVu (two pages), as "Arial" it set them; Noto Sans JP embedded as "Noto Sans JP" left 石破茂
 * to DejaVu, as "Yu Gothic" it drew them. LibreOffice's PDF names the faces by their own PostScript names
 * (Carlito-Regular, NotoSansJP-Regular). The name tables are left as they are: writing "Calibri" into an open
 * face would put a Microsoft trademark on a modified font and gain LibreOffice nothing. Whether a Word without
 * Calibri (none ships so) would accept a face whose own name differs could not be tried here.
 *
 * One Word name carries one face per style: "Arial" is Arimo (the theme's, and the Latin fallback's, which are the
 * same files). Arabic and Hebrew runs name their Noto face in their complex-script slot (text.ts), not Arial: Arimo
 * has no Arabic, and its Hebrew is not the PDF's. Embedded under those names, LibreOffice under a fontconfig offering
 * only DejaVu set test/acceptance/fixtures/arabic-readout.md's Arabic in Noto Sans Arabic, as the PDF does; as Arial
 * it fell back to DejaVu Sans.
 *
 * Not the docx library's `fonts` option: it needs the faces when the Document is made, while the characters each
 * face draws are only known from the compiled parts; it draws a random key per face (builds would differ); and it
 * writes one Latin font signature for every font. The parts are written here instead, with a key taken from a hash
 * of the subset, so the same document gives the same bytes.
 */
import { createHash } from 'node:crypto';
import { getFace, type FaceFamily, type Face } from '../../layout/faces.js';
import { FALLBACK_CHAIN, FONT_STYLES, fontFaceFiles, houseFontFiles, type FontStyle } from '../../layout/fonts.js';
import { FONT_FAMILIES } from '../../theme/theme.js';
import { subsetTrueType } from '../subset.js';
import { fontUsage, type FontUsage } from './font-usage.js';
import type { Parts } from './package.js';

/** The open face each Word font name stands for: the theme families first, then fallbacks whose name is free. */
const FACE_OF_WORD_FONT: ReadonlyMap<string, FaceFamily> = (() => {
  const map = new Map<string, FaceFamily>();
  for (const family of FONT_FAMILIES) map.set(fontFaceFiles(family).wordTwin, family);
  for (const fallback of FALLBACK_CHAIN) if (!map.has(fallback.word.font)) map.set(fallback.word.font, fallback.id);
  return map;
})();

/** The open face a Word font name stands for: a house font's own Word name first, as its template names it. */
function faceOfWordFont(name: string): FaceFamily | undefined {
  return houseFontFiles().find((house) => house.wordTwin === name)?.family ?? FACE_OF_WORD_FONT.get(name);
}

/** What the font table says about a font besides its name, as Word writes it for these fonts. */
interface FontClass {
  charset: string;
  family: 'swiss' | 'roman' | 'modern' | 'auto';
  pitch: 'variable' | 'fixed';
}
const FONT_CLASS: Record<string, FontClass> = {
  'Times New Roman': { charset: '00', family: 'roman', pitch: 'variable' },
  'Courier New': { charset: '00', family: 'modern', pitch: 'fixed' },
  'Yu Gothic': { charset: '80', family: 'swiss', pitch: 'variable' },
  'Malgun Gothic': { charset: '81', family: 'swiss', pitch: 'variable' },
};
const SANS: FontClass = { charset: '00', family: 'swiss', pitch: 'variable' };

const EMBED_ELEMENT: Record<FontStyle, string> = { regular: 'embedRegular', bold: 'embedBold', italic: 'embedItalic', boldItalic: 'embedBoldItalic' };

export interface EmbeddedFont {
  /** The Word font name the styles and runs use. */
  name: string;
  /** One subset per style the text uses, in regular, bold, italic, bold italic order; the bytes are plain TrueType. */
  faces: { style: FontStyle; bytes: Uint8Array }[];
}

/**
 * Characters every text face's subset holds, used or not. LibreOffice registers an embedded face under its Word name
 * for as long as it runs, so the second briefing opened in one LibreOffice session is set in the first one's
 * "Calibri": a subset of only that briefing's characters left the second with empty glyphs (seen as missing words in
 * the acceptance test, which converts every DOCX in one soffice run). With printable ASCII, Latin-1 and the
 * typographic punctuation in every subset, briefings in the languages of Western Europe share one set; a letter
 * beyond it in a later briefing still depends on which opened first (the fallback faces, kanji and the rest, too).
 */
const BASE_REPERTOIRE: readonly number[] = [
  ...Array.from({ length: 0x7f - 0x20 }, (_, i) => 0x20 + i),
  ...Array.from({ length: 0x100 - 0xa0 }, (_, i) => 0xa0 + i),
  0x2013, 0x2014, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2026, 0x20ac, 0x2122,
];

/**
 * The subsets to embed for `usage`. A style of a face that does not exist (the fallbacks have no italics) is the
 * face that stands in for it, embedded in that face's own style: the PDF sets such text upright too.
 */
export async function embeddedFonts(usage: FontUsage): Promise<EmbeddedFont[]> {
  const fonts: EmbeddedFont[] = [];
  for (const name of [...usage.keys()].sort()) {
    const family = faceOfWordFont(name);
    const byStyle = usage.get(name);
    if (!family || !byStyle) continue;
    const chars = new Map<FontStyle, { face: Face; chars: Set<number> }>();
    for (const style of FONT_STYLES) {
      const wanted = byStyle.get(style);
      if (!wanted) continue;
      const face = getFace(family, style);
      const entry = chars.get(face.style) ?? { face, chars: new Set<number>() };
      chars.set(face.style, entry);
      // Whatever the face's cmap maps, as LibreOffice with the whole face installed would draw it (Carlito's U+00A0
      // too, which the layout measures as a space: see hasGlyph in src/layout/faces.ts).
      for (const cp of wanted) if (face.font.hasGlyphForCodePoint(cp)) entry.chars.add(cp);
      if (!face.fallback) for (const cp of BASE_REPERTOIRE) if (face.font.hasGlyphForCodePoint(cp)) entry.chars.add(cp);
    }
    const faces = await Promise.all(
      FONT_STYLES.flatMap((style) => {
        const entry = chars.get(style);
        if (!entry || entry.chars.size === 0) return [];
        const text = String.fromCodePoint(...[...entry.chars].sort((a, b) => a - b));
        return [subsetTrueType(entry.face, text).then((bytes) => ({ style, bytes: new Uint8Array(bytes) }))];
      }),
    );
    if (faces.length > 0) fonts.push({ name, faces });
  }
  return fonts;
}

/** The obfuscation key of a face: a GUID made of the first 16 bytes of its SHA-256. */
export function fontKey(bytes: Uint8Array): string {
  const hex = createHash('sha256').update(bytes).digest('hex').slice(0, 32).toUpperCase();
  return `{${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}}`;
}

/**
 * ECMA-376 Part 1 §17.8.1: the first 32 bytes XORed with the key's 16 bytes, which are the GUID's hex digits read as
 * bytes from the last pair to the first. XOR undoes itself, so this also reads an embedded face back.
 */
export function obfuscate(bytes: Uint8Array, key: string): Uint8Array {
  const pairs = key.replace(/[{}-]/g, '').match(/../g) ?? [];
  const keyBytes = pairs.map((pair) => parseInt(pair, 16)).reverse();
  const out = new Uint8Array(bytes);
  for (let i = 0; i < Math.min(32, out.length); i++) out[i] = (out[i] ?? 0) ^ (keyBytes[i % 16] ?? 0);
  return out;
}

const escapeAttr = (value: string): string => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

const FONT_RELATIONSHIP = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/font';
const RELATIONSHIPS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const ODTTF_DEFAULT = '<Default ContentType="application/vnd.openxmlformats-officedocument.obfuscatedFont" Extension="odttf"/>';

/**
 * Writes `fonts` into the package: `w:font` entries in word/fontTable.xml, their relationships, the obfuscated
 * faces as word/fonts/fontN.odttf, and in word/settings.xml the switches that keep Word embedding subsets when the
 * recipient saves ("Embed fonts in the file", "Embed only the characters used in the document").
 */
export function writeEmbeddedFonts(parts: Parts, fonts: readonly EmbeddedFont[]): void {
  const table = text(parts.get('word/fontTable.xml'));
  // The library always writes a font table, related from the document; without one there is nowhere to list faces.
  if (fonts.length === 0 || !/<w:fonts\b/.test(table)) return;
  const entries: string[] = [];
  const relationships: string[] = [];
  let n = 0;
  for (const font of fonts) {
    // A house font: Word without it (and without the embedded faces) takes its fallback's Word font, classed as that.
    const house = houseFontFiles().find((h) => h.wordTwin === font.name)?.fallback;
    const twin = house ? fontFaceFiles(house).wordTwin : undefined;
    const cls = FONT_CLASS[font.name] ?? (twin ? FONT_CLASS[twin] : undefined) ?? SANS;
    const altName = twin ? `<w:altName w:val="${escapeAttr(twin)}"/>` : '';
    const embeds = font.faces.map(({ style, bytes }) => {
      n++;
      const key = fontKey(bytes);
      parts.set(`word/fonts/font${n}.odttf`, obfuscate(bytes, key));
      relationships.push(`<Relationship Id="rId${n}" Type="${FONT_RELATIONSHIP}" Target="fonts/font${n}.odttf"/>`);
      return `<w:${EMBED_ELEMENT[style]} r:id="rId${n}" w:fontKey="${key}" w:subsetted="1"/>`;
    });
    entries.push(
      `<w:font w:name="${escapeAttr(font.name)}">${altName}<w:charset w:val="${cls.charset}"/><w:family w:val="${cls.family}"/><w:pitch w:val="${cls.pitch}"/>${embeds.join('')}</w:font>`,
    );
  }
  parts.set('word/fontTable.xml', /<\/w:fonts>\s*$/.test(table) ? table.replace(/<\/w:fonts>\s*$/, `${entries.join('')}</w:fonts>`) : table.replace(/\/>\s*$/, `>${entries.join('')}</w:fonts>`));
  parts.set('word/_rels/fontTable.xml.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${RELATIONSHIPS_NS}">${relationships.join('')}</Relationships>`);
  const types = text(parts.get('[Content_Types].xml'));
  if (!/Extension="odttf"/.test(types)) parts.set('[Content_Types].xml', types.replace('</Types>', `${ODTTF_DEFAULT}</Types>`));
  const settings = text(parts.get('word/settings.xml'));
  if (settings && !settings.includes('<w:embedTrueTypeFonts')) {
    // CT_Settings order: …, displayBackgroundShape, printPostScriptOverText, printFractionalCharacterWidth,
    // printFormsData, embedTrueTypeFonts, embedSystemFonts, saveSubsetFonts, …; the library writes none between.
    const flags = '<w:embedTrueTypeFonts/><w:saveSubsetFonts/>';
    parts.set('word/settings.xml', settings.includes('<w:displayBackgroundShape/>') ? settings.replace('<w:displayBackgroundShape/>', `<w:displayBackgroundShape/>${flags}`) : settings.replace(/(<w:settings\b[^>]*>)/, `$1${flags}`));
  }
}

const text = (data: string | Uint8Array | undefined): string => (typeof data === 'string' ? data : data ? new TextDecoder().decode(data) : '');

/** Embeds, subset, the faces the package's text is set in; `theme` is the theme part replacing the compiled one. */
export async function embedFonts(parts: Parts, theme?: Uint8Array): Promise<void> {
  writeEmbeddedFonts(parts, await embeddedFonts(fontUsage(parts, theme)));
}
