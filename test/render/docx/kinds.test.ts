import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import { blockHandlers } from '../../../src/render/docx/blocks/index.js';
import { inlineHandlers } from '../../../src/render/docx/inlines/index.js';
import { allKinds } from './all-kinds.js';
import { parts, renderModel, wellFormedError } from './support.js';

describe('DOCX of a briefing with every block and inline kind', () => {
  let bytes: Uint8Array;
  let xml: Record<string, string>;
  let doc: string;
  beforeAll(async () => {
    bytes = await renderModel(allKinds());
    xml = parts(bytes);
    doc = xml['word/document.xml'] ?? '';
  });

  it('has a handler for every kind', () => {
    expect(Object.keys(blockHandlers).sort()).toEqual(['blockquote', 'code', 'heading', 'image', 'list', 'paragraph', 'table', 'thematicBreak']);
    expect(Object.keys(inlineHandlers).sort()).toEqual(['break', 'code', 'emphasis', 'link', 'strikethrough', 'strong', 'text']);
  });

  it('is well-formed throughout', () => {
    for (const [part, text] of Object.entries(xml)) expect([part, wellFormedError(text)]).toEqual([part, null]);
  });

  it('reads back as headings, lists, table and quote', async () => {
    const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    expect(html).toContain('<h1>Lists and text</h1>');
    expect(html).toContain('<h2>A third-level heading</h2>');
    expect(html).toMatch(/<ul><li>Bullet one<ul><li>Nested bullet<\/li><\/ul><\/li>/);
    // mammoth joins adjacent numbered lists into one <ol>; the restart is checked on w:numId below.
    expect(html).toMatch(/<ol><li>First numbered<\/li><li>Second numbered<\/li><li>Fourth numbered<\/li><\/ol>/);
    expect(html).toContain('<table>');
    expect(html).toContain('<img alt="A grey square"');
    for (const word of ['inlineCode()', 'struck', 'Quoted words', 'const a = 1;', 'indented();', 'After the rule.', '石破茂']) {
      expect(html).toContain(word);
    }
  });

  it('numbers lists with real Word numbering: nested levels, and each numbered list restarts', () => {
    const items = [...doc.matchAll(/<w:pStyle w:val="(ListBullet|ListNumber)"\/><w:numPr><w:ilvl w:val="(\d)"\/><w:numId w:val="(\d+)"\/>/g)];
    // 2 key points, 3 bullets (one nested), 3 numbered
    expect(items.length).toBe(8);
    expect(items.some((m) => m[1] === 'ListBullet' && m[2] === '1')).toBe(true);
    const numbered = items.filter((m) => m[1] === 'ListNumber').map((m) => m[3]);
    expect(new Set(numbered).size).toBe(2);
    const numbering = xml['word/numbering.xml'] ?? '';
    expect(numbering).toContain('<w:start w:val="4"/>');
    expect(numbering).toMatch(/<w:lvlText w:val="\u2022"\/>/);
  });

  it('repeats the table header row and aligns columns', () => {
    const table = doc.slice(doc.indexOf('w:val="TableGrid"'));
    expect(table).toMatch(/<w:trPr><w:cantSplit\/><w:tblHeader\/><\/w:trPr>/);
    expect(table).toContain('<w:jc w:val="center"/>');
    expect(table).toContain('<w:jc w:val="right"/>');
    expect(xml['word/styles.xml']).toContain('w:styleId="TableGrid"');
  });

  it('keeps tabs, line breaks and drops control characters', () => {
    expect(doc).toContain('<w:tab/>');
    expect(doc).toMatch(/hard break, a bell and a<\/w:t><\/w:r><w:r><w:br\/><w:t xml:space="preserve">newline\./);
    expect(doc).not.toMatch(/[\x07]/);
    expect(doc).not.toMatch(/<w:t[^>]*>[^<]*[\t\n][^<]*<\/w:t>/);
  });

  it('writes hyperlinks with visible runs, and the address for a link without text', () => {
    const links = [...doc.matchAll(/<w:hyperlink [^>]*>([\s\S]*?)<\/w:hyperlink>/g)].map((m) => m[1] ?? '');
    expect(links.length).toBe(2);
    for (const link of links) expect(link).toMatch(/<w:t[^>]*>[^<]+<\/w:t>/);
    expect(links[1]).toContain('https://example.org/empty');
    const rels = xml['word/_rels/document.xml.rels'] ?? '';
    expect(rels).toMatch(/Id="rIdH1"[^>]*Target="https:\/\/example.org\/a"/);
  });

  it('scales the image to the column and keeps its alt text', () => {
    const drawing = doc.match(/<wp:extent cx="(\d+)" cy="(\d+)"\/>[\s\S]*?<wp:docPr ([^>]*)>/);
    expect(drawing).not.toBeNull();
    const [cx, cy] = [Number(drawing?.[1]), Number(drawing?.[2])];
    // Letter, 44 pt margins, 2 columns, 20 pt gap → 252 pt column = 3,200,400 EMU, 2:1.
    expect(Math.abs(cx - 252 * 12700)).toBeLessThan(12700);
    expect(Math.abs(cx / cy - 2)).toBeLessThan(0.02);
    expect(drawing?.[3]).toContain('descr="A grey square"');
    expect(drawing?.[3]).toContain('title="Figure title"');
  });

  it('sets the picture title as an upright caption below it, as the PDF and the HTML do', () => {
    expect(doc).toMatch(/<w:pStyle w:val="Caption"\/>[\s\S]*?<w:t[^>]*>Figure title<\/w:t>/);
    const caption = xml['word/styles.xml']?.match(/<w:style [^>]*w:styleId="Caption"[\s\S]*?<\/w:style>/)?.[0] ?? '';
    expect(caption).toContain('w:name w:val="caption"');
    expect(caption).not.toMatch(/<w:i\/>|<w:i w:val="true"\/>/);
  });

  it('draws the thematic break and the code block with their styles', () => {
    expect(doc).toContain('<w:pStyle w:val="HorizontalRule"/>');
    expect(doc).toContain('<w:pStyle w:val="SourceCode"/>');
    expect(doc).toContain('<w:rStyle w:val="VerbatimChar"/>');
    expect(xml['word/styles.xml']).toMatch(/w:styleId="SourceCode"[\s\S]*?w:ascii="Courier New"/);
  });

  it('puts the classification banner in a real header and in the footer', () => {
    const rels = xml['word/_rels/document.xml.rels'] ?? '';
    const headerTarget = rels.match(/relationships\/header" Target="([^"]+)"/)?.[1];
    const footerTarget = rels.match(/relationships\/footer" Target="([^"]+)"/)?.[1];
    expect(xml[`word/${headerTarget}`]).toMatch(/^<\?xml[^>]*>\s*<w:hdr[\s\S]*OFFICIAL-SENSITIVE/);
    expect(xml[`word/${footerTarget}`]).toMatch(/^<\?xml[^>]*>\s*<w:ftr[\s\S]*OFFICIAL-SENSITIVE/);
    expect(xml['word/styles.xml']).toContain('<w:lang w:val="en-GB" w:eastAsia="ja-JP"/>');
  });
});
