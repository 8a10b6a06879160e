import { Paragraph } from 'docx';
import type { Block, ListBlock, ListItem } from '../../../model/briefing.js';
import { inlines } from '../inlines/index.js';
import type { ListRef } from '../numbering.js';
import { withEnv, type State } from '../state.js';
import { STYLE } from '../style-ids.js';
import { textRuns } from '../text.js';
import { blocks, type WordBlock } from './index.js';

const TASK_BOX = { checked: '\u2612 ', open: '\u2610 ' } as const;

/** A list with real Word numbering; a numbered list is a new `instance`, so it restarts at its own start. */
export function list(node: ListBlock, state: State): WordBlock[] {
  const ref = node.ordered ? state.numbering.ordered(node.start) : state.numbering.bullet();
  const style = node.ordered ? STYLE.listNumber : STYLE.listBullet;
  return node.items.flatMap((item) => listItem(item, ref, style, state));
}

/** The first paragraph of an item carries the number; its other blocks continue at the item's text indent. */
export function listItem(item: ListItem, ref: ListRef, style: string, state: State): WordBlock[] {
  const level = state.env.listDepth;
  const indent = state.numbering.indentAt(level);
  const inner = withEnv(state, {
    listDepth: level + 1,
    indent,
    width: state.env.width - (indent - state.env.indent),
    paragraphStyle: STYLE.listContinue,
  });
  const [first, ...rest] = item.children;
  const box = item.checked === undefined ? [] : textRuns(item.checked ? TASK_BOX.checked : TASK_BOX.open);
  const lead = first?.type === 'paragraph' ? first.children : [];
  const numbered = new Paragraph({
    style,
    numbering: { reference: ref.reference, level, instance: ref.instance },
    children: [...box, ...inlines(lead, state)],
  });
  const following: Block[] = first?.type === 'paragraph' ? rest : item.children;
  return [numbered, ...blocks(following, inner)];
}
