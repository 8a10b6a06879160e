/**
 * Which characters each Word font draws, read from a package's parts: documents Pandoc and LibreOffice wrote, and
 * small hand-written parts for the cases where Word and LibreOffice read the same XML differently.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { fontUsage, type FontUsage } from '../../../src/render/docx/font-usage.js';
import type { Parts } from '../../../src/render/docx/package.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/not-text/', import.meta.url));

function packageParts(file: string): Parts {
  return new Map(Object.entries(unzipSync(readFileSync(`${FIXTURES}${file}`))).map(([name, data]) => [name, /\.(xml|rels)$/.test(name) ? strFromU8(data) : data]));
}

/** font → style → the characters, sorted, as a string. */
function flat(usage: FontUsage): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const [font, byStyle] of usage) {
    out[font] = {};
    for (const [style, chars] of byStyle) out[font]![style] = String.fromCodePoint(...[...chars].sort((a, b) => a - b));
  }
  return out;
}

const sorted = (text: string): string => [...new Set(text)].sort().join('');

describe('documents written elsewhere', () => {
  it('follows a Pandoc document to its theme font (rFonts w:asciiTheme="minorHAnsi" → Cambria)', () => {
    expect(flat(fontUsage(packageParts('pandoc.docx')))).toEqual({ Cambria: { regular: sorted('Press guidance: PortsThe minister will visit the port on Monday.') } });
  });

  it("follows a LibreOffice document's paragraph style to its font", () => {
    expect(flat(fontUsage(packageParts('libreoffice.docx')))).toEqual({ 'Liberation Mono': { regular: sorted('Press guidance: PortsThe minister will visit the port on Monday.') } });
  });
});

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const STYLES = `<w:styles ${W}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Latin" w:hAnsi="Latin" w:eastAsia="Asian" w:cs="Complex"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Loud"><w:basedOn w:val="Normal"/><w:rPr><w:b/><w:caps/></w:rPr></w:style>
<w:style w:type="character" w:styleId="Strong"><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="character" w:styleId="Plain"><w:rPr><w:b w:val="false"/></w:rPr></w:style>
<w:style w:type="character" w:styleId="Code"><w:rPr><w:rFonts w:ascii="Mono" w:hAnsi="Mono"/></w:rPr></w:style></w:styles>`;
const NUMBERING = `<w:numbering ${W}><w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0"><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%1)"/><w:rPr><w:i/></w:rPr></w:lvl></w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num></w:numbering>`;

function usageOf(body: string): Record<string, Record<string, string>> {
  const parts: Parts = new Map([
    ['word/styles.xml', STYLES],
    ['word/numbering.xml', NUMBERING],
    ['word/document.xml', `<w:document ${W}><w:body>${body}</w:body></w:document>`],
  ]);
  return flat(fontUsage(parts));
}

const run = (text: string, rPr = ''): string => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;
const para = (style: string, ...runs: string[]): string => `<w:p><w:pPr><w:pStyle w:val="${style}"/></w:pPr>${runs.join('')}</w:p>`;

describe('hand-written parts', () => {
  it('counts the capitals a caps style draws, in bold', () => {
    expect(usageOf(para('Loud', run('ab')))).toEqual({ Latin: { bold: 'ABab' } });
  });

  it('counts a character style bold over a bold paragraph both ways (Word toggles it off, LibreOffice keeps it)', () => {
    expect(usageOf(para('Loud', run('x', '<w:rStyle w:val="Strong"/>')))).toEqual({ Latin: { bold: 'Xx', regular: 'Xx' } });
  });

  it('counts a character style setting bold false both ways (Word keeps the paragraph bold, LibreOffice does not)', () => {
    expect(usageOf(para('Loud', run('y', '<w:rStyle w:val="Plain"/>')))).toEqual({ Latin: { bold: 'Yy', regular: 'Yy' } });
  });

  it('lets direct formatting decide, and character styles name fonts', () => {
    expect(usageOf(para('Loud', run('z', '<w:b w:val="0"/><w:caps w:val="false"/>')) + para('Normal', run('c', '<w:rStyle w:val="Code"/>')))).toEqual({
      Latin: { regular: 'z' },
      Mono: { regular: 'c' },
    });
  });

  it('sends kanji to the East Asian font, and the punctuation after them there too (LibreOffice takes it with them)', () => {
    expect(usageOf(para('Normal', run('Ishiba (石破茂), PM')))).toEqual({
      Latin: { regular: sorted('Ishiba (), PM') },
      Asian: { regular: sorted('石破茂), ') },
    });
  });

  it('sends right-to-left text and w:rtl runs to the complex-script font', () => {
    expect(usageOf(para('Normal', run('a שלום'), run('12', '<w:rtl/>')))).toEqual({
      Latin: { regular: sorted('a ') },
      Complex: { regular: sorted('שלום12') },
    });
  });

  it("counts a numbered paragraph's label in the level's style", () => {
    const numbered = `<w:p><w:pPr><w:pStyle w:val="Normal"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr>${run('q')}</w:p>`;
    expect(usageOf(numbered)).toEqual({ Latin: { italic: sorted('()ivxlcdm'), regular: 'q' } });
  });

  it('decodes entities and skips what is not text', () => {
    expect(usageOf(para('Normal', '<w:r><w:tab/><w:t>&amp;&#x263A;</w:t><w:br/></w:r>', '<w:r><w:instrText>PAGE</w:instrText></w:r>'))).toEqual({ Latin: { regular: '&☺' } });
  });
});
