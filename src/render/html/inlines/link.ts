import type { LinkInline } from '../../../model/briefing.js';
import { escapeHtml, safeHref } from '../escape.js';
import type { State } from '../state.js';

/**
 * A link whose URL fails the re-check renders as its text alone: the reader keeps the words, never the target.
 * The title is an attribute, so it is escaped but draws no glyphs.
 */
export function link(node: LinkInline, state: State): string {
  const content = state.inlines(node.children);
  const href = safeHref(node.url);
  if (href === null) {
    state.context.warn(`html: link with an unsafe URL rendered as text: ${JSON.stringify(node.url.slice(0, 80))}`);
    return content;
  }
  const title = node.title ? ` title="${escapeHtml(node.title)}"` : '';
  return `<a href="${escapeHtml(href)}"${title}>${content}</a>`;
}
