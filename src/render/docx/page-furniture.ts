/**
 * The regions above the columns (header band, summary box, key points, pull quote) and the page header and footer,
 * in the words of src/layout/furniture.ts so every format says the same thing.
 */
import { BorderStyle, Footer, Header, ImageRun, LineRuleType, PageNumber, Paragraph, ShadingType, Table, TableCell, TableRow, TabStopType, TextRun, VerticalAlign, WidthType, type IBorderOptions, type ITableBordersOptions } from 'docx';
import type { Briefing } from '../../model/briefing.js';
import { dateline, footerNote, footerParts, kindLabel, LABELS, logoOf, organisationOf, PAGE_NUMBER, participantText, pullQuote } from '../../layout/furniture.js';
import { blocks, type WordBlock } from './blocks/index.js';
import { inlines } from './inlines/index.js';
import type { Geometry } from '../../layout/geometry.js';
import { withEnv, type State } from './state.js';
import { STYLE } from './style-ids.js';
import { textRuns } from './text.js';
import { eighths, hex, pixels, twips } from './units.js';

const NONE = { style: BorderStyle.NONE, size: 0, color: 'auto' } as const;
const NO_BORDERS: ITableBordersOptions = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };

/** A full-width one-cell table: the way Word pads and fills a box (a shaded paragraph has no padding). */
function box(children: WordBlock[], g: Geometry, fill: string, pad: { x: number; top: number; bottom: number }, leftRule?: string): Table {
  const leftBorder = leftRule ? { left: { style: BorderStyle.SINGLE, size: eighths(g.box.bar), color: hex(leftRule) } } : {};
  return new Table({
    width: { size: twips(g.contentWidth), type: WidthType.DXA },
    columnWidths: [twips(g.contentWidth)],
    borders: { ...NO_BORDERS, ...leftBorder },
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          new TableCell({
            width: { size: twips(g.contentWidth), type: WidthType.DXA },
            shading: { type: ShadingType.CLEAR, color: 'auto', fill: hex(fill) },
            margins: { top: twips(pad.top), bottom: twips(pad.bottom), left: twips(pad.x), right: twips(pad.x), marginUnitType: WidthType.DXA },
            borders: { top: NONE, bottom: NONE, right: NONE, ...(leftRule ? leftBorder : { left: NONE }) },
            children: children.length > 0 ? children : [new Paragraph({})],
          }),
        ],
      }),
    ],
  });
}

/** The header band: a shaded table (a second cell for the logo), its lines in the Band…, Title and Subtitle styles. */
export function band(state: State, g: Geometry): Table {
  const { meta } = state.briefing;
  const logo = logoOf(state.briefing, state.theme, g);
  const kicker = new Paragraph({
    style: STYLE.bandKicker,
    // Beside a logo the organisation ends where the band's text does, not at the style's tab by the band's edge.
    ...(logo
      ? { tabStops: [{ type: TabStopType.CLEAR, position: twips(g.contentWidth - 2 * g.band.padX) }, { type: TabStopType.RIGHT, position: twips(logo.textWidth) }] }
      : {}),
    children: [
      ...textRuns(kindLabel(state.briefing, state.theme)),
      ...textRuns('\t'),
      ...textRuns(organisationOf(state.briefing, state.theme), { style: STYLE.bandOrganisation }),
    ],
  });
  const lines: Paragraph[] = [kicker, new Paragraph({ style: STYLE.title, children: textRuns(meta.title) })];
  if (meta.subtitle) lines.push(new Paragraph({ style: STYLE.subtitle, children: textRuns(meta.subtitle) }));
  const date = dateline(state.briefing);
  if (date) lines.push(new Paragraph({ style: STYLE.bandDetail, children: textRuns(date) }));
  if (meta.participants.length > 0) {
    lines.push(
      new Paragraph({
        style: STYLE.bandDetail,
        // Closer under a dateline than under the title, as the layout sets them.
        ...(date ? { spacing: { before: twips(g.band.participantsBefore) } } : {}),
        children: [
          ...textRuns(`${LABELS.participants}: `, { style: STYLE.label }),
          ...textRuns(meta.participants.map(participantText).join(' · ')),
        ],
      }),
    );
  }
  const fill = state.theme.colours.headerBackground;
  const pad = { x: g.band.padX, top: g.band.padY, bottom: g.band.padY };
  if (!logo) return box(lines, g, fill, pad);
  return logoBand(lines, logo, state, g, fill, pad);
}

/**
 * The band with the logo: a second cell at the right, as wide as the logo and the band's padding, holding the picture
 * at the layout's size at the cell's top; the text cell ends `sideGap` before it, so its text is as wide as the
 * layout's. Decorative: no description, as Word marks one.
 */
function logoBand(lines: Paragraph[], logo: NonNullable<ReturnType<typeof logoOf>>, state: State, g: Geometry, fill: string, pad: { x: number; top: number; bottom: number }): Table {
  const { image } = logo;
  const size = { width: pixels(logo.width), height: pixels(logo.height) };
  const altText = { id: state.drawingId(), name: 'Logo', description: image.alt, title: image.alt };
  const picture =
    image.kind === 'svg' && image.fallback
      ? new ImageRun({ type: 'svg', data: Buffer.from(image.data), fallback: { type: 'png', data: Buffer.from(image.fallback) }, transformation: size, altText })
      : new ImageRun({ type: 'png', data: Buffer.from(image.data), transformation: size, altText });
  const logoCellWidth = logo.width + g.band.padX;
  const textCellWidth = g.contentWidth - logoCellWidth;
  const shading = { type: ShadingType.CLEAR, color: 'auto', fill: hex(fill) };
  const borders = { top: NONE, bottom: NONE, left: NONE, right: NONE };
  return new Table({
    width: { size: twips(g.contentWidth), type: WidthType.DXA },
    columnWidths: [twips(textCellWidth), twips(logoCellWidth)],
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          new TableCell({
            width: { size: twips(textCellWidth), type: WidthType.DXA },
            shading,
            margins: { top: twips(pad.top), bottom: twips(pad.bottom), left: twips(pad.x), right: twips(g.band.sideGap), marginUnitType: WidthType.DXA },
            borders,
            children: lines,
          }),
          new TableCell({
            width: { size: twips(logoCellWidth), type: WidthType.DXA },
            shading,
            verticalAlign: VerticalAlign.TOP,
            margins: { top: twips(pad.top), bottom: 0, left: 0, right: twips(pad.x), marginUnitType: WidthType.DXA },
            borders,
            // A picture needs a line as tall as itself: single spacing, in a run too small to add a descent.
            children: [new Paragraph({ style: STYLE.figure, spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO }, children: [picture] })],
          }),
        ],
      }),
    ],
  });
}

export function summaryBox(state: State, g: Geometry): Table | null {
  if (state.briefing.summary.length === 0) return null;
  const inner = withEnv(state, { width: g.contentWidth - 2 * g.box.pad - g.box.bar });
  const content = blocks(state.briefing.summary, inner);
  return box(
    [new Paragraph({ style: STYLE.boxLabel, children: textRuns(LABELS.summary) }), ...content],
    g,
    state.theme.colours.summaryBackground,
    // The last paragraph's space after already separates it from the box's lower edge.
    { x: g.box.pad, top: g.box.pad, bottom: Math.max(0, g.box.pad - state.layout.paragraphSpacing) },
    state.theme.colours.primary,
  );
}

export function keyPoints(state: State): Paragraph[] {
  const points = state.briefing.keyPoints;
  if (points.length === 0) return [];
  const ref = state.numbering.bullet();
  return [
    new Paragraph({ style: STYLE.boxLabel, children: textRuns(LABELS.keyPoints) }),
    ...points.map(
      (point, index) =>
        new Paragraph({
          style: STYLE.listBullet,
          numbering: { reference: ref.reference, level: 0, instance: ref.instance },
          // The first point sits the label's space below it, as in the layout; the gap after the region follows.
          ...(index === 0 ? { spacing: { before: 0 } } : {}),
          children: inlines(point, state),
        }),
    ),
  ];
}

export function pullQuoteParagraphs(state: State): Paragraph[] {
  const quote = pullQuote(state.briefing, state.layout);
  if (!quote) return [];
  return [
    new Paragraph({ style: STYLE.intenseQuote, children: textRuns(quote.text) }),
    new Paragraph({ style: STYLE.quoteAttribution, children: textRuns(quote.attribution) }),
  ];
}

const banner = (classification: string): Paragraph => new Paragraph({ style: STYLE.banner, children: textRuns(classification) });

/** The page header: only the classification banner, when there is one. */
export function pageHeader(briefing: Briefing): Header | null {
  const classification = briefing.meta.classification;
  return classification ? new Header({ children: [banner(classification)] }) : null;
}

/** One line of the footer, with the footer's rule above it when it is the first. */
function footerLine(text: string, alignment: 'left' | 'right' | 'center', g: Geometry, rule?: IBorderOptions): Paragraph {
  return new Paragraph({ style: STYLE.footer, alignment, ...(rule ? { border: { top: { ...rule, space: g.footer.gap } } } : {}), children: textRuns(text) });
}

/**
 * "Prepared by …" left and "source …" right on one line, under the rule: the cells of a borderless table, so that a
 * part LibreOffice or Word finds a little wider than the layout did wraps in its own half.
 */
function sideBySide(left: string, right: string, g: Geometry, rule: IBorderOptions): Table {
  const share = Math.min(0.7, Math.max(0.3, left.length / Math.max(1, left.length + right.length)));
  const widths = [Math.round(twips(g.contentWidth) * share)];
  widths.push(twips(g.contentWidth) - (widths[0] ?? 0));
  const half = (text: string, width: number, alignment: 'left' | 'right'): TableCell =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      margins: { top: twips(g.footer.gap), bottom: 0, left: 0, right: alignment === 'left' ? twips(g.footer.sideGap / 2) : 0, marginUnitType: WidthType.DXA },
      children: [new Paragraph({ style: STYLE.footer, alignment, children: textRuns(text) })],
    });
  return new Table({
    width: { size: twips(g.contentWidth), type: WidthType.DXA },
    columnWidths: widths,
    borders: { ...NO_BORDERS, top: rule },
    rows: [new TableRow({ children: [half(left, widths[0] ?? 0, 'left'), half(right, widths[1] ?? 0, 'right')] })],
  });
}

/**
 * The page footer, line for line as the layout set it (src/layout/regions.ts, setFooter): the rule above the first
 * line; "prepared by …" and "source …" side by side, or one under the other when they did not fit on one line; the
 * footer line centred; then the banner again. No words, no rule.
 */
export function pageFooter(state: State, g: Geometry): Footer {
  const { left, right } = footerParts(state.briefing, state.theme);
  const note = footerNote(state.briefing, state.theme);
  const rule: IBorderOptions = { style: BorderStyle.SINGLE, size: eighths(g.footer.rule), color: hex(state.theme.colours.rule) };
  const children: (Paragraph | Table)[] = [];
  if (state.layout.footerStacked) children.push(footerLine(left, 'left', g, rule), footerLine(right, 'right', g));
  else if (left || right) children.push(sideBySide(left, right, g, rule));
  if (note) children.push(footerLine(note, 'center', g, children.length === 0 ? rule : undefined));
  const classification = state.briefing.meta.classification;
  if (classification) children.push(banner(classification));
  if (state.layout.pages > 1) children.push(pageNumber(g));
  // A footer ending in a table would get an empty paragraph from Word; end it in a paragraph of our own.
  if (!(children.at(-1) instanceof Paragraph)) children.push(new Paragraph({ style: STYLE.columnEnd }));
  return new Footer({ children });
}

/**
 * "Page 2 of 3" as Word's PAGE and NUMPAGES fields, the footer's last line: below the page's content area by the
 * layout's `pageNumberBelow`, in the bottom margin (index.ts lowers the footer by this line).
 */
function pageNumber(g: Geometry): Paragraph {
  return new Paragraph({
    style: STYLE.footer,
    alignment: 'center',
    spacing: { before: twips(g.footer.pageNumberBelow) },
    children: [...textRuns(PAGE_NUMBER.before), new TextRun({ children: [PageNumber.CURRENT] }), ...textRuns(PAGE_NUMBER.between), new TextRun({ children: [PageNumber.TOTAL_PAGES] })],
  });
}

/** How far the page number reaches into the bottom margin (0 on a one-page briefing): the footer sits that much lower. */
export function pageNumberDepth(state: Pick<State, 'layout'>, g: Geometry): number {
  return state.layout.pages > 1 ? g.footer.pageNumberBelow + g.footer.leading : 0;
}
