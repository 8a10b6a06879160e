import { Paragraph } from 'docx';
import type { CodeBlock } from '../../../model/briefing.js';
import type { State } from '../state.js';
import { STYLE } from '../style-ids.js';
import { textRuns } from '../text.js';

/** Verbatim: one paragraph, lines kept as line breaks and tabs as tabs, so it copies out as written. */
export function code(node: CodeBlock, state: State): Paragraph[] {
  return [new Paragraph({ style: STYLE.sourceCode, children: textRuns(node.value.replace(/\n+$/, ''), {}, state.theme.fonts.mono) })];
}
