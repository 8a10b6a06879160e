/**
 * The Word file carries its fonts: the faces its text is set in, subset, obfuscated and listed in the font table
 * under the Word font names the styles use. Read back with an ECMA-376 de-obfuscation of the test's own (support.ts)
 * and fontkit, not with the emitter's code.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { layoutAtSize } from '../../../src/layout/fit.js';
import { renderDocx } from '../../../src/render/docx/index.js';
import { loadTheme } from '../../../src/theme/load.js';
import { SCRIPT_WORDS, scriptsBriefing } from '../../support/scripts.js';
import { allKinds } from './all-kinds.js';
import { context, embeddedFaces, parts, renderSource, shownText, wellFormedError, type EmbeddedFace } from './support.js';

const summary = (faces: EmbeddedFace[]): string[] => faces.map((f) => `${f.font} ${f.element}: ${f.face.familyName} ${f.face.subfamilyName}`);
const covers = (faces: EmbeddedFace[], text: string): string[] =>
  [...new Set(text)].filter((c) => c.codePointAt(0)! >= 0x20 && !faces.some((f) => f.face.hasGlyphForCodePoint(c.codePointAt(0)!)));

describe('the seed readout', () => {
  let bytes: Uint8Array;
  let xml: Record<string, string>;
  let faces: EmbeddedFace[];
  beforeAll(async () => {
    ({ bytes } = await renderSource('2025-01-07-tokyo-readout'));
    xml = parts(bytes);
    faces = embeddedFaces(bytes);
  });

  it('embeds Carlito as Calibri in the styles the text uses, and Noto Sans JP as Yu Gothic for 石破茂', () => {
    expect(summary(faces)).toEqual([
      'Calibri embedRegular: Carlito Regular',
      'Calibri embedBold: Carlito Bold',
      'Calibri embedItalic: Carlito Italic',
      'Yu Gothic embedRegular: Noto Sans JP Regular',
    ]);
    const styles = xml['word/styles.xml'] ?? '';
    expect(styles).toContain('<w:rFonts w:ascii="Calibri" w:cs="Calibri" w:eastAsia="Yu Gothic" w:hAnsi="Calibri"/>');
    for (const c of SCRIPT_WORDS.japanese) expect(faces[3]?.face.hasGlyphForCodePoint(c.codePointAt(0)!)).toBe(true);
  });

  it('has a glyph for every character the document shows', () => {
    expect(covers(faces, shownText(bytes))).toEqual([]);
  });

  it('embeds subsets: Latin-1 and the characters used in each text face, the package well under 250 KB', () => {
    expect(faces).toHaveLength(4);
    for (const f of faces) {
      // A text face carries the shared repertoire (embedded-fonts.ts BASE_REPERTOIRE: about 200 characters).
      expect(f.face.numGlyphs, f.part).toBeLessThan(300);
      expect(f.size, f.part).toBeLessThan(45_000);
    }
    expect(bytes.length).toBeLessThan(100_000);
  });

  it('gives each face its own key and lists the faces in a well-formed font table with their relationships', () => {
    expect(new Set(faces.map((f) => f.key)).size).toBe(faces.length);
    expect(faces.map((f) => f.part)).toEqual(['word/fonts/font1.odttf', 'word/fonts/font2.odttf', 'word/fonts/font3.odttf', 'word/fonts/font4.odttf']);
    for (const part of ['word/fontTable.xml', 'word/_rels/fontTable.xml.rels', 'word/settings.xml', '[Content_Types].xml']) {
      expect([part, wellFormedError(xml[part] ?? '')]).toEqual([part, null]);
    }
    expect(xml['word/fontTable.xml']).toContain('<w:font w:name="Calibri"><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/><w:embedRegular r:id="rId1" w:fontKey="');
    expect(xml['[Content_Types].xml']).toContain('<Default ContentType="application/vnd.openxmlformats-officedocument.obfuscatedFont" Extension="odttf"/>');
  });

  it('asks Word to keep embedding only the characters used, in the settings order Word reads', () => {
    expect(xml['word/settings.xml']).toMatch(/<w:displayBackgroundShape\/><w:embedTrueTypeFonts\/><w:saveSubsetFonts\/><w:defaultTabStop /);
  });

  it('embeds every font its named styles set text in, and keeps the styles', () => {
    const styles = xml['word/styles.xml'] ?? '';
    const named = new Set([...styles.matchAll(/<w:rFonts ([^>]*)\/>/g)].flatMap((m) => [...(m[1] ?? '').matchAll(/w:(?:ascii|eastAsia)="([^"]+)"/g)].map((n) => n[1])));
    expect([...named].sort()).toEqual(['Calibri', 'Courier New', 'Yu Gothic']);
    // Courier New is the code styles' font; the seed has no code.
    expect([...new Set(faces.map((f) => f.font))]).toEqual(['Calibri', 'Yu Gothic']);
    for (const id of ['Title', 'Heading1', 'BodyText', 'IntenseQuote', 'Footer']) expect(styles).toContain(`w:styleId="${id}"`);
    expect(xml['word/document.xml']).toContain('<w:pStyle w:val="Heading1"/>');
    expect(xml['word/document.xml']).not.toMatch(/<w:rFonts /);
  });
});

describe('other faces', () => {
  it('embeds the mono face for code as Courier New', async () => {
    const theme = loadTheme('default');
    const faces = embeddedFaces(await renderDocx(allKinds(), layoutAtSize(theme, 9), theme, context()));
    expect(summary(faces).filter((s) => s.startsWith('Courier New'))).toEqual(['Courier New embedRegular: Cousine Regular']);
    expect('inlineCode() indented();'.split('').every((c) => faces.find((f) => f.font === 'Courier New')?.face.hasGlyphForCodePoint(c.codePointAt(0)!))).toBe(true);
  });

  it('embeds the embassy template as Times New Roman and Arial', async () => {
    const { bytes } = await renderSource('press-guidance-ports', 'embassy');
    const faces = embeddedFaces(bytes);
    expect(summary(faces).filter((s) => /^(Times New Roman|Arial) embed(Regular|Bold)/.test(s))).toEqual([
      'Arial embedRegular: Arimo Regular',
      'Arial embedBold: Arimo Bold',
      'Times New Roman embedRegular: Tinos Regular',
      'Times New Roman embedBold: Tinos Bold',
    ]);
    expect(covers(faces, shownText(bytes))).toEqual([]);
  });

  it('embeds each fallback face under the Word font its runs name, Arabic and Hebrew under their own, so every character has a face', async () => {
    const theme = loadTheme('default');
    const bytes = await renderDocx(scriptsBriefing(), layoutAtSize(theme, 10), theme, context());
    const faces = embeddedFaces(bytes);
    const byFont = (name: string): string[] => summary(faces).filter((s) => s.startsWith(`${name} `));
    // The title (bold) has Korean too.
    expect(byFont('Malgun Gothic')).toEqual(['Malgun Gothic embedRegular: Noto Sans KR Regular', 'Malgun Gothic embedBold: Noto Sans KR Bold']);
    expect(byFont('Segoe UI Emoji')).toEqual(['Segoe UI Emoji embedRegular: Noto Emoji Regular']);
    expect(byFont('Yu Gothic')).toEqual(['Yu Gothic embedRegular: Noto Sans JP Regular']);
    // The bold phrase in Arabic takes the bold face, as in the PDF.
    expect(byFont('Noto Sans Arabic')).toEqual(['Noto Sans Arabic embedRegular: Noto Sans Arabic Regular', 'Noto Sans Arabic embedBold: Noto Sans Arabic Bold']);
    expect(byFont('Noto Sans Hebrew')).toEqual(['Noto Sans Hebrew embedRegular: Noto Sans Hebrew Regular']);
    expect(byFont('Arial')).toEqual([]);
    expect(covers(faces, shownText(bytes))).toEqual([]);
  });
});
