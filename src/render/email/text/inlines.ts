/** The email's plain-text part: one handler per inline kind; a kind missing from the map is a compile error. */
import type { BreakInline, CodeInline, EmphasisInline, Inline, LinkInline, StrikethroughInline, StrongInline, TextInline } from '../../../model/briefing.js';
import { safeHref } from '../../html/escape.js';
import { renderEach, type Handlers } from '../handlers.js';
import type { TextState } from './state.js';

/** Line breaks inside text would read as paragraph structure in plain text; the model's own breaks are `break` nodes. */
function text(node: TextInline, _state: TextState): string {
  return node.value.replace(/[\r\n]+/g, ' ');
}

function children(node: StrongInline | EmphasisInline | StrikethroughInline, state: TextState): string {
  return state.inlines(node.children);
}

function code(node: CodeInline, _state: TextState): string {
  return node.value;
}

/** `text <url>`; an address shown as its own text once (`<https://…>`), a mailto: link as its address. */
function link(node: LinkInline, state: TextState): string {
  const content = state.inlines(node.children);
  const href = safeHref(node.url);
  if (href === null) return content;
  const shown = href.replace(/^mailto:/i, '');
  if (content.trim() === '' || content === href || content === shown) return `<${href}>`;
  return `${content} <${href}>`;
}

function lineBreak(_node: BreakInline, _state: TextState): string {
  return '\n';
}

export const inlineHandlers: Handlers<Inline, TextState> = {
  text,
  strong: children,
  emphasis: children,
  strikethrough: children,
  code,
  link,
  break: lineBreak,
};

export function renderInlines(nodes: readonly Inline[], state: TextState): string {
  return renderEach(nodes, inlineHandlers, state);
}
