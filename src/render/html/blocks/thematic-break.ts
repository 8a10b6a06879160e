import type { ThematicBreakBlock } from '../../../model/briefing.js';
import type { State } from '../state.js';

export function thematicBreak(_node: ThematicBreakBlock, _state: State): string {
  return '<hr>\n';
}
