import type { LinkInline } from '../../../model/briefing.js';
import { escapeHtml, safeHref } from '../escape.js';
import type { State } from '../state.js';

/**
 * The anchor for a link, shared by the HTML page and the email's HTML part: a link whose URL fails the re-check
 * renders as its text alone (said through `warn`, naming the format): the reader keeps the words, never the target.
 * The title is an attribute, so it is escaped but draws no glyphs. `attributes`: more of them (the email's style).
 */
export function anchor(node: LinkInline, content: string, warn: (message: string) => void, format: string, attributes = ''): string {
  const href = safeHref(node.url);
  if (href === null) {
    warn(`${format}: link with an unsafe URL rendered as text: ${JSON.stringify(node.url.slice(0, 80))}`);
    return content;
  }
  const title = node.title ? ` title="${escapeHtml(node.title)}"` : '';
  return `<a href="${escapeHtml(href)}"${title}${attributes}>${content}</a>`;
}

export function link(node: LinkInline, state: State): string {
  return anchor(node, state.inlines(node.children), (message) => state.context.warn(message), 'html');
}
