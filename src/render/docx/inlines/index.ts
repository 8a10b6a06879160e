/**
 * One handler per inline kind. Formatting marks (bold, italic, strike, character style) flow down through `format`
 * so nested emphasis combines; each handler returns the paragraph children it made, possibly none.
 */
import { ExternalHyperlink, TextRun, type ParagraphChild } from 'docx';
import type { Inline, InlineKind } from '../../../model/briefing.js';
import { plainText } from '../../../model/text.js';
import type { State } from '../state.js';
import { textRuns, type RunFormat } from '../text.js';
import { STYLE } from '../style-ids.js';

type InlineHandler<K extends InlineKind> = (
  node: Extract<Inline, { type: K }>,
  format: RunFormat,
  state: State,
) => ParagraphChild[];

export const inlineHandlers: { [K in InlineKind]: InlineHandler<K> } = {
  text: (node, format, state) => textRuns(node.value, format, state.theme.fonts.body),
  strong: (node, format, state) => inlines(node.children, state, { ...format, bold: true }),
  emphasis: (node, format, state) => inlines(node.children, state, { ...format, italics: true }),
  strikethrough: (node, format, state) => inlines(node.children, state, { ...format, strike: true }),
  code: (node, format, state) => textRuns(node.value, { ...format, style: STYLE.verbatimChar }, state.theme.fonts.mono),
  link: (node, format, state) => {
    const linkFormat: RunFormat = { ...format, style: STYLE.hyperlink };
    let children = inlines(node.children, state, linkFormat);
    // A hyperlink with no visible run is unreadable content to Word: show the address instead.
    if (plainText(node.children).trim() === '') children = textRuns(node.url, linkFormat, state.theme.fonts.body);
    return [new ExternalHyperlink({ link: node.url, children })];
  },
  break: (_node, format) => [new TextRun({ ...format, break: 1 })],
};

export function inlines(nodes: readonly Inline[], state: State, format: RunFormat = {}): ParagraphChild[] {
  return nodes.flatMap((node) => dispatch(node, format, state));
}

function dispatch<K extends InlineKind>(node: Extract<Inline, { type: K }>, format: RunFormat, state: State): ParagraphChild[] {
  const handler = inlineHandlers[node.type as K];
  return handler(node, format, state);
}
