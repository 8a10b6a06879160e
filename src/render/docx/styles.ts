/**
 * Word named styles generated from the theme tokens and the fitted sizes. Everything that can live in a style does,
 * so a recipient editing in Word gets a real document and a reference.docx can restyle it (Pandoc's lesson).
 */
import {
  AlignmentType,
  BorderStyle,
  LineRuleType,
  ShadingType,
  type ICharacterStyleOptions,
  type IParagraphStyleOptions,
  type IRunStylePropertiesOptions,
  type IStylesOptions,
} from 'docx';
import { fallbackFace, fontFaceFiles } from '../../layout/fonts.js';
import type { Layout } from '../../layout/layout.js';
import type { Briefing } from '../../model/briefing.js';
import type { FontFamily, Theme } from '../../theme/theme.js';
import type { Geometry } from '../../layout/geometry.js';
import { pageBanner } from '../../theme/markings.js';
import { STYLE } from './style-ids.js';
import { eighths, halfPoints, hex, twips } from './units.js';

/**
 * The Word font a family stands in for, with the Japanese fallback named for East Asian text (kanji in names). Runs in
 * another fallback (Hangul, Arabic, Hebrew, emoji) name their own font (text.ts).
 */
export function wordFont(family: FontFamily): { ascii: string; hAnsi: string; cs: string; eastAsia: string } {
  const twin = fontFaceFiles(family).wordTwin;
  return { ascii: twin, hAnsi: twin, cs: twin, eastAsia: fallbackFace('jp').word.font };
}

/** Exact line spacing: the same baseline grid the fit step measured. */
const exactly = (pt: number) => ({ line: twips(pt), lineRule: LineRuleType.EXACT });

export function generatedStyles(briefing: Briefing, layout: Layout, theme: Theme, g: Geometry): IStylesOptions {
  const c = theme.colours;
  const body = wordFont(theme.fonts.body);
  const headingFont = wordFont(theme.fonts.heading);
  const mono = wordFont(theme.fonts.mono);
  const size = (pt: number): number => halfPoints(pt);
  const rule = (pt: number, colour: string, space = 0) => ({ style: BorderStyle.SINGLE, size: eighths(pt), color: hex(colour), space });
  // Letter spacing as the layout tracks capital labels (Word's character spacing is per character, in twips).
  const label: IRunStylePropertiesOptions = { bold: true, allCaps: true, size: size(layout.smallSize), characterSpacing: twips(g.label.tracking * layout.smallSize) };
  const heading = (id: string, name: string): IParagraphStyleOptions => ({
    id,
    name,
    basedOn: STYLE.bodyText,
    next: STYLE.bodyText,
    quickFormat: true,
    run: { bold: true, font: headingFont },
    // The layout puts subheadBefore above a subhead and the paragraph spacing below it, as between any two blocks.
    paragraph: { keepNext: true, keepLines: true, spacing: { before: twips(g.subheadBefore), after: twips(layout.paragraphSpacing) }, outlineLevel: Number(id.slice(-1)) - 1 },
  });

  const paragraphStyles: IParagraphStyleOptions[] = [
    { id: 'Normal', name: 'Normal', quickFormat: true },
    {
      id: STYLE.bodyText,
      name: 'Body Text',
      basedOn: 'Normal',
      quickFormat: true,
      paragraph: { spacing: { after: twips(layout.paragraphSpacing), ...exactly(layout.leading) } },
    },
    {
      id: STYLE.title,
      name: 'Title',
      basedOn: 'Normal',
      next: STYLE.subtitle,
      quickFormat: true,
      run: { font: headingFont, bold: true, size: size(layout.titleSize), color: hex(c.headerText) },
      paragraph: { keepNext: true, spacing: { before: twips(g.band.titleBefore), after: 0, ...exactly(g.band.titleLeading) } },
    },
    {
      id: STYLE.subtitle,
      name: 'Subtitle',
      basedOn: 'Normal',
      quickFormat: true,
      run: { font: headingFont, size: size(g.band.subtitleSize), color: hex(c.headerText) },
      paragraph: { keepNext: true, spacing: { before: twips(g.band.subtitleBefore), after: 0, ...exactly(g.band.subtitleLeading) } },
    },
    {
      id: STYLE.bandKicker,
      name: 'Band Kicker',
      basedOn: 'Normal',
      run: { ...label, color: hex(c.headerText) },
      paragraph: {
        keepNext: true,
        spacing: exactly(g.smallLeading),
        rightTabStop: twips(g.contentWidth - 2 * g.band.padX),
      },
    },
    {
      id: STYLE.bandDetail,
      name: 'Band Detail',
      basedOn: 'Normal',
      run: { size: size(layout.smallSize), color: hex(c.headerText) },
      // Before the dateline (or the participants when there is none); page-furniture.ts sets the participants
      // closer after a dateline, as the layout does.
      paragraph: { keepNext: true, spacing: { before: twips(g.band.datelineBefore), ...exactly(g.smallLeading) } },
    },
    {
      id: STYLE.boxLabel,
      name: 'Box Label',
      basedOn: 'Normal',
      next: STYLE.bodyText,
      run: { ...label, color: hex(c.primary) },
      paragraph: { keepNext: true, spacing: { after: twips(g.label.after), ...exactly(g.smallLeading) } },
    },
    { ...heading(STYLE.heading1, 'Heading 1'), run: { bold: true, font: headingFont, size: size(layout.headingSize), color: hex(c.primary) },
      paragraph: {
        keepNext: true,
        keepLines: true,
        outlineLevel: 0,
        border: { bottom: rule(g.section.rule, c.rule, g.section.ruleGap) },
        spacing: { before: twips(layout.sectionSpacing), after: twips(g.section.after), ...exactly(g.section.headingLeading) },
      } },
    heading(STYLE.heading2, 'Heading 2'),
    heading(STYLE.heading3, 'Heading 3'),
    heading(STYLE.heading4, 'Heading 4'),
    heading(STYLE.heading5, 'Heading 5'),
    {
      id: STYLE.listBullet,
      name: 'List Bullet',
      basedOn: STYLE.bodyText,
      quickFormat: true,
      // The layout's space between items; the space after the whole list is its last paragraph's (blocks/list.ts).
      paragraph: { spacing: { before: twips(g.list.itemSpacing), after: 0 } },
    },
    { id: STYLE.listNumber, name: 'List Number', basedOn: STYLE.listBullet, quickFormat: true },
    // An item's later blocks: the layout's space between the blocks of one item.
    { id: STYLE.listContinue, name: 'List Continue', basedOn: STYLE.bodyText, paragraph: { spacing: { before: twips(g.list.innerSpacing), after: 0 } } },
    {
      id: STYLE.quote,
      name: 'Quote',
      basedOn: STYLE.bodyText,
      quickFormat: true,
      run: { italics: true },
      paragraph: { border: { left: rule(g.blockquote.rule, c.rule, g.blockquote.inset - g.blockquote.rule) }, indent: { left: twips(g.blockquote.inset) } },
    },
    {
      id: STYLE.intenseQuote,
      name: 'Intense Quote',
      basedOn: 'Normal',
      next: STYLE.quoteAttribution,
      quickFormat: true,
      run: { italics: true, size: size(g.pullQuote.size), color: hex(c.primary) },
      paragraph: {
        keepNext: true,
        border: { left: rule(g.pullQuote.bar, c.accent, g.pullQuote.inset - g.pullQuote.bar) },
        indent: { left: twips(g.pullQuote.inset) },
        spacing: { after: 0, ...exactly(g.pullQuote.leading) },
      },
    },
    {
      id: STYLE.quoteAttribution,
      name: 'Quote Attribution',
      basedOn: STYLE.intenseQuote,
      next: STYLE.bodyText,
      run: { italics: false, size: size(layout.smallSize), color: hex(c.muted) },
      paragraph: { keepNext: false, spacing: { before: twips(g.pullQuote.attributionBefore), after: 0, ...exactly(g.smallLeading) } },
    },
    {
      id: STYLE.sourceCode,
      name: 'Source Code',
      basedOn: STYLE.bodyText,
      run: { font: mono, size: size(layout.smallSize) },
      paragraph: { shading: { type: ShadingType.CLEAR, color: 'auto', fill: hex(c.summaryBackground) }, spacing: exactly(g.code.leading) },
    },
    {
      id: STYLE.tableText,
      name: 'Table Text',
      basedOn: 'Normal',
      run: { size: size(g.table.size) },
      paragraph: { spacing: exactly(g.table.leading) },
    },
    { id: STYLE.tableHeading, name: 'Table Heading', basedOn: STYLE.tableText, run: { bold: true }, paragraph: { keepNext: true } },
    {
      id: STYLE.figure,
      name: 'Figure',
      basedOn: STYLE.bodyText,
      next: STYLE.caption,
      // A picture needs a line as tall as itself: single (auto) spacing, not the exact body grid.
      paragraph: { keepNext: true, spacing: { line: 240, lineRule: LineRuleType.AUTO } },
    },
    {
      id: STYLE.caption,
      name: 'caption',
      basedOn: STYLE.bodyText,
      // Upright, as the PDF and the HTML set it.
      run: { size: size(layout.smallSize), color: hex(c.muted) },
      paragraph: { spacing: exactly(g.smallLeading) },
    },
    {
      id: STYLE.rule,
      name: 'Horizontal Rule',
      basedOn: 'Normal',
      run: { size: 2 },
      paragraph: { border: { bottom: rule(g.thematicBreak.rule, c.rule, 1) }, spacing: { after: twips(layout.paragraphSpacing), ...exactly(g.thematicBreak.height / 2) } },
    },
    {
      id: STYLE.blockGap,
      name: 'Block Gap',
      basedOn: 'Normal',
      // An empty paragraph exactly as tall as the space between regions; it also keeps adjacent tables apart.
      run: { size: 2 },
      paragraph: { spacing: { before: 0, after: 0, ...exactly(layout.blockSpacing) } },
    },
    {
      id: STYLE.spanEnd,
      name: 'Span End',
      basedOn: STYLE.blockGap,
      // Ends the one-column section of a table set across the page: as tall as the space after a paragraph.
      paragraph: { spacing: { before: 0, after: 0, ...exactly(layout.paragraphSpacing) } },
    },
    {
      id: STYLE.columnEnd,
      name: 'Column End',
      basedOn: STYLE.blockGap,
      // Carries the section break that balances the columns; as near to no height as Word allows.
      paragraph: { spacing: { before: 0, after: 0, ...exactly(1) } },
    },
    {
      id: STYLE.header,
      name: 'Header',
      basedOn: 'Normal',
      run: { size: size(layout.smallSize), color: hex(c.muted) },
      paragraph: { spacing: exactly(g.smallLeading) },
    },
    {
      id: STYLE.footer,
      name: 'Footer',
      basedOn: 'Normal',
      run: { size: size(layout.smallSize), color: hex(c.muted) },
      paragraph: { spacing: exactly(g.footer.leading) },
    },
    {
      id: STYLE.banner,
      name: 'Banner',
      basedOn: STYLE.header,
      run: { ...label, color: hex(pageBanner(layout, theme).text) },
      paragraph: {
        alignment: AlignmentType.CENTER,
        shading: { type: ShadingType.CLEAR, color: 'auto', fill: hex(pageBanner(layout, theme).background) },
        spacing: exactly(g.banner.height),
      },
    },
  ];

  const characterStyles: ICharacterStyleOptions[] = [
    { id: STYLE.hyperlink, name: 'Hyperlink', basedOn: 'DefaultParagraphFont', run: { color: hex(c.link), underline: {} } },
    { id: STYLE.verbatimChar, name: 'Verbatim Char', basedOn: 'DefaultParagraphFont', run: { font: mono, size: size(layout.bodySize * g.code.monoScale) } },
    { id: STYLE.label, name: 'Label', basedOn: 'DefaultParagraphFont', run: { bold: true } },
    { id: STYLE.bandOrganisation, name: 'Band Organisation', basedOn: 'DefaultParagraphFont', run: { bold: false, allCaps: false, characterSpacing: 0 } },
  ];

  return {
    default: {
      document: {
        run: {
          font: body,
          size: size(layout.bodySize),
          color: hex(c.text),
          language: { value: briefing.meta.language, eastAsia: 'ja-JP' },
        },
        paragraph: { spacing: { before: 0, after: 0, ...exactly(layout.leading) } },
      },
    },
    paragraphStyles,
    characterStyles,
  };
}

/**
 * Table Grid, as Word writes it (0.5 pt grid, cells padded as the layout pads them). docx has no option for table styles, and passing
 * `importedStyles` would drop its document defaults, so the package step appends this to word/styles.xml.
 */
export function tableGridStyle(theme: Theme, g: Geometry): string {
  const colour = theme.colours.rule;
  const border = (side: string): string => `<w:${side} w:val="single" w:sz="${eighths(g.table.rule)}" w:space="0" w:color="${hex(colour)}"/>`;
  const across = twips(g.table.padX);
  const down = twips(g.table.padY);
  return (
    `<w:style w:type="table" w:styleId="${STYLE.tableGrid}"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="39"/>` +
      `<w:tblPr><w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('')}</w:tblBorders>` +
      `<w:tblCellMar><w:top w:w="${down}" w:type="dxa"/><w:left w:w="${across}" w:type="dxa"/><w:bottom w:w="${down}" w:type="dxa"/><w:right w:w="${across}" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>`
  );
}
