import { Paragraph } from 'docx';
import type { ThematicBreakBlock } from '../../../model/briefing.js';
import type { State } from '../state.js';
import { STYLE } from '../style-ids.js';

/** An empty paragraph whose style draws a bottom border: Word's own way to draw a rule. */
export function thematicBreak(_node: ThematicBreakBlock, _state: State): Paragraph[] {
  return [new Paragraph({ style: STYLE.rule })];
}
