/** The email's HTML part: one handler per inline kind; a kind missing from the map is a compile error. */
import type { BreakInline, CodeInline, EmphasisInline, Inline, LinkInline, StrikethroughInline, StrongInline, TextInline } from '../../../model/briefing.js';
import { escapeHtml, safeHref } from '../../html/escape.js';
import { SCREEN_MIN_TEXT_PX } from '../../screen.js';
import { renderEach, type Handlers } from '../handlers.js';
import { styleAttribute, type HtmlState } from './state.js';

function text(node: TextInline, state: HtmlState): string {
  return state.text(node.value);
}

function strong(node: StrongInline, state: HtmlState): string {
  return `<strong>${state.inlines(node.children)}</strong>`;
}

/** Emphasis inside italic text (a quotation) turns upright, as the PDF typesetter does. */
function emphasis(node: EmphasisInline, state: HtmlState): string {
  const upright = state.italic;
  state.italic = !upright;
  try {
    const content = state.inlines(node.children);
    return upright ? `<em${styleAttribute(state.styles.upright)}>${content}</em>` : `<em>${content}</em>`;
  } finally {
    state.italic = upright;
  }
}

function strikethrough(node: StrikethroughInline, state: HtmlState): string {
  return `<s>${state.inlines(node.children)}</s>`;
}

/** Smaller than its text, as in the other formats, unless that would go below the screen's smallest text. */
function code(node: CodeInline, state: HtmlState): string {
  const { monoScale } = state.styles.sizes;
  const size = state.fontPx * monoScale >= SCREEN_MIN_TEXT_PX ? `${monoScale}em` : `${SCREEN_MIN_TEXT_PX}px`;
  return `<code${styleAttribute(`${state.styles.code};font-size:${size}`)}>${state.text(node.value)}</code>`;
}

/** A link whose URL fails the re-check is its text alone: the reader keeps the words, never the target. */
function link(node: LinkInline, state: HtmlState): string {
  const content = state.inlines(node.children);
  const href = safeHref(node.url);
  if (href === null) {
    state.context.warn(`email: link with an unsafe URL rendered as text: ${JSON.stringify(node.url.slice(0, 80))}`);
    return content;
  }
  const title = node.title ? ` title="${escapeHtml(node.title)}"` : '';
  return `<a href="${escapeHtml(href)}"${title}${styleAttribute(state.styles.link)}>${content}</a>`;
}

function lineBreak(_node: BreakInline, _state: HtmlState): string {
  return '<br>';
}

export const inlineHandlers: Handlers<Inline, HtmlState> = { text, strong, emphasis, strikethrough, code, link, break: lineBreak };

export function renderInlines(nodes: readonly Inline[], state: HtmlState): string {
  return renderEach(nodes, inlineHandlers, state);
}
