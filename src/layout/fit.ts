/**
 * TEMPORARY heuristic fit (to be replaced by the measuring fit step of the PDF issue): picks the theme's maximum
 * body size. Signature is final.
 */
import type { Briefing } from '../model/briefing.js';
import type { Theme } from '../theme/theme.js';
import type { Layout } from './layout.js';

export interface FitOptions {
  /** Let the briefing flow onto further pages instead of failing when it does not fit at the minimum size. */
  allowOverflow: boolean;
}

export type FitResult =
  | { ok: true; layout: Layout; warnings: string[] }
  | { ok: false; message: string; linesOver: number; wordsToCut: number };

export function layoutAtSize(theme: Theme, bodySize: number, pages = 1, fill = 0): Layout {
  return {
    page: { ...theme.pageSize, margin: { ...theme.page.margin } },
    bodySize,
    leading: round2(bodySize * theme.leading),
    columns: theme.columns,
    columnGap: theme.columnGap,
    paragraphSpacing: round2(bodySize * theme.spacing.paragraph),
    sectionSpacing: round2(bodySize * theme.spacing.section),
    blockSpacing: round2(bodySize * theme.spacing.block),
    titleSize: round2(bodySize * theme.scale.title),
    headingSize: round2(bodySize * theme.scale.heading),
    smallSize: round2(bodySize * theme.scale.small),
    pages,
    fill,
  };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

export function fitBriefing(_briefing: Briefing, theme: Theme, _options: FitOptions): FitResult {
  return { ok: true, layout: layoutAtSize(theme, theme.size.max), warnings: [] };
}
