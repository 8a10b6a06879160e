/** The email's HTML part: one handler per inline kind; a kind missing from the map is a compile error. */
import type { BreakInline, CodeInline, EmphasisInline, Inline, LinkInline, StrikethroughInline, StrongInline, TextInline } from '../../../model/briefing.js';
import { anchor } from '../../html/inlines/link.js';
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

/** A link, as the HTML page writes it (its anchor, or its text alone for an unsafe URL), in the email's link style. */
function link(node: LinkInline, state: HtmlState): string {
  return anchor(node, state.inlines(node.children), (message) => state.context.warn(message), 'email', styleAttribute(state.styles.link));
}

function lineBreak(_node: BreakInline, _state: HtmlState): string {
  return '<br>';
}

export const inlineHandlers: Handlers<Inline, HtmlState> = { text, strong, emphasis, strikethrough, code, link, break: lineBreak };

export function renderInlines(nodes: readonly Inline[], state: HtmlState): string {
  return renderEach(nodes, inlineHandlers, state);
}
