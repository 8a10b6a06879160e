/**
 * The email body: an HTML part and a plain-text part, both emitted from the model and the fitted layout's geometry
 * (never from the page's HTML), and the pictures the HTML shows as `cid:` parts. The message around them is
 * src/mail/compose.ts's.
 */
import type { Briefing } from '../../model/briefing.js';
import type { Layout } from '../../layout/layout.js';
import type { Theme } from '../../theme/theme.js';
import type { RenderContext } from '../types.js';
import { renderEmailHtml } from './html/document.js';
import { ImageParts, type InlineImage } from './images.js';
import { emailStyles } from './styles.js';
import { renderBlocks as renderTextBlocks } from './text/blocks.js';
import { renderInlines as renderTextInlines } from './text/inlines.js';
import { textRegions } from './text/regions.js';
import { createTextState } from './text/state.js';

export type { InlineImage } from './images.js';

export interface EmailBody {
  html: string;
  text: string;
  images: InlineImage[];
}

/** Gmail shows "[Message clipped]" past about 102 KB of HTML; below this there is room for a reply's quoting. */
export const HTML_BUDGET_BYTES = 80 * 1024;

export function renderEmailBody(given: Briefing, layout: Layout, theme: Theme, context: RenderContext): EmailBody {
  // The quote the layout chose to pull (the page's), as the model's own: the email shows the same one.
  const briefing = layout.pullQuote !== undefined ? { ...given, pullQuote: layout.pullQuote } : given;
  const images = new ImageParts();
  const html = renderEmailHtml(briefing, emailStyles(layout, theme), theme, context, images);
  const size = Buffer.byteLength(html, 'utf8');
  if (size > HTML_BUDGET_BYTES) {
    context.warn(`email: the HTML body is ${Math.ceil(size / 1024)} KB, over the ${HTML_BUDGET_BYTES / 1024} KB past which Gmail may clip it; the attached PDF and Word file carry all of it`);
  }
  const textState = createTextState(context, { inlines: renderTextInlines, blocks: renderTextBlocks });
  const text = `${textRegions(briefing, theme, textState).join('\n\n')}\n`;
  return { html, text, images: images.parts };
}
