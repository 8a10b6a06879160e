/** Rendering and reading helpers shared by the HTML emitter's tests. */
import type { Briefing } from '../../../src/model/briefing.js';
import { layoutAtSize } from '../../../src/layout/fit.js';
import type { Layout } from '../../../src/layout/layout.js';
import { renderHtml } from '../../../src/render/html/index.js';
import type { RenderContext } from '../../../src/render/types.js';
import { loadTheme } from '../../../src/theme/load.js';
import type { Theme } from '../../../src/theme/theme.js';
import { dateline, footerNote, footerParts, LABELS, organisationOf, participantText, pullQuote } from '../../../src/layout/furniture.js';
import { plainText } from '../../../src/model/text.js';
import { blockStrings } from '../../support/model-text.js';

export function context(warnings: string[] = []): RenderContext {
  return { buildDate: new Date('2025-01-08T00:00:00Z'), toolVersion: '0.0.0-test', warn: (m) => warnings.push(m) };
}

export async function render(
  briefing: Briefing,
  options: { theme?: Theme; layout?: Layout; warnings?: string[] } = {},
): Promise<string> {
  const theme = options.theme ?? loadTheme('default');
  const layout = options.layout ?? layoutAtSize(theme, theme.size.min);
  const bytes = await renderHtml(briefing, layout, theme, context(options.warnings));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: '\u00a0' };

/** Elements that only style a stretch of text: a reader sees "jobs;" for `<em>jobs</em>;`, so they leave no space. */
const INLINE_TAGS = /<\/?(?:a|b|bdi|code|del|em|i|s|span|strong|sub|sup)\b[^>]*>/g;

/** The document's visible text: the body without tags, style or head, entities decoded. */
export function visibleText(html: string): string {
  const body = html.slice(html.indexOf('<body>'));
  return body
    .replace(/<br>/g, ' ')
    .replace(INLINE_TAGS, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name: string) => NAMED[name] ?? '')
    .replace(/\s+/g, ' ');
}

/** Every string of the model a reader should see, with the furniture built from it. */
export function modelStrings(briefing: Briefing, theme: Theme): string[] {
  const { meta } = briefing;
  const quote = pullQuote(briefing, {});
  const foot = footerParts(briefing, theme);
  return [
    meta.title,
    meta.subtitle ?? '',
    meta.kind ?? '',
    meta.classification ?? '',
    dateline(briefing),
    ...meta.participants.map(participantText),
    LABELS.participants,
    organisationOf(briefing, theme),
    foot.left,
    foot.right,
    footerNote(briefing, theme),
    ...(briefing.summary.length ? [LABELS.summary, ...blockStrings(briefing.summary)] : []),
    ...(briefing.keyPoints.length ? [LABELS.keyPoints, ...briefing.keyPoints.map(plainText)] : []),
    ...(quote ? [quote.text, quote.attribution] : []),
    ...briefing.sections.flatMap((s) => [plainText(s.title), ...blockStrings(s.blocks)]),
  ];
}

/** All values of one attribute, in document order. */
export function attributeValues(html: string, name: string): string[] {
  return [...html.matchAll(new RegExp(`\\s${name}="([^"]*)"`, 'g'))].map((m) => m[1] ?? '');
}
