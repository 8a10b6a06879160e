/** One handler per inline kind; a kind missing from the map is a compile error. */
import type { Inline } from '../../../model/briefing.js';
import { renderEach, type Handlers } from '../handlers.js';
import type { State } from '../state.js';
import { link } from './link.js';
import { code, emphasis, lineBreak, strikethrough, strong, text } from './phrasing.js';

export type InlineHandlers = Handlers<Inline>;

export const inlineHandlers: InlineHandlers = {
  text,
  strong,
  emphasis,
  strikethrough,
  code,
  link,
  break: lineBreak,
};

export function renderInlines(nodes: readonly Inline[], state: State): string {
  return renderEach(nodes, inlineHandlers, state);
}
