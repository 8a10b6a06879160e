/**
 * The DOCX emitter: (briefing, layout, theme, context) → bytes of a Word document that lays out like the PDF.
 *
 * The page is three sections: a one-column section for the header band, summary box, key points and pull quote; a
 * continuous section with the layout's columns for the body; and a continuous one-column section holding one tiny
 * paragraph, whose only job is to end the column section so Word and LibreOffice balance its columns.
 */
import { Document, Paragraph, SectionType, type ISectionOptions, type ISectionPropertiesOptions } from 'docx';
import type { Briefing, Section } from '../../model/briefing.js';
import type { Layout } from '../../layout/layout.js';
import type { Theme } from '../../theme/theme.js';
import { plainText } from '../furniture.js';
import type { Renderer, RenderContext } from '../types.js';
import { blocks, type WordBlock } from './blocks/index.js';
import { embedFonts } from './embedded-fonts.js';
import { inlines } from './inlines/index.js';
import { metrics, type Metrics } from './metrics.js';
import { ListNumbering } from './numbering.js';
import { compileParts, referenceParts, reproducible } from './package.js';
import { headerBand, keyPoints, pageFooter, pageHeader, pullQuoteParagraphs, summaryBox } from './page-furniture.js';
import type { State } from './state.js';
import { STYLE } from './style-ids.js';
import { generatedStyles, tableGridStyle } from './styles.js';
import { twips } from './units.js';

export const renderDocx: Renderer = async (briefing, layout, theme, context) => {
  const m = metrics(layout, theme);
  const state: State = {
    briefing,
    layout,
    theme,
    context,
    numbering: new ListNumbering(m.listIndent),
    drawingId: counter(),
    env: { paragraphStyle: STYLE.bodyText, listDepth: 0, indent: 0, width: m.contentWidth },
  };
  const page = pageProperties(briefing, layout, theme, m);
  const header = pageHeader(briefing);
  const top = topRegions(state, m);
  const body = bodyColumns(briefing.sections, { ...state, env: { ...state.env, width: m.columnWidth } });

  const sections: ISectionOptions[] = [
    {
      properties: page,
      ...(header ? { headers: { default: header } } : {}),
      footers: { default: pageFooter(state, m) },
      children: top,
    },
    {
      properties: { ...page, type: SectionType.CONTINUOUS, column: { count: layout.columns, space: twips(layout.columnGap), equalWidth: true } },
      children: body.length > 0 ? body : [new Paragraph({ style: STYLE.columnEnd })],
    },
    {
      properties: { ...page, type: SectionType.CONTINUOUS, column: { count: 1 } },
      children: [new Paragraph({ style: STYLE.columnEnd })],
    },
  ];

  const reference = theme.referenceDocx ? referenceParts(theme.referenceDocx) : null;
  const styling = reference ? { externalStyles: reference.styles } : { styles: generatedStyles(briefing, layout, theme, m) };
  const doc = new Document({ ...properties(briefing, theme), ...styling, numbering: state.numbering.options(), sections });
  // Documents with the same style options get the same word/styles.xml.
  const stylesKey = 'styles' in styling ? JSON.stringify(styling.styles) : `reference\u0000${styling.externalStyles}`;
  const parts = await compileParts(doc, stylesKey);
  await embedFonts(parts, reference?.theme);
  return reproducible(parts, {
    buildDate: context.buildDate,
    ...(reference ? {} : { appendStyles: tableGridStyle(theme) }),
    ...(reference?.theme ? { replaceParts: { 'word/theme/theme1.xml': reference.theme } } : {}),
  });
};

/** 1, 2, 3 … as strings, from 1 in every document. */
function counter(): () => string {
  let last = 0;
  return () => String(++last);
}

/** Header band, summary box, key points and pull quote, each followed by the gap between regions. */
function topRegions(state: State, m: Metrics): WordBlock[] {
  const gap = (): Paragraph => new Paragraph({ style: STYLE.blockGap });
  const regions: WordBlock[][] = [[headerBand(state, m)]];
  const summary = summaryBox(state, m);
  if (summary) regions.push([summary]);
  const points = keyPoints(state);
  if (points.length > 0) regions.push(points);
  const quote = pullQuoteParagraphs(state);
  if (quote.length > 0) regions.push(quote);
  return regions.flatMap((region) => [...region, gap()]);
}

function bodyColumns(sections: readonly Section[], state: State): WordBlock[] {
  return sections.flatMap((section, index) => [
    new Paragraph({
      style: STYLE.heading1,
      // The first section starts the column: the space above a section heading is between sections only.
      ...(index === 0 ? { spacing: { before: 0 } } : {}),
      children: inlines(section.title, state),
    }),
    ...blocks(section.blocks, state),
  ]);
}

/**
 * Page size and margins from the Layout. The banner and footer sit inside the Layout's margins, as in the PDF: the
 * header and footer start at the margin, and the body's margins grow by their height.
 */
function pageProperties(briefing: Briefing, layout: Layout, theme: Theme, m: Metrics): ISectionPropertiesOptions {
  const { width, height, margin } = layout.page;
  const classified = Boolean(briefing.meta.classification);
  const gap = layout.blockSpacing / 2;
  const headerHeight = classified ? m.bannerHeight + gap : 0;
  const footerLines = 1 + (theme.footer.text ? 1 : 0);
  const footerHeight = 3.5 + footerLines * m.smallLeading + (classified ? m.bannerHeight : 0) + gap;
  return {
    page: {
      size: { width: twips(width), height: twips(height) },
      margin: {
        top: twips(margin.top + headerHeight),
        bottom: twips(margin.bottom + footerHeight),
        left: twips(margin.left),
        right: twips(margin.right),
        header: twips(margin.top),
        footer: twips(margin.bottom),
        gutter: 0,
      },
    },
  };
}

function properties(briefing: Briefing, theme: Theme) {
  const { meta } = briefing;
  const description = briefing.summary.map((b) => (b.type === 'paragraph' ? plainText(b.children) : '')).join(' ').trim();
  return {
    title: meta.title,
    ...(meta.kind ? { subject: meta.kind } : {}),
    creator: meta.preparedBy ?? theme.organisation,
    lastModifiedBy: meta.preparedBy ?? theme.organisation,
    ...(meta.keywords.length > 0 ? { keywords: meta.keywords.join(', ') } : {}),
    ...(description ? { description } : {}),
    revision: 1,
  };
}

export type { RenderContext };
