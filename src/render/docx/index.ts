/**
 * The DOCX emitter: (briefing, layout, theme, context) → bytes of a Word document that lays out like the PDF.
 *
 * The page is three sections: a one-column section for the header band, summary box, key points and pull quote; a
 * continuous section with the layout's columns for the body; and a continuous one-column section holding one tiny
 * paragraph, whose only job is to end the column section so Word and LibreOffice balance its columns. A table the
 * layout set across the page cuts the body's section in two around a one-column section of its own, as the PDF
 * balances the columns above such a table and goes on in columns below it.
 */
import { Document, Paragraph, SectionType, Table, type ISectionOptions, type ISectionPropertiesOptions } from 'docx';
import type { Briefing, Section } from '../../model/briefing.js';
import type { Layout } from '../../layout/layout.js';
import type { Theme } from '../../theme/theme.js';
import { organisationOf } from '../../layout/furniture.js';
import { plainText } from '../../model/text.js';
import type { Renderer, RenderContext } from '../types.js';
import { blocks, type WordBlock } from './blocks/index.js';
import { embedFonts } from './embedded-fonts.js';
import { inlines } from './inlines/index.js';
import type { Geometry } from '../../layout/geometry.js';
import { completeLayout } from '../../layout/fit.js';
import { tableGeometryOf } from '../../layout/layout.js';
import { ListNumbering } from './numbering.js';
import { keptTogether } from './reparagraph.js';
import { compileParts, reproducible, type Parts } from './package.js';
import { mergeReferenceStyles, referenceWarning } from './reference-styles.js';
import type { ReferenceDocx } from '../../theme/reference.js';
import { band, keyPoints, pageFooter, pageHeader, pageNumberDepth, pullQuoteParagraphs, summaryBox } from './page-furniture.js';
import type { State } from './state.js';
import { STYLE } from './style-ids.js';
import { pageBanner } from '../../theme/markings.js';
import { generatedStyles, tableGridStyle } from './styles.js';
import { twips } from './units.js';

export const renderDocx: Renderer = async (briefing, given, theme, context) => {
  const layout = completeLayout(briefing, theme, given);
  const g = layout.geometry;
  const state: State = {
    briefing,
    layout,
    theme,
    context,
    numbering: new ListNumbering(g.list),
    drawingId: counter(),
    env: { paragraphStyle: STYLE.bodyText, listDepth: 0, indent: 0, width: g.contentWidth },
  };
  const page = pageProperties(briefing, layout, g);
  const header = pageHeader(briefing);
  const top = topRegions(state, g);
  const body = bodyRuns(briefing.sections, { ...state, env: { ...state.env, width: g.columnWidth } });
  const columns = { count: layout.columns, space: twips(layout.columnGap), equalWidth: true };

  const sections: ISectionOptions[] = [
    {
      properties: page,
      ...(header ? { headers: { default: header } } : {}),
      footers: { default: pageFooter(state, g) },
      children: top,
    },
    ...(body.length > 0 ? body : [{ across: false, children: [new Paragraph({ style: STYLE.columnEnd })] }]).map((run) => ({
      properties: { ...page, type: SectionType.CONTINUOUS, column: run.across ? { count: 1 } : columns },
      children: run.children,
    })),
    {
      properties: { ...page, type: SectionType.CONTINUOUS, column: { count: 1 } },
      children: [new Paragraph({ style: STYLE.columnEnd })],
    },
  ];

  const styles = generatedStyles(briefing, layout, theme, g);
  const doc = new Document({ ...properties(briefing, theme), styles, numbering: state.numbering.options(), sections });
  // Documents with the same style options get the same word/styles.xml.
  const parts = await compileParts(doc, JSON.stringify(styles));
  const reference = theme.reference;
  if (reference) restyle(parts, reference, context, textGrounds(layout, theme));
  await embedFonts(parts, reference?.theme);
  return await reproducible(parts, {
    buildDate: context.buildDate,
    appendStyles: tableGridStyle(theme, g),
    ...(reference?.theme ? { replaceParts: { 'word/theme/theme1.xml': reference.theme } } : {}),
  });
};

/** The reference document's house look over the generated styles (reference-styles.ts), and a word on what it did. */
function restyle(parts: Parts, reference: ReferenceDocx, context: RenderContext, grounds: Record<string, string>): void {
  const generated = parts.get('word/styles.xml');
  if (typeof generated !== 'string') throw new Error('the docx library wrote no word/styles.xml');
  const merged = mergeReferenceStyles(generated, reference.styles, grounds);
  parts.set('word/styles.xml', merged.xml);
  context.warn(referenceWarning(reference.path, merged));
}

/** The colour each style set on a coloured ground is set on: a reference's colour for it must be readable there. */
function textGrounds(layout: Layout, theme: Theme): Record<string, string> {
  const bandGround = theme.colours.headerBackground;
  const box = theme.colours.summaryBackground;
  return {
    [STYLE.title]: bandGround,
    [STYLE.subtitle]: bandGround,
    [STYLE.bandKicker]: bandGround,
    [STYLE.bandDetail]: bandGround,
    [STYLE.banner]: pageBanner(layout, theme).background,
    [STYLE.boxLabel]: box,
    [STYLE.sourceCode]: box,
  };
}

/** 1, 2, 3 … as strings, from 1 in every document. */
function counter(): () => string {
  let last = 0;
  return () => String(++last);
}

/** Header band, summary box, key points and pull quote, each followed by the gap between regions. */
function topRegions(state: State, g: Geometry): WordBlock[] {
  const gap = (): Paragraph => new Paragraph({ style: STYLE.blockGap });
  const regions: WordBlock[][] = [[band(state, g)]];
  const summary = summaryBox(state, g);
  if (summary) regions.push([summary]);
  const points = keyPoints(state);
  if (points.length > 0) regions.push(points);
  const quote = pullQuoteParagraphs(state);
  if (quote.length > 0) regions.push(quote);
  return regions.flatMap((region) => [...region, gap()]);
}

/**
 * The body's sections and their blocks, cut into runs set in the layout's columns and runs set across the page (a
 * table too wide for a column, closed by a paragraph as tall as the space after it, or a hairline one when its
 * section ends there and the next section's heading brings its own space).
 */
function bodyRuns(sections: readonly Section[], state: State): { across: boolean; children: WordBlock[] }[] {
  const runs: { across: boolean; children: WordBlock[] }[] = [];
  const add = (across: boolean, children: WordBlock[]): void => {
    const last = runs[runs.length - 1];
    if (last && !last.across && !across) last.children.push(...children);
    else runs.push({ across, children });
  };
  sections.forEach((section, index) => {
    const heading = new Paragraph({
      style: STYLE.heading1,
      // The first section starts the column: the space above a section heading is between sections only.
      ...(index === 0 ? { spacing: { before: 0 } } : {}),
      children: inlines(section.title, state),
    });
    if (!section.blocks.some((block) => block.type === 'table' && tableGeometryOf(state.layout, block).span)) {
      const words = [heading, ...blocks(section.blocks, state)];
      // A short section stays in one column, as the layout keeps it; not the last one, which ends the balanced
      // column section: LibreOffice 7.4 then moves the section's end onto a page of its own, the body still on the
      // first (test/acceptance/fixtures/portrait-photo.md), and nothing follows it in the column to be parted from.
      const keep = state.layout.unsplit.has(section) && index < sections.length - 1;
      add(false, keep ? keptTogether(words) : words);
      return;
    }
    add(false, [heading]);
    section.blocks.forEach((block, i) => {
      if (block.type === 'table' && tableGeometryOf(state.layout, block).span) {
        const end = i === section.blocks.length - 1 ? STYLE.columnEnd : STYLE.spanEnd;
        add(true, [...blocks([block], state), new Paragraph({ style: end })]);
      } else add(false, blocks([block], state));
    });
  });
  // A column run that ends with a table gets a hairline paragraph after it, before the one that carries the section
  // break (the docx library writes the break into the run's last paragraph). LibreOffice 7.4 drops an empty paragraph
  // carrying a section break when a table precedes it, so the column section would end with the table: it then does
  // not balance the section and sets the table and the page's end on a second page (test/acceptance/fixtures/long-table.md).
  for (const run of runs) {
    if (!run.across && run.children[run.children.length - 1] instanceof Table) run.children.push(new Paragraph({ style: STYLE.columnEnd }), new Paragraph({ style: STYLE.columnEnd }));
  }
  return runs;
}

/**
 * Page size and margins from the Layout. The banner and footer sit inside the Layout's margins, as in the PDF: the
 * header and footer start at the margin, and the body's margins grow by their height.
 */
function pageProperties(briefing: Briefing, layout: Layout, g: Geometry): ISectionPropertiesOptions {
  const { width, height, margin } = layout.page;
  const classified = Boolean(briefing.meta.classification);
  const gap = layout.blockSpacing / 2;
  // The band starts below the banner and its gap to the page, as the layout places it.
  const headerHeight = classified ? g.banner.height + g.banner.gap : 0;
  // The footer as the typesetter set it (rule to last line), then the banner below it.
  const footerHeight = layout.footerHeight + (classified ? g.banner.height : 0) + gap;
  return {
    page: {
      size: { width: twips(width), height: twips(height) },
      margin: {
        top: twips(margin.top + headerHeight),
        bottom: twips(margin.bottom + footerHeight),
        left: twips(margin.left),
        right: twips(margin.right),
        header: twips(margin.top),
        // A multi-page briefing's page number is the footer's last line, in the bottom margin.
        footer: twips(margin.bottom - pageNumberDepth({ layout }, g)),
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
    creator: meta.preparedBy ?? organisationOf(briefing, theme),
    lastModifiedBy: meta.preparedBy ?? organisationOf(briefing, theme),
    ...(meta.keywords.length > 0 ? { keywords: meta.keywords.join(', ') } : {}),
    ...(description ? { description } : {}),
    revision: 1,
  };
}

export type { RenderContext };
