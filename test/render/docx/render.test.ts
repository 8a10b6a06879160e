import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Briefing, Inline } from '../../../src/model/briefing.js';
import { dateline, footerParts, participantText } from '../../../src/layout/furniture.js';
import { plainText } from '../../../src/model/text.js';
import { loadTheme } from '../../../src/theme/load.js';
import { blockStrings } from '../../support/model-text.js';
import { context, parts, renderSource, SOURCES, wellFormedError } from './support.js';
import { renderDocx } from '../../../src/render/docx/index.js';
import { layoutAtSize } from '../../../src/layout/fit.js';
import { twips } from '../../../src/render/docx/units.js';
import { seed } from '../../support/sources.js';

/** Every word the model says, in the order a reader meets it. */
function modelWords(briefing: Briefing): string[] {
  const fromBlocks = blockStrings;
  const inl = (x: Inline[]) => plainText(x);
  const text = [
    briefing.meta.title,
    ...briefing.meta.participants.map(participantText),
    dateline(briefing),
    ...fromBlocks(briefing.summary),
    ...briefing.keyPoints.map(inl),
    ...briefing.sections.flatMap((s) => [inl(s.title), ...fromBlocks(s.blocks)]),
  ].join(' ');
  return text.split(/\s+/).filter(Boolean);
}

describe.each(SOURCES)('DOCX of source/%s.md', (name) => {
  let briefing: Briefing;
  let bytes: Uint8Array;
  let xml: Record<string, string>;
  beforeAll(async () => {
    ({ briefing, bytes } = await renderSource(name));
    xml = parts(bytes);
  });

  it('reads back with every word of the model, headings as h1, lists as lists', async () => {
    const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    const { value: raw } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    const flat = raw.replace(/\s+/g, ' ');
    for (const word of modelWords(briefing)) expect(flat).toContain(word);
    expect(html.match(/<h1>/g)?.length).toBe(briefing.sections.length);
    const lists = briefing.sections.flatMap((s) => s.blocks).filter((b) => b.type === 'list');
    expect(html.match(/<ul>/g)?.length ?? 0).toBe(lists.filter((b) => !b.ordered).length + (briefing.keyPoints.length > 0 ? 1 : 0));
    expect(html.match(/<ol>/g)?.length ?? 0).toBe(lists.filter((b) => b.ordered).length);
  });

  it('has only well-formed XML parts', () => {
    expect(Object.keys(xml).length).toBeGreaterThan(8);
    for (const [part, text] of Object.entries(xml)) expect([part, wellFormedError(text)]).toEqual([part, null]);
  });

  it('uses named styles for sections, body text and lists', () => {
    const doc = xml['word/document.xml'] ?? '';
    expect(doc.match(/<w:pStyle w:val="Heading1"\/>/g)?.length).toBe(briefing.sections.length);
    expect(doc).toContain('<w:pStyle w:val="BodyText"/>');
    expect(doc).toContain('<w:pStyle w:val="Title"/>');
    for (const id of ['Title', 'Heading1', 'Heading2', 'BodyText', 'ListBullet', 'ListNumber', 'Quote', 'IntenseQuote', 'TableGrid', 'Caption', 'Header', 'Footer']) {
      expect(xml['word/styles.xml']).toContain(`w:styleId="${id}"`);
    }
    // The body's text carries no direct run formatting beyond bold/italic marks: sizes and fonts live in styles.
    expect(doc).not.toMatch(/<w:sz /);
    expect(doc).not.toMatch(/<w:rFonts /);
  });

  it('names the Word twin with the CJK font for East Asian text, and the language', () => {
    const styles = xml['word/styles.xml'] ?? '';
    expect(styles).toMatch(/<w:rFonts w:ascii="Calibri" w:cs="Calibri" w:eastAsia="Yu Gothic" w:hAnsi="Calibri"\/>/);
    expect(styles).toContain(`<w:lang w:val="${briefing.meta.language}" w:eastAsia="ja-JP"/>`);
    expect(xml['word/document.xml']).toContain(briefing.meta.participants.map(participantText).join(' · ').replace(/'/g, '&apos;'));
  });

  it('lays out the page from the Layout: two column section, banner and footer in their own parts', () => {
    const doc = xml['word/document.xml'] ?? '';
    expect(doc).toMatch(/<w:cols w:space="400" w:num="2" w:equalWidth="true"\/>/);
    expect(doc).toContain('<w:pgSz w:w="12240" w:h="15840"');
    const footer = Object.entries(xml).find(([n]) => /word\/footer\d\.xml/.test(n))?.[1] ?? '';
    expect(footer.startsWith('<?xml')).toBe(true);
    expect(footer).toContain('<w:ftr');
    const { left, right } = footerParts(briefing, loadTheme('default'));
    expect(footer).toContain(left.replace(/'/g, '&apos;'));
    expect(footer).toContain(right.replace(/'/g, '&apos;'));
    const headerPart = Object.entries(xml).find(([n]) => /word\/header\d\.xml/.test(n))?.[1];
    if (briefing.meta.classification) {
      expect(headerPart).toContain('<w:hdr');
      expect(headerPart).toContain(briefing.meta.classification);
      expect(footer).toContain(briefing.meta.classification);
    } else {
      expect(headerPart).toBeUndefined();
    }
  });

  it('carries the document properties, dated at the build date', () => {
    const core = xml['docProps/core.xml'] ?? '';
    expect(core).toContain(`<dc:title>${briefing.meta.title.replace(/'/g, '&apos;')}</dc:title>`);
    expect(core).toContain(`<dc:creator>${briefing.meta.preparedBy}</dc:creator>`);
    expect(core).toContain(`<cp:keywords>${briefing.meta.keywords.join(', ')}</cp:keywords>`);
    expect(core).toContain(`<dc:subject>${briefing.meta.kind}</dc:subject>`);
    expect(core).toMatch(/<dcterms:created [^>]*>2025-01-07T09:30:00Z<\/dcterms:created>/);
    expect(core).toMatch(/<dcterms:modified [^>]*>2025-01-07T09:30:00Z<\/dcterms:modified>/);
  });

  it('is small and byte-identical when rendered twice', async () => {
    expect(bytes.length).toBeLessThan(150_000);
    const again = await renderSource(name);
    expect(Buffer.from(again.bytes).equals(Buffer.from(bytes))).toBe(true);
  });
});

describe.each(['default', 'embassy', 'house'])('the body size, %s template', (template) => {
  it.each(SOURCES)('is the layout\'s exactly in the DOCX of source/%s.md (Word sets sizes in half points)', async (name) => {
    const { layout, bytes } = await renderSource(name, template);
    const defaults = /<w:docDefaults>[\s\S]*?<w:sz w:val="(\d+)"\/>/.exec(parts(bytes)['word/styles.xml']!)?.[1];
    expect(Number(defaults) / 2).toBe(layout.bodySize);
  });
});

describe('a classified briefing', () => {
  it('starts the page below the banner and its gap, where the layout puts the header band', async () => {
    const briefing = seed();
    briefing.meta.classification = 'SECRET//NOFORN';
    const theme = loadTheme('default');
    const layout = layoutAtSize(theme, 9);
    const document = parts(await renderDocx(briefing, layout, theme, context()))['word/document.xml'] ?? '';
    const g = layout.geometry;
    const top = twips(theme.page.margin.top + g.banner.height + g.banner.gap);
    expect([...document.matchAll(/<w:pgMar w:top="(\d+)"/g)].map((m) => Number(m[1]))).toContain(top);
  });
});
