/**
 * Word lists as the layout marks and spaces them: each numbering level's format, text and marker colour are the
 * layout's for that depth, items are spaced by the layout's item spacing (not run together), and a multi-page
 * briefing numbers its pages with Word's own fields.
 */
import { describe, expect, it } from 'vitest';
import { layoutAtSize } from '../../../src/layout/fit.js';
import type { Block, Briefing } from '../../../src/model/briefing.js';
import { renderDocx } from '../../../src/render/docx/index.js';
import { twips } from '../../../src/render/docx/units.js';
import { loadTheme } from '../../../src/theme/load.js';
import { generated } from '../../layout/support.js';
import { context, embeddedFaces, parts, renderModel } from './support.js';

const theme = loadTheme('default');
const p = (value: string): Block => ({ type: 'paragraph', children: [{ type: 'text', value }] });
const nested = (ordered: boolean, depth: number): Block => ({
  type: 'list',
  ordered,
  start: 1,
  items: [{ children: depth > 1 ? [p(`level ${depth}`), nested(ordered, depth - 1)] : [p('innermost')] }, { children: [p('second')] }],
});

function briefingWith(blocks: Block[]): Briefing {
  const b = generated(1, 1);
  b.sections = [{ id: 's', title: [{ type: 'text', value: 'S' }], blocks }];
  return b;
}

/** The levels of the abstract numbering a list's paragraphs use: [format, text, colour] for levels 0–3. */
function levels(numbering: string, doc: string, style: string): string[][] {
  const numId = new RegExp(`<w:pStyle w:val="${style}"/><w:numPr><w:ilvl w:val="\\d"/><w:numId w:val="(\\d+)"/>`).exec(doc)?.[1];
  const abstractId = new RegExp(`<w:num w:numId="${numId}"[^>]*><w:abstractNumId w:val="(\\d+)"/>`).exec(numbering)?.[1];
  const abstract = new RegExp(`<w:abstractNum w:abstractNumId="${abstractId}"[\\s\\S]*?</w:abstractNum>`).exec(numbering)?.[0] ?? '';
  return [...abstract.matchAll(/<w:lvl w:ilvl="([0-3])"[\s\S]*?<w:numFmt w:val="(\w+)"\/><w:lvlText w:val="([^"]*)"\/>[\s\S]*?<w:color w:val="(\w+)"\/>/g)].map((m) => [m[2]!, m[3]!, m[4]!]);
}

describe('DOCX lists', () => {
  it('box a task item as Word does: a checkbox content control with the layout\'s ☑ / ☐ in the face the DOCX embeds, no bullet, a tab to the text', async () => {
    const task = (checked: boolean, value: string) => ({ checked, children: [p(value)] });
    const bytes = await renderModel(briefingWith([{ type: 'list', ordered: false, start: 1, items: [task(true, 'done'), task(false, 'to do')] }]));
    const xml = parts(bytes);
    const doc = xml['word/document.xml']!;
    const font = 'Noto Sans Symbols 2';
    const accent = theme.colours.accent.slice(1).toUpperCase();
    const control = (checked: '0' | '1', box: string): string =>
      `<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="${checked}"/><w14:checkedState w14:val="2611" w14:font="${font}"/>` +
      `<w14:uncheckedState w14:val="2610" w14:font="${font}"/></w14:checkbox></w:sdtPr><w:sdtContent>` +
      `<w:r><w:rPr><w:rFonts w:ascii="${font}" w:hAnsi="${font}"/><w:color w:val="${accent}"/></w:rPr><w:t xml:space="preserve">${box}</w:t></w:r></w:sdtContent></w:sdt><w:r><w:tab/></w:r>`;
    expect(doc).toContain(`${control('1', '\u2611')}<w:r><w:t xml:space="preserve">done</w:t></w:r>`);
    expect(doc).toContain(`${control('0', '\u2610')}<w:r><w:t xml:space="preserve">to do</w:t></w:r>`);
    // The items' level shows nothing: the box is the marker, where the layout puts it (its text at the item's indent).
    const numId = /<w:numId w:val="(\d+)"\/>/.exec(doc)?.[1];
    const abstractId = new RegExp(`<w:num w:numId="${numId}"[^>]*><w:abstractNumId w:val="(\\d+)"/>`).exec(xml['word/numbering.xml']!)?.[1];
    const level = new RegExp(`<w:abstractNum w:abstractNumId="${abstractId}"[\\s\\S]*?<w:lvl w:ilvl="0"[\\s\\S]*?</w:lvl>`).exec(xml['word/numbering.xml']!)?.[0] ?? '';
    const g = layoutAtSize(theme, 10).geometry.list;
    // No lvlText: "the level shall have no level text" (ECMA-376 Part 1, §17.9.11); a bullet level, so readers see a list.
    expect(level).toContain('<w:numFmt w:val="bullet"/><w:suff w:val="nothing"/>');
    expect(level).not.toContain('<w:lvlText');
    expect(level).toContain(`<w:ind w:left="${twips(g.indent)}" w:hanging="${twips(g.indent - g.taskX)}"/>`);
    // The face is embedded with both boxes.
    const faces = embeddedFaces(bytes).filter((f) => f.font === font);
    expect(faces.map((f) => f.element)).toEqual(['embedRegular']);
    expect([0x2610, 0x2611].map((c) => faces[0]!.face.hasGlyphForCodePoint(c))).toEqual([true, true]);
  });

  it('number 1. / a. / i. and bullet • / – / ◦ by depth, bullets in the accent colour, numbers in the text colour', async () => {
    const xml = parts(await renderModel(briefingWith([nested(true, 4), nested(false, 4)])));
    const numbering = xml['word/numbering.xml']!;
    const doc = xml['word/document.xml']!;
    const text = theme.colours.text.slice(1).toUpperCase();
    const accent = theme.colours.accent.slice(1).toUpperCase();
    expect(levels(numbering, doc, 'ListNumber')).toEqual([
      ['decimal', '%1.', text],
      ['lowerLetter', '%2.', text],
      ['lowerRoman', '%3.', text],
      ['decimal', '%4.', text],
    ]);
    expect(levels(numbering, doc, 'ListBullet')).toEqual([
      ['bullet', '\u2022', accent],
      ['bullet', '\u2013', accent],
      ['bullet', '\u25e6', accent],
      ['bullet', '\u2022', accent],
    ]);
  });

  it('space items by the layout\'s item spacing, and the whole list from what follows by the paragraph spacing', async () => {
    const layout = layoutAtSize(theme, 10);
    const xml = parts(await renderDocx(briefingWith([nested(false, 2), p('after')]), layout, theme, context()));
    const styles = xml['word/styles.xml']!;
    const style = /<w:style w:type="paragraph" w:styleId="ListBullet">[\s\S]*?<\/w:style>/.exec(styles)?.[0] ?? '';
    expect(style).not.toContain('contextualSpacing');
    expect(style).toContain(`<w:spacing w:after="0" w:before="${twips(layout.geometry.list.itemSpacing)}"/>`);
    const items = [...xml['word/document.xml']!.matchAll(/<w:p>(?:(?!<\/w:p>)[\s\S])*?<w:pStyle w:val="ListBullet"\/>[\s\S]*?<\/w:p>/g)].map((m) => m[0]);
    expect(items.map((item) => /<w:spacing [^>]*\/>/.exec(item)?.[0] ?? '')).toEqual([
      // The first item has only what comes before the list; a nested list's first item the space inside an item.
      '<w:spacing w:before="0"/>',
      `<w:spacing w:before="${twips(layout.geometry.list.innerSpacing)}"/>`,
      '',
      `<w:spacing w:after="${twips(layout.paragraphSpacing)}"/>`,
    ]);
  });

  it('keep a short list together as the layout does, and number a multi-page briefing\'s pages', async () => {
    const list = nested(false, 1);
    const layout = { ...layoutAtSize(theme, 10, 3), unsplit: new Set([list]) } as ReturnType<typeof layoutAtSize>;
    const xml = parts(await renderDocx(briefingWith([list, p('after')]), layout, theme, context()));
    const items = [...xml['word/document.xml']!.matchAll(/<w:p>(?:(?!<\/w:p>)[\s\S])*?<w:pStyle w:val="ListBullet"\/>[\s\S]*?<\/w:p>/g)].map((m) => m[0]);
    expect(items.map((item) => item.includes('<w:keepNext/>'))).toEqual([true, false]);
    const footer = Object.entries(xml).find(([name]) => /^word\/footer\d*\.xml$/.test(name))![1];
    expect(footer).toMatch(/>Page <\/w:t>[\s\S]*PAGE[\s\S]*> of <\/w:t>[\s\S]*NUMPAGES/);
    const onePage = parts(await renderModel(briefingWith([p('one')])));
    expect(Object.entries(onePage).filter(([name]) => /^word\/footer/.test(name)).map(([, x]) => x).join('')).not.toContain('NUMPAGES');
  });
});
