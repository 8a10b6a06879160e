/**
 * The fit step: the largest body size in the theme's range, on its step, at which the whole briefing fits on one
 * page, measured with the real fonts; then one column instead of the theme's when the body is short
 * (ONE_COLUMN_FILL). Word, LibreOffice and Chromium break lines a little differently from us and
 * lay the DOCX and HTML out at the same size, so a fit must leave SLACK_LINES body lines free on the page (shared
 * between its columns).
 */
import type { Briefing, ImageBlock, Quote, SourcePoint } from '../model/briefing.js';
import type { Theme } from '../theme/theme.js';
import type { LineMark, Node } from './display.js';
import { bannerColours } from '../theme/markings.js';
import { geometryOf, onWordGrid } from './geometry.js';
import { noBlockGeometry, type BlockGeometry, type Layout } from './layout.js';
import { roughlyPlacedIn } from './faces.js';
import { describeCharacters, uncovered } from './runs.js';
import { drawnTypeset, typeset, type TypesetPages } from './typeset.js';

export interface FitOptions {
  /** Let the briefing flow onto further pages instead of failing when it does not fit at the minimum size. */
  allowOverflow: boolean;
}

/** A warning of the fit; `characters` are those it is about, so the build can name the line where the first occurs. */
export interface FitWarning {
  message: string;
  characters?: readonly string[];
}

export type FitResult =
  | { ok: true; layout: Layout; warnings: FitWarning[] }
  /** `position`: where the message belongs when one block is the cause (a picture), else the file's start. */
  | { ok: false; message: string; linesOver: number; wordsToCut: number; position?: SourcePoint };

/** Spare body lines per page that a fit must leave, for other engines' line breaking. */
export const SLACK_LINES = 2;

/**
 * A one-page body that set in one column takes at most this share of the room below the top regions is set in one
 * column: two columns would hold a few lines each above an empty page, and balancing them splits short lists.
 */
export const ONE_COLUMN_FILL = 0.5;

export function layoutAtSize(theme: Theme, bodySize: number, pages = 1, fill = 0, columns = theme.columns): Layout {
  const sizes = {
    page: { ...theme.pageSize, margin: { ...theme.page.margin } },
    bodySize,
    leading: round2(bodySize * theme.leading),
    columns,
    columnGap: theme.columnGap,
    paragraphSpacing: round2(bodySize * theme.spacing.paragraph),
    sectionSpacing: round2(bodySize * theme.spacing.section),
    blockSpacing: round2(bodySize * theme.spacing.block),
    titleSize: onWordGrid(bodySize * theme.scale.title),
    headingSize: onWordGrid(bodySize * theme.scale.heading),
    smallSize: onWordGrid(bodySize * theme.scale.small),
    pages,
    fill,
  };
  const geometry = geometryOf(sizes, theme);
  // Until a typeset measures it: a rule, the footer's parts on one line and the theme's footer line.
  const footerHeight = geometry.footer.gap + (theme.footer.text ? 2 : 1) * geometry.footer.leading;
  return { ...sizes, geometry, blocks: noBlockGeometry(), unsplit: new Set(), footerHeight, footerStacked: false };
}

/**
 * The layout with the geometry of this briefing's tables and pictures, which the DOCX and HTML emitters read: the
 * fit's layout has it already; a layout of sizes only (`layoutAtSize`, a caller that picks the size itself) gets it
 * here, from the typesetter at those sizes.
 */
export function completeLayout(briefing: Briefing, theme: Theme, layout: Layout): Layout {
  if (layout.blocks.briefing === briefing) return layout;
  return withBlocks(layout, typeset(briefing, theme, layout, { slack: 0, balance: false, countWords: false }).blocks);
}

function withBlocks(layout: Layout, blocks: BlockGeometry): Layout {
  return { ...layout, blocks };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/**
 * The theme's sizes from largest to smallest, on its step and on Word's half-point grid (computed in hundredths to
 * avoid float drift). Word sets a font size in half points (`w:sz`): a body of 8.75 pt would be 9 pt in the DOCX, a
 * quarter point larger than the PDF and the HTML set it. So the range is narrowed to the grid, and the step rounded up
 * to a multiple of half a point.
 */
export function candidateSizes(theme: Theme): number[] {
  const { min, max, step } = theme.size;
  const high = Math.floor(max * 2) / 2;
  const low = Math.min(high, Math.ceil(min * 2) / 2);
  const onGrid = Math.max(0.5, Math.ceil(round2(step * 2)) / 2);
  const sizes: number[] = [];
  for (let i = 0; ; i++) {
    const size = round2(high - i * onGrid);
    if (size < low - 1e-9) break;
    sizes.push(size);
  }
  if (sizes[sizes.length - 1] !== low) sizes.push(low);
  return sizes;
}

/** Lays out with the fit's slack; the measure used to judge a size. */
function trial(briefing: Briefing, theme: Theme, size: number, countWords = false, pullQuote?: number | null, columns = theme.columns): TypesetPages {
  const layout = withPullQuote(layoutAtSize(theme, size, 1, 0, columns), pullQuote);
  return typeset(briefing, theme, layout, { slack: (SLACK_LINES / layout.columns) * layout.leading, balance: false, countWords });
}

/**
 * The one-page layout at `size` (`result` is the trial there): one column when the body is short (ONE_COLUMN_FILL),
 * else the theme's columns, with what the typesetter decided at that size.
 */
function onePageLayout(briefing: Briefing, theme: Theme, size: number, result: TypesetPages, pullQuote: number | null | undefined): Layout {
  let columns = theme.columns;
  let settled = result;
  // A body filling more than that share of two or more columns would fill far more than it of one: no trial needed.
  if (columns > 1 && result.fill <= ONE_COLUMN_FILL) {
    const single = trial(briefing, theme, size, false, pullQuote, 1);
    if (single.pages === 1 && single.fill <= ONE_COLUMN_FILL) {
      columns = 1;
      settled = single;
    }
  }
  return settledLayout(layoutAtSize(theme, size, 1, round2(Math.min(1, settled.fill)), columns), settled, pullQuote);
}

/** A layout of sizes with what the typesetter decided at them: blocks' geometry, what it kept in one column, the footer. */
function settledLayout(layout: Layout, result: TypesetPages, pullQuote: number | null | undefined): Layout {
  return withBlocks(withPullQuote({ ...layout, unsplit: result.unsplit, footerHeight: result.footerHeight, footerStacked: result.footerStacked }, pullQuote), result.blocks);
}

/**
 * Largest size (index into `sizes`, which run large to small) whose trial uses at most `pages` pages. `hint`, an
 * index likely to be the answer (another pull quote's), is judged first with the size above it: two trials instead
 * of a whole search when it is right.
 */
function largestWithin(
  briefing: Briefing,
  theme: Theme,
  sizes: readonly number[],
  pages: number,
  pullQuote: number | null | undefined,
  hint?: number,
): { index: number; result: TypesetPages } | null {
  // Page count only grows as the size grows, so binary search for the first (largest) size that fits.
  let low = 0;
  let high = sizes.length - 1;
  let best: { index: number; result: TypesetPages } | null = null;
  const judge = (index: number): void => {
    const result = trial(briefing, theme, sizes[index]!, false, pullQuote);
    if (result.pages <= pages) {
      best = { index, result };
      high = index - 1;
    } else low = index + 1;
  };
  if (hint !== undefined && hint >= low && hint <= high) {
    judge(hint);
    if (best && hint > 0) judge(hint - 1);
  }
  while (low <= high) judge((low + high) >> 1);
  return best;
}

/**
 * Characters drawn as boxes because no face (text face or fallback chain) has them, and characters a face could only
 * place roughly (its shaping failed; see shapeText), each named once per document: the fit's typeset holds every
 * line the emitters will draw.
 */
export function glyphProblems(result: TypesetPages): { missing: string[]; rough: string[] } {
  const missing = new Set<string>();
  const rough = new Set<string>();
  const walk = (nodes: readonly Node[]): void => {
    for (const node of nodes) {
      if (node.type === 'block' || node.type === 'part') walk(node.children);
      else if (node.type === 'line') {
        for (const f of node.fragments) {
          for (const c of uncovered(f.text, f.face)) missing.add(c);
          for (const c of roughlyPlacedIn(f.face, f.text)) rough.add(c);
        }
      }
    }
  };
  walk(result.groups);
  return { missing: [...missing], rough: [...rough] };
}

function named(chars: readonly string[]): string {
  const shown = chars.slice(0, 8);
  const more = chars.length > shown.length ? ` and ${chars.length - shown.length} more` : '';
  return `${describeCharacters(shown)}${more}`;
}

function glyphWarnings(result: TypesetPages): FitWarning[] {
  const { missing, rough } = glyphProblems(result);
  const warnings: FitWarning[] = [];
  if (missing.length > 0) warnings.push({ message: `no embedded font has ${named(missing)}: drawn as empty boxes`, characters: missing });
  if (rough.length > 0) {
    warnings.push({
      message: `the PDF places the marks of ${named(rough)} roughly (its embedded font cannot position them); the Word and HTML files are exact`,
      characters: rough,
    });
  }
  return warnings;
}

function withBanner(layout: Layout, banner: Layout['banner']): Layout {
  return banner ? { ...layout, banner } : layout;
}

function withPullQuote(layout: Layout, pullQuote: number | null | undefined): Layout {
  return pullQuote === undefined ? layout : { ...layout, pullQuote };
}

/** A pulled quote whose own paragraph starts this many body lines or fewer below the top of a column is in view already. */
const IN_VIEW_LINES = 10;

/** Whether `quote`'s paragraph starts near the top of a column of the first page, a few lines below the pull quote. */
function inView(result: TypesetPages, quote: Quote | undefined, leading: number): boolean {
  const at = quote?.position;
  if (!at) return false;
  let found: boolean | undefined;
  const firstLine = (nodes: readonly Node[]): LineMark | undefined => {
    for (const node of nodes) {
      if (node.type === 'line') return node;
      if (node.type === 'block' || node.type === 'part') {
        const line = firstLine(node.children);
        if (line) return line;
      }
    }
    return undefined;
  };
  const walk = (nodes: readonly Node[]): void => {
    for (const node of nodes) {
      if (found !== undefined) return;
      if (node.type === 'block' && node.block.position?.line === at.line && node.block.position.column === at.column) {
        const line = firstLine(node.children);
        found = line !== undefined && line.page === 0 && line.baseline - result.bodyTop <= IN_VIEW_LINES * leading;
      } else if (node.type === 'block' || node.type === 'part') walk(node.children);
    }
  };
  walk(result.groups);
  return found ?? false;
}

/** The fit (see fitPullQuote), with the classification banner's colours decided for the page. */
export function fitBriefing(briefing: Briefing, theme: Theme, options: FitOptions): FitResult {
  const marking = briefing.meta.classification;
  const colours = marking ? bannerColours(marking, theme) : undefined;
  const fit = fitPullQuote(briefing, theme, options, colours && { background: colours.background, text: colours.text });
  if (!fit.ok || !marking || colours?.known !== false) return fit;
  return { ...fit, warnings: [...fit.warnings, { message: `the template has no banner colour for the marking "${marking}": shown in its neutral colour`, characters: [marking] }] };
}

/**
 * The fit, with the pull quote chosen among the model's candidates: the first that, at the size chosen, is not
 * already in view a few lines below (at the top of a column); none when every one is. The writer's own choice
 * (or none) stands as it is. Each candidate's search starts at the size the one before it got.
 */
function fitPullQuote(briefing: Briefing, theme: Theme, options: FitOptions, banner: Layout['banner']): FitResult {
  const candidates = briefing.pullQuoteCandidates;
  if (candidates.length === 0) return fitWith(briefing, theme, options, undefined, banner);
  let hint: number | undefined;
  for (const candidate of candidates) {
    const fit = fitWith(briefing, theme, options, candidate, banner, hint);
    if (!fit.ok) return fit;
    // Judged on the page as it is drawn (the PDF draws this very typeset, see drawnTypeset).
    const drawn = drawnTypeset(briefing, theme, fit.layout);
    if (!inView(drawn, briefing.quotes[candidate], fit.layout.leading)) return fit;
    hint = candidateSizes(theme).indexOf(fit.layout.bodySize);
  }
  return fitWith(briefing, theme, options, null, banner, hint);
}

function fitWith(
  briefing: Briefing,
  theme: Theme,
  options: FitOptions,
  pullQuote: number | null | undefined,
  banner: Layout['banner'],
  hint?: number,
): FitResult {
  const sizes = candidateSizes(theme);
  const onePage = largestWithin(briefing, theme, sizes, 1, pullQuote, hint);
  if (onePage) {
    const size = sizes[onePage.index]!;
    return { ok: true, layout: withBanner(onePageLayout(briefing, theme, size, onePage.result, pullQuote), banner), warnings: glyphWarnings(onePage.result) };
  }
  const min = theme.size.min;
  const atMin = trial(briefing, theme, min, true, pullQuote);
  const leading = layoutAtSize(theme, min).leading;
  const linesOver = Math.max(1, Math.ceil(atMin.overflow / leading));
  const wordsPerLine = atMin.bodyLines > 0 ? atMin.bodyWords / atMin.bodyLines : 10;
  const wordsToCut = Math.max(10, Math.ceil((linesOver * wordsPerLine) / 10) * 10);
  const over = `does not fit on one page at the minimum ${min} pt: ${linesOver} line${linesOver === 1 ? '' : 's'} over`;
  if (options.allowOverflow || briefing.meta.allowMultiPage) {
    // As few pages as the minimum size needs, at the largest size that keeps that page count.
    const best = largestWithin(briefing, theme, sizes, atMin.pages, pullQuote) ?? { index: sizes.length - 1, result: atMin };
    const size = sizes[best.index]!;
    const layout = withBanner(settledLayout(layoutAtSize(theme, size, best.result.pages, 1), best.result, pullQuote), banner);
    return { ok: true, layout, warnings: [{ message: `${over}; set at ${size} pt on ${best.result.pages} pages` }, ...glyphWarnings(best.result)] };
  }
  const picture = tallestPicture(atMin);
  const pictureLines = picture ? Math.ceil(picture.height / leading) : 0;
  if (picture && pictureLines >= linesOver) {
    // Without the picture it would fit: it is what to change, and the message sits at its line.
    return {
      ok: false,
      message: `${over}, and the picture ${JSON.stringify(picture.node.src)} is ${pictureLines} lines tall — crop it wider than it is tall, cut about ${wordsToCut} words, or set \`pages: multi\``,
      linesOver,
      wordsToCut,
      ...(picture.node.position ? { position: picture.node.position } : {}),
    };
  }
  return { ok: false, message: `${over} — cut about ${wordsToCut} words, or set \`pages: multi\``, linesOver, wordsToCut };
}

/** The tallest picture the typesetter drew (already at its capped size), with its height. */
function tallestPicture(result: TypesetPages): { node: ImageBlock; height: number } | null {
  let tallest: { node: ImageBlock; height: number } | null = null;
  for (const [node, { height }] of result.blocks.pictures) if (!tallest || height > tallest.height) tallest = { node, height };
  return tallest;
}
