/**
 * The email's HTML part: a document made for mail clients, not a copy of the page. One column at most the template's
 * email width (600 px), held by layout tables; every style inline; no script, no web font, no class, no <style>;
 * pictures as `cid:` parts. Outlook for Windows (Word's engine) ignores max-width, so a fixed-width table inside
 * conditional comments holds the column there; every other client reads the comments as comments.
 */
import type { Briefing } from '../../../model/briefing.js';
import type { Theme } from '../../../theme/theme.js';
import { escapeHtml, safeLang } from '../../html/escape.js';
import type { RenderContext } from '../../types.js';
import { directionOf } from '../direction.js';
import type { ImageParts } from '../images.js';
import type { EmailStyles } from '../styles.js';
import { renderBlocks } from './blocks.js';
import { renderInlines } from './inlines.js';
import { band, banner, footer, keyPoints, layoutTable, note, pullQuoteRegion, sections, summary } from './regions.js';
import { createHtmlState, styleAttribute } from './state.js';

export function renderEmailHtml(briefing: Briefing, styles: EmailStyles, theme: Theme, context: RenderContext, images: ImageParts): string {
  const state = createHtmlState(styles, theme, context, images, { inlines: renderInlines, blocks: renderBlocks });
  const lang = escapeHtml(safeLang(briefing.meta.language));
  const dir = directionOf(briefing.meta.language);
  const rows =
    banner(briefing, state) +
    note(briefing, state) +
    band(briefing, state) +
    summary(briefing, state) +
    keyPoints(briefing, state) +
    pullQuoteRegion(briefing, state) +
    sections(briefing, state) +
    footer(briefing, state) +
    banner(briefing, state);
  const title = escapeHtml(briefing.meta.title);
  return (
    `<!DOCTYPE html>\n<html lang="${lang}" dir="${dir}">\n<head>\n<meta charset="utf-8">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta name="color-scheme" content="light">\n` +
    `<title>${title}</title>\n</head>\n` +
    `<body${styleAttribute(styles.body)}>\n` +
    `<div role="article" aria-roledescription="email" aria-label="${title}" lang="${lang}" dir="${dir}"${styleAttribute(styles.wrapper)}>\n` +
    `<!--[if mso]><table role="presentation" style="width:${styles.width}px;margin:0 auto"><tr><td><![endif]-->\n` +
    layoutTable(state, rows, styles.frame) +
    `<!--[if mso]></td></tr></table><![endif]-->\n` +
    `</div>\n</body>\n</html>\n`
  );
}
