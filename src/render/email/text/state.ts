/** What every handler of the email's plain-text part receives. Text is never hard-wrapped: mail clients wrap it. */
import type { Block, Inline } from '../../../model/briefing.js';
import type { RenderContext } from '../../types.js';

export interface TextState {
  readonly context: RenderContext;
  /** Lists around the current one, for nested bullets. */
  listDepth: number;
  inlines(nodes: readonly Inline[]): string;
  /** Blocks of one flow, a blank line apart (`tight`: one line break apart, as inside a list item). */
  blocks(nodes: readonly Block[], tight?: boolean): string;
}

export interface TextEmitters {
  inlines(nodes: readonly Inline[], state: TextState): string;
  blocks(nodes: readonly Block[], state: TextState): string[];
}

export function createTextState(context: RenderContext, emitters: TextEmitters): TextState {
  const state: TextState = {
    context,
    listDepth: 0,
    inlines: (nodes) => emitters.inlines(nodes, state),
    blocks: (nodes, tight = false) => emitters.blocks(nodes, state).join(tight ? '\n' : '\n\n'),
  };
  return state;
}

/** Columns a line takes in a fixed-width font: wide East Asian characters two, combining marks none. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    if (/\p{M}|[\u200b-\u200f\u2060\ufeff]/u.test(char)) continue;
    const code = char.codePointAt(0) ?? 0;
    const wide = (code >= 0x1100 && code <= 0x115f) || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60) || (code >= 0xffe0 && code <= 0xffe6) || code >= 0x1f300;
    width += wide ? 2 : 1;
  }
  return width;
}

/** A heading as plain text writes one: the line, and under it a line of `mark` as wide as it. */
export function underlined(text: string, mark: '=' | '-' | '~'): string {
  return `${text}\n${mark.repeat(Math.max(1, displayWidth(text)))}`;
}

/** Every line of `text` after the first moved in by `indent`, the first led by `first`. */
export function hanging(text: string, first: string, indent = ' '.repeat(first.length)): string {
  return text
    .split('\n')
    .map((line, i) => (i === 0 ? first + line : line === '' ? '' : indent + line))
    .join('\n');
}
