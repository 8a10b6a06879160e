import { Paragraph, Tab, TextRun } from 'docx';
import type { Block, ListBlock, ListItem } from '../../../model/briefing.js';
import { inlines } from '../inlines/index.js';
import type { ListRef } from '../numbering.js';
import { withEnv, type State } from '../state.js';
import { STYLE } from '../style-ids.js';
import { TaskBox } from '../task-box.js';
import { keptTogether, respaced } from '../reparagraph.js';
import { twips } from '../units.js';
import { blocks, type WordBlock } from './index.js';

/**
 * A list with real Word numbering; a numbered list is a new `instance`, so it restarts at its own start.
 *
 * Spacing as the layout sets it (Word takes the larger of one paragraph's space after and the next one's space
 * before): the List styles put `itemSpacing` before every item and nothing after; the first item has only what
 * precedes the list (`innerSpacing` in a list item, the space after the block before it elsewhere), and the last
 * paragraph of an outermost list has `paragraphSpacing` after it, as any block does.
 */
export function list(node: ListBlock, state: State): WordBlock[] {
  const ref = node.ordered ? state.numbering.ordered(node.start) : state.numbering.bullet();
  const style = node.ordered ? STYLE.listNumber : STYLE.listBullet;
  const nested = state.env.listDepth > 0;
  const g = state.layout.geometry.list;
  let out = node.items.flatMap((item, index) => listItem(item, ref, style, state, index === 0 ? (nested ? g.innerSpacing : 0) : undefined));
  if (!nested) out = respaced(out, out.length - 1, { after: twips(state.layout.paragraphSpacing) });
  return state.layout.unsplit.has(node) ? keptTogether(out) : out;
}

/**
 * The first paragraph of an item carries the number; its other blocks continue at the item's text indent. A task
 * item's first paragraph is an item of the task numbering, which shows no marker: it starts with its box, where the
 * layout puts it (numbering.ts `task`), and a tab to the text. `before`: the space above the item when it is not the
 * List style's (the first item of a list).
 */
export function listItem(item: ListItem, ref: ListRef, style: string, state: State, before?: number): WordBlock[] {
  const depth = state.env.listDepth;
  const indent = state.numbering.indentAt(depth);
  const inner = withEnv(state, {
    listDepth: depth + 1,
    indent,
    width: state.env.width - (indent - state.env.indent),
    paragraphStyle: STYLE.listContinue,
  });
  const [first, ...rest] = item.children;
  const { markers } = state.layout.geometry.list;
  const colour = style === STYLE.listNumber ? markers.numberColour : markers.bulletColour;
  const box = item.checked === undefined ? [] : [new TaskBox(markers, item.checked, colour, state.theme.fonts.body), new TextRun({ children: [new Tab()] })];
  const lead = first?.type === 'paragraph' ? first.children : [];
  const numberedAs = item.checked === undefined ? ref : state.numbering.task();
  const numbered = new Paragraph({
    style,
    numbering: { reference: numberedAs.reference, level: state.numbering.levelAt(depth), instance: numberedAs.instance },
    ...(before === undefined ? {} : { spacing: { before: twips(before) } }),
    children: [...box, ...inlines(lead, state)],
  });
  const following: Block[] = first?.type === 'paragraph' ? rest : item.children;
  return [numbered, ...blocks(following, inner)];
}
