/** Inline kinds that map one-to-one onto an HTML phrasing element. */
import type { BreakInline, CodeInline, EmphasisInline, StrikethroughInline, StrongInline, TextInline } from '../../../model/briefing.js';
import type { State } from '../state.js';

export function text(node: TextInline, state: State): string {
  return state.text(node.value);
}

export function strong(node: StrongInline, state: State): string {
  return `<strong>${state.withFace({ bold: true }, () => state.inlines(node.children))}</strong>`;
}

/** Emphasis inside italic text (a block quote) turns upright, as the PDF typesetter does. */
export function emphasis(node: EmphasisInline, state: State): string {
  const upright = state.face.italic;
  const content = state.withFace({ italic: !upright }, () => state.inlines(node.children));
  return upright ? `<em class="upright">${content}</em>` : `<em>${content}</em>`;
}

export function strikethrough(node: StrikethroughInline, state: State): string {
  return `<s>${state.inlines(node.children)}</s>`;
}

/** Inline code keeps the surrounding weight and slant (the CSS only changes the family). */
export function code(node: CodeInline, state: State): string {
  return `<code>${state.withFace({ role: 'mono' }, () => state.text(node.value))}</code>`;
}

export function lineBreak(_node: BreakInline, _state: State): string {
  return '<br>';
}
