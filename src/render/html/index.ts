/**
 * The HTML emitter: one self-contained, script-free document (inline CSS, fonts and images as data URIs) that shows
 * the briefing's page on screen and prints as that page. A function of (briefing, layout, theme, context) only.
 */
import type { Briefing } from '../../model/briefing.js';
import { completeLayout } from '../../layout/fit.js';
import type { Renderer } from '../types.js';
import { renderBlocks } from './blocks/index.js';
import { stylesheet } from './css.js';
import { escapeHtml, safeLang } from './escape.js';
import { renderInlines } from './inlines/index.js';
import { band, banner, body, claimSectionIds, footer, keyPoints, pullQuoteFigure, summary } from './regions.js';
import { createState, type State } from './state.js';

function head(briefing: Briefing, state: State, fontFaces: string): string {
  const { meta } = briefing;
  const metas = [
    `<meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${escapeHtml(meta.title)}</title>`,
    `<meta name="generator" content="briefing ${escapeHtml(state.context.toolVersion)}">`,
    `<meta name="dcterms.created" content="${state.context.buildDate.toISOString()}">`,
  ];
  if (meta.preparedBy) metas.push(`<meta name="author" content="${escapeHtml(meta.preparedBy)}">`);
  if (meta.keywords.length > 0) metas.push(`<meta name="keywords" content="${escapeHtml(meta.keywords.join(', '))}">`);
  // No script, no network: the policy says so to the browser too, in case anything slips through.
  metas.push(
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:">`,
  );
  return `<head>\n${metas.join('\n')}\n<style>\n${fontFaces}\n${stylesheet(state.layout, state.theme)}</style>\n</head>\n`;
}

/** An element holding `content`, or nothing when there is none (an empty landmark only adds a stop for screen readers). */
function landmark(name: string, content: string): string {
  return content ? `<${name}>\n${content}</${name}>\n` : '';
}

export const renderHtml: Renderer = async (briefing, given, theme, context) => {
  const layout = completeLayout(briefing, theme, given);
  const state = createState(theme, layout, context, { inlines: renderInlines, blocks: renderBlocks });
  const sectionIds = claimSectionIds(briefing, state);
  const titleId = state.claimId('briefing-title');

  // The body is emitted first: it records which characters each face draws, which the font subsets need.
  const page =
    `<div class="page">\n` +
    `<header>\n${banner(briefing, state, 'top')}${band(briefing, state, titleId)}</header>\n` +
    `<main>\n<article aria-labelledby="${escapeHtml(titleId)}">\n` +
    summary(briefing, state) +
    keyPoints(briefing, state) +
    pullQuoteFigure(briefing, state) +
    body(briefing, state, sectionIds) +
    `</article>\n</main>\n` +
    landmark('footer', footer(briefing, state) + banner(briefing, state, 'bottom')) +
    `</div>\n`;

  const fontFaces = await state.fonts.fontFaceCss();
  const html =
    `<!DOCTYPE html>\n<html lang="${escapeHtml(safeLang(briefing.meta.language))}">\n` +
    head(briefing, state, fontFaces) +
    `<body>\n${page}</body>\n</html>\n`;
  return new TextEncoder().encode(html);
};
