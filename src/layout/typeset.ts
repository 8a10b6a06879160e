/**
 * The typesetter: sets a briefing at the sizes of a Layout (body size, leading, spacing, geometry: ./layout.ts) and
 * returns TypesetPages, every mark placed on its page plus what the fit step judges them by (pages used, fill,
 * overflow). The fit tries Layouts until the pages fit; the PDF draws the marks set at the chosen one.
 */
import type { Briefing, ListBlock, Section } from '../model/briefing.js';
import type { Theme } from '../theme/theme.js';
import { stackBlocks } from './blocks.js';
import { part, placeMark, type Group, type Mark } from './display.js';
import { flowBody } from './body-flow.js';
import { keepTogether, lineRows, stackedHeight, type Row, type TypesetEnv } from './frame.js';
import { noBlockGeometry, type BlockGeometry, type Layout } from './layout.js';
import { band, banner, footerHeight, footerRows, keyPoints, pageNumber, placeFooter, pullQuoteRegion, setFooter, summaryBox } from './regions.js';
import { setLines, spansOf, type SpanStyle } from './text.js';

export interface TypesetOptions {
  /** Points kept free at the bottom of every column (room for other engines' line breaking). */
  slack: number;
  /** Balance the last page's columns (drawing); the fit step skips it, as it changes no page count. */
  balance: boolean;
  /**
   * Count body lines and words when the body overflows (for "cut about N words"). Only the fit's trial at the minimum
   * size needs them; the oversized trials of its search would count for nothing. Default true.
   */
  countWords?: boolean;
}

/** The pages as the typesetter set them at one Layout: the display list and its measures. */
export interface TypesetPages {
  /** Top-level groups in reading order: page furniture, header, summary, key points, pull quote, body. */
  groups: Group[];
  pages: number;
  /** Body height that spilled past the first page (0 when it fits on one page). */
  overflow: number;
  /** Share of the first page's body area that the body uses (can exceed 1 when it overflows). */
  fill: number;
  /** Body text lines and words, to turn an overflow into "cut about N words" (0 unless `countWords` and it overflows). */
  bodyLines: number;
  bodyWords: number;
  /** Where the columns start on the first page, below the full-width regions. */
  bodyTop: number;
  /** Each table's and picture's geometry as set here (the fit hands the chosen size's to the emitters). */
  blocks: BlockGeometry;
  /** The lists and sections kept in one column because they are short (Layout.unsplit, for the DOCX and HTML). */
  unsplit: ReadonlySet<ListBlock | Section>;
  /** The footer's height, rule to last line (Layout.footerHeight). */
  footerHeight: number;
  /** Whether the footer's two parts were set one under the other (Layout.footerStacked). */
  footerStacked: boolean;
}

export function baseEnv(theme: Theme, layout: Layout, briefing?: Briefing): TypesetEnv {
  const width = layout.page.width - layout.page.margin.left - layout.page.margin.right;
  const style: SpanStyle = {
    family: theme.fonts.body,
    bold: false,
    italic: false,
    size: layout.bodySize,
    colour: theme.colours.text,
    tracking: 0,
    marks: [],
  };
  return {
    theme,
    layout,
    x: layout.page.margin.left,
    width,
    style,
    inline: { mono: theme.fonts.mono, linkColour: theme.colours.link, monoScale: layout.geometry.code.monoScale },
    lineHeight: layout.leading,
    listDepth: 0,
    blocks: noBlockGeometry(briefing),
    unsplit: new Set(),
  };
}

function sectionRows(section: Section, index: number, env: TypesetEnv): { rows: Row[]; group: Group } {
  const { layout, theme } = env;
  const style: SpanStyle = { ...env.style, family: theme.fonts.heading, bold: true, size: layout.headingSize, colour: theme.colours.primary };
  const { headingLeading, ruleGap, rule: ruleThickness, after } = layout.geometry.section;
  const titleRows = lineRows(setLines(spansOf(section.title, style, env.inline), env.width), style, headingLeading, 0, env.width);
  const last = titleRows[titleRows.length - 1]!; // setLines always returns a line
  const rule: Mark = { type: 'rule', page: 0, x1: 0, y1: last.height + ruleGap, x2: env.width, y2: last.height + ruleGap, thickness: ruleThickness, colour: theme.colours.rule };
  last.marks.push(rule);
  last.height += ruleGap + after;
  for (const r of titleRows) r.keepWithNext = true;
  titleRows[0]!.spaceBefore = index === 0 ? 0 : layout.sectionSpacing;
  const body = stackBlocks(section.blocks, env, layout.paragraphSpacing);
  if (stackedHeight(body.rows) <= layout.geometry.shortBlock) {
    keepTogether([...titleRows, ...body.rows]);
    env.unsplit.add(section);
  }
  const titleMarks = titleRows.flatMap((r) => r.marks.filter((m) => m !== rule));
  return { rows: [...titleRows, ...body.rows], group: part('section', [part('sectionTitle', titleMarks), rule, ...body.groups]) };
}

function countWords(rows: readonly Row[]): { lines: number; words: number } {
  let lines = 0;
  let words = 0;
  for (const r of rows)
    for (const m of r.marks)
      if (m.type === 'line') {
        lines++;
        words += m.fragments.map((f) => f.text).join('').split(/\s+/).filter(Boolean).length;
      }
  return { lines, words };
}

/** Each fitted layout's page as drawn, with what it was set from (a layout is made for one briefing and theme). */
const drawnPages = new WeakMap<Layout, { briefing: Briefing; theme: Theme; page: TypesetPages }>();

/**
 * The page as the PDF draws it: balanced columns, no slack. The fit judges its pull quote on this page and the PDF
 * then draws the very same one, so it is set once per layout, not twice. Callers only read it.
 */
export function drawnTypeset(briefing: Briefing, theme: Theme, layout: Layout): TypesetPages {
  const known = drawnPages.get(layout);
  if (known && known.briefing === briefing && known.theme === theme) return known.page;
  const page = typeset(briefing, theme, layout, { slack: 0, balance: true });
  drawnPages.set(layout, { briefing, theme, page });
  return page;
}

export function typeset(briefing: Briefing, theme: Theme, layout: Layout, options: TypesetOptions): TypesetPages {
  const env = baseEnv(theme, layout, briefing);
  const { margin, height: pageHeight } = layout.page;
  const groups: Group[] = [];
  const classification = briefing.meta.classification;
  const bannerHeight = classification ? layout.geometry.banner.height : 0;
  const bannerGap = classification ? layout.geometry.banner.gap : 0;
  const top = margin.top + bannerHeight + bannerGap;
  const probe = setFooter(briefing, env);
  const footerProbe = footerHeight(probe.rows, env);
  const footerBottom = pageHeight - margin.bottom - bannerHeight - bannerGap;
  const bodyBottom = footerBottom - footerProbe - layout.blockSpacing;

  // Full-width regions on the first page.
  let y = top;
  const add = (region: { group: Group; height: number } | null): void => {
    if (!region) return;
    groups.push(region.group);
    y += region.height + layout.blockSpacing;
  };
  add(band(briefing, env, y));
  if (briefing.summary.length > 0) add(summaryBox(briefing, env, y));
  if (briefing.keyPoints.length > 0) add(keyPoints(briefing, env, y));
  add(pullQuoteRegion(briefing, env, y));
  const firstBodyTop = y;

  // The body, flowed into columns.
  const { columnWidth } = layout.geometry;
  const columnEnv: TypesetEnv = { ...env, x: 0, width: columnWidth, bodyColumn: true };
  const sections = briefing.sections.map((s, i) => sectionRows(s, i, columnEnv));
  const rows = sections.flatMap((s) => s.rows);
  const bodyTop = (page: number): number => (page === 0 ? firstBodyTop : top);
  const capacity = (page: number): number => bodyBottom - bodyTop(page) - options.slack;
  const flow = flowBody(rows, layout.columns, capacity, options.balance);
  rows.forEach((r, i) => {
    const slot = flow.slots[i]!; // one slot per row
    const page = Math.floor(slot.column / layout.columns);
    const x = slot.across ? margin.left : margin.left + (slot.column % layout.columns) * (columnWidth + layout.columnGap);
    for (const mark of r.marks) placeMark(mark, x, bodyTop(page) + slot.y, page);
    if (slot.header && r.header) {
      // The table goes on in this column or page: its header row again, above the row.
      const copy = r.header.copy();
      for (const mark of copy) placeMark(mark, x, bodyTop(page) + slot.y - r.header.height, page);
      r.header.group.children.push(part('repeatedHeader', copy));
    }
  });
  if (sections.length > 0) groups.push(part('body', sections.map((s) => s.group)));
  const lastColumn = flow.slots.length > 0 ? flow.slots[flow.slots.length - 1]!.column : 0;
  const pages = Math.floor(lastColumn / layout.columns) + 1;

  // Furniture on every page, after the content in reading order.
  for (let page = 0; page < pages; page++) {
    if (classification) {
      groups.push(banner(classification, env, margin.top, page).group);
      groups.push(banner(classification, env, pageHeight - margin.bottom - bannerHeight, page).group);
    }
    const footer = placeFooter(footerRows(briefing, env), env, footerBottom, page).group;
    if (pages > 1) footer.children.push(...pageNumber(page, pages, env));
    groups.push(footer);
  }

  const overflow = flow.used.slice(layout.columns).reduce((sum, u) => sum + (u ?? 0), 0);
  const firstCapacity = Math.max(1, capacity(0) + options.slack) * layout.columns;
  const used = flow.used.reduce((sum, u) => sum + (u ?? 0), 0);
  // Only an overflow message needs words per line.
  const { lines, words } = pages > 1 && options.countWords !== false ? countWords(rows) : { lines: 0, words: 0 };
  return { groups, pages, overflow, fill: used / firstCapacity, bodyLines: lines, bodyWords: words, bodyTop: firstBodyTop, blocks: env.blocks, unsplit: env.unsplit, footerHeight: footerProbe, footerStacked: probe.stacked };
}
