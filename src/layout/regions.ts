/**
 * The full-width regions of the page (docs/design.md): classification banner, header band, summary box, key points,
 * pull quote, footer. Each returns its group and height, its marks already placed on the page.
 */
import type { Briefing, ListBlock } from '../model/briefing.js';
import { dateline, footerNote, footerParts, kindLabel, LABELS, logoOf, organisationOf, pageNumberText, participantText, pullQuote } from './furniture.js';
import { pageBanner } from '../theme/markings.js';
import { buildBlock, stackBlocks } from './blocks.js';
import { part, type Group, type Mark } from './display.js';
import { lineRows, stackedHeight, stackRows, type Row, type TypesetEnv } from './frame.js';
import { setLines, widthOf, type Span, type SpanStyle } from './text.js';

export interface Region {
  group: Group;
  height: number;
}

function rect(x: number, y: number, width: number, height: number, fill: string, page: number): Mark {
  return { type: 'rect', page, x, y, width, height, fill };
}
function vrule(x: number, y: number, height: number, thickness: number, colour: string, page: number): Mark {
  return { type: 'rule', page, x1: x, y1: y, x2: x, y2: y + height, thickness, colour };
}
function hrule(x: number, y: number, width: number, thickness: number, colour: string, page: number): Mark {
  return { type: 'rule', page, x1: x, y1: y, x2: x + width, y2: y, thickness, colour };
}

/** `dateline` formats with Intl, which is slow to set up; the fit step asks for it at every size it tries. */
const datelines = new WeakMap<Briefing, string>();
function cachedDateline(briefing: Briefing): string {
  let text = datelines.get(briefing);
  if (text === undefined) {
    text = dateline(briefing);
    datelines.set(briefing, text);
  }
  return text;
}

function small(env: TypesetEnv, change: Partial<SpanStyle> = {}): SpanStyle {
  return { ...env.style, size: env.layout.smallSize, ...change };
}
/** Uppercase, letter-spaced, bold small text: the kind line, labels, the banner. */
function capsStyle(env: TypesetEnv, colour: string, spacing = env.layout.geometry.label.tracking): SpanStyle {
  return small(env, { bold: true, colour, tracking: spacing * env.layout.smallSize });
}
function smallLineHeight(env: TypesetEnv): number {
  return env.layout.geometry.smallLeading;
}
function rowsOf(spans: Span[], style: SpanStyle, lineHeight: number, x: number, width: number, align: 'left' | 'right' | 'center' = 'left'): Row[] {
  return lineRows(setLines(spans, width), style, lineHeight, x, width, align);
}
function marks(rows: readonly Row[]): Mark[] {
  return rows.flatMap((r) => r.marks);
}

export function banner(text: string, env: TypesetEnv, y: number, page: number): Region {
  const { height, tracking } = env.layout.geometry.banner;
  const colours = pageBanner(env.layout, env.theme);
  const style = capsStyle(env, colours.text, tracking);
  const rows = rowsOf([{ text: text.toUpperCase(), style }], style, height, 0, env.width, 'center');
  stackRows(rows, env.x, y, page);
  return { group: part('banner', [rect(env.x, y, env.width, height, colours.background, page), ...marks(rows)]), height };
}

/** The header band (`geometry.band`): kind and organisation, title, subtitle, dateline, participants, the logo. */
export function band(briefing: Briefing, env: TypesetEnv, y: number): Region {
  const { layout, theme } = env;
  const g = layout.geometry;
  const logo = logoOf(briefing, theme, g);
  const width = logo ? logo.textWidth : env.width - 2 * g.band.padX;
  const colour = theme.colours.headerText;
  const meta = briefing.meta;
  const children: Group[] = [];
  const rows: Row[] = [];

  const kindStyle = capsStyle(env, colour);
  const orgStyle = small(env, { colour });
  const kind: Span[] = [{ text: kindLabel(briefing, theme).toUpperCase(), style: kindStyle }];
  const org: Span[] = [{ text: organisationOf(briefing, theme), style: orgStyle }];
  const kindRows = rowsOf(kind, kindStyle, smallLineHeight(env), 0, width);
  const orgRows = rowsOf(org, orgStyle, smallLineHeight(env), 0, width, 'right');
  if (widthOf(kind) + widthOf(org) + g.band.sideGap <= width && kindRows[0] && orgRows[0]) {
    kindRows[0].marks.push(...orgRows[0].marks);
    rows.push(kindRows[0]);
  } else rows.push(...kindRows, ...orgRows);
  children.push(part('kindLine', marks(rows)));

  const titleStyle: SpanStyle = { ...env.style, family: theme.fonts.heading, bold: true, size: layout.titleSize, colour };
  const titleRows = rowsOf([{ text: meta.title, style: titleStyle }], titleStyle, g.band.titleLeading, 0, width);
  if (titleRows[0]) titleRows[0].spaceBefore = g.band.titleBefore;
  rows.push(...titleRows);
  children.push(part('title', marks(titleRows)));

  if (meta.subtitle) {
    const style: SpanStyle = { ...env.style, family: theme.fonts.heading, size: g.band.subtitleSize, colour };
    const sub = rowsOf([{ text: meta.subtitle, style }], style, g.band.subtitleLeading, 0, width);
    if (sub[0]) sub[0].spaceBefore = g.band.subtitleBefore;
    rows.push(...sub);
    children.push(part('subtitle', marks(sub)));
  }
  const date = cachedDateline(briefing);
  if (date) {
    const style = small(env, { colour });
    const dl = rowsOf([{ text: date, style }], style, smallLineHeight(env), 0, width);
    if (dl[0]) dl[0].spaceBefore = g.band.datelineBefore;
    rows.push(...dl);
    children.push(part('dateline', marks(dl)));
  }
  if (meta.participants.length > 0) {
    const style = small(env, { colour });
    const spans: Span[] = [
      { text: `${LABELS.participants}: `, style: { ...style, bold: true } },
      { text: meta.participants.map(participantText).join(' · '), style },
    ];
    const pr = rowsOf(spans, style, smallLineHeight(env), 0, width);
    if (pr[0]) pr[0].spaceBefore = date ? g.band.participantsBefore : g.band.datelineBefore;
    rows.push(...pr);
    children.push(part('participants', marks(pr)));
  }
  const height = Math.max(stackedHeight(rows), logo?.height ?? 0) + 2 * g.band.padY;
  stackRows(rows, env.x + g.band.padX, y + g.band.padY, 0);
  if (logo) {
    const x = env.x + env.width - g.band.padX - logo.width;
    children.push(part('logo', [{ type: 'logo', page: 0, x, y: y + g.band.padY, width: logo.width, height: logo.height, logo: logo.image }]));
  }
  return { group: part('header', [rect(env.x, y, env.width, height, theme.colours.headerBackground, 0), ...children]), height };
}

function label(text: string, env: TypesetEnv, width: number): Row[] {
  const style = capsStyle(env, env.theme.colours.primary);
  return rowsOf([{ text: text.toUpperCase(), style }], style, smallLineHeight(env), 0, width);
}

export function summaryBox(briefing: Briefing, env: TypesetEnv, y: number): Region {
  const { pad, bar } = env.layout.geometry.box;
  const innerWidth = env.width - bar - 2 * pad;
  const labelRows = label(LABELS.summary, env, innerWidth);
  const body = stackBlocks(briefing.summary, { ...env, x: 0, width: innerWidth }, env.layout.paragraphSpacing);
  if (body.rows[0]) body.rows[0].spaceBefore = env.layout.geometry.label.after;
  const rows = [...labelRows, ...body.rows];
  const height = stackedHeight(rows) + 2 * pad;
  stackRows(rows, env.x + bar + pad, y + pad, 0);
  const decoration = [rect(env.x, y, env.width, height, env.theme.colours.summaryBackground, 0), vrule(env.x + bar / 2, y, height, bar, env.theme.colours.primary, 0)];
  return { group: part('summary', [...decoration, part('label', marks(labelRows)), ...body.groups]), height };
}

export function keyPoints(briefing: Briefing, env: TypesetEnv, y: number): Region {
  const labelRows = label(LABELS.keyPoints, env, env.width);
  const list: ListBlock = {
    type: 'list',
    ordered: false,
    start: 1,
    items: briefing.keyPoints.map((children) => ({ children: [{ type: 'paragraph', children }] })),
  };
  const built = buildBlock(list, { ...env, x: 0 });
  if (built.rows[0]) built.rows[0].spaceBefore = env.layout.geometry.label.after;
  const rows = [...labelRows, ...built.rows];
  const bottom = stackRows(rows, env.x, y, 0);
  return { group: part('keyPoints', [part('label', marks(labelRows)), built.group]), height: bottom - y };
}

export function pullQuoteRegion(briefing: Briefing, env: TypesetEnv, y: number): Region | null {
  const quote = pullQuote(briefing, env.layout);
  if (!quote) return null;
  const { layout, theme } = env;
  const { bar, inset, size, leading, attributionBefore } = layout.geometry.pullQuote;
  const width = env.width - inset;
  const quoteStyle: SpanStyle = { ...env.style, italic: true, size, colour: theme.colours.primary };
  const quoteRows = rowsOf([{ text: quote.text, style: quoteStyle }], quoteStyle, leading, 0, width);
  const attrStyle = small(env, { colour: theme.colours.muted });
  const attrRows = rowsOf([{ text: quote.attribution, style: attrStyle }], attrStyle, smallLineHeight(env), 0, width);
  if (attrRows[0]) attrRows[0].spaceBefore = attributionBefore;
  const rows = [...quoteRows, ...attrRows];
  const height = stackedHeight(rows);
  stackRows(rows, env.x + inset, y, 0);
  const rule = vrule(env.x + bar / 2, y, height, bar, theme.colours.accent, 0);
  return { group: part('pullQuote', [rule, part('quoteText', marks(quoteRows)), part('attribution', marks(attrRows))]), height };
}

/** The footer's rows (unplaced), so the page knows its height before placing it at the bottom. */
export function footerRows(briefing: Briefing, env: TypesetEnv): Row[] {
  return setFooter(briefing, env).rows;
}

/**
 * The footer's rows, and whether its two parts (prepared by · distribution, and source · organisation) were set on
 * two lines, one under the other, because they do not fit side by side on one (Layout.footerStacked).
 */
export function setFooter(briefing: Briefing, env: TypesetEnv): { rows: Row[]; stacked: boolean } {
  const footer = env.layout.geometry.footer;
  const lineHeight = footer.leading;
  const style = small(env, { colour: env.theme.colours.muted });
  const { left, right } = footerParts(briefing, env.theme);
  const leftSpans: Span[] = left ? [{ text: left, style }] : [];
  const rightSpans: Span[] = right ? [{ text: right, style }] : [];
  const rows: Row[] = [];
  const leftRows = leftSpans.length ? rowsOf(leftSpans, style, lineHeight, 0, env.width) : [];
  const rightRows = rightSpans.length ? rowsOf(rightSpans, style, lineHeight, 0, env.width, 'right') : [];
  const sideBySide = leftRows.length === 1 && rightRows.length === 1 && widthOf(leftSpans) + widthOf(rightSpans) + footer.sideGap <= env.width;
  if (sideBySide) {
    leftRows[0]!.marks.push(...rightRows[0]!.marks);
    rows.push(leftRows[0]!);
  } else rows.push(...leftRows, ...rightRows);
  const note = footerNote(briefing, env.theme);
  if (note) rows.push(...rowsOf([{ text: note, style }], style, lineHeight, 0, env.width, 'center'));
  if (rows[0]) {
    rows[0].spaceBefore = 0;
    rows[0].marks.push(hrule(0, -footer.gap, env.width, footer.rule, env.theme.colours.rule, 0));
  }
  return { rows, stacked: leftRows.length > 0 && rightRows.length > 0 && !sideBySide };
}

export function footerHeight(rows: readonly Row[], env: TypesetEnv): number {
  return stackedHeight(rows) + env.layout.geometry.footer.gap;
}

export function placeFooter(rows: Row[], env: TypesetEnv, bottom: number, page: number): Region {
  const height = footerHeight(rows, env);
  stackRows(rows, env.x, bottom - stackedHeight(rows), page);
  return { group: part('footer', marks(rows)), height };
}

/**
 * "Page 2 of 3" (`page` counts from 0), centred in the bottom margin below everything else on the page, where Word
 * puts its footer's last line and Chromium its @bottom-center margin box (geometry.footer.pageNumberBelow).
 */
export function pageNumber(page: number, pages: number, env: TypesetEnv): Mark[] {
  const footer = env.layout.geometry.footer;
  const style = small(env, { colour: env.theme.colours.muted });
  const rows = rowsOf([{ text: pageNumberText(page + 1, pages), style }], style, footer.leading, 0, env.width, 'center');
  const { height, margin } = env.layout.page;
  stackRows(rows, env.x, height - margin.bottom + footer.pageNumberBelow, page);
  return marks(rows);
}
