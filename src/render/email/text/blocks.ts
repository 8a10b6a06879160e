/** The email's plain-text part: one handler per block kind; a kind missing from the map is a compile error. */
import type { Block, BlockquoteBlock, CodeBlock, HeadingBlock, ImageBlock, ListBlock, ParagraphBlock, TableBlock, ThematicBreakBlock } from '../../../model/briefing.js';
import type { Handlers } from '../handlers.js';
import { hanging, underlined, type TextState } from './state.js';

function paragraph(node: ParagraphBlock, state: TextState): string {
  return state.inlines(node.children);
}

function heading(node: HeadingBlock, state: TextState): string {
  return underlined(state.inlines(node.children), '~');
}

/** `- item`, `1. item`, `[x] task`; an item's further lines hang under its first word. */
function list(node: ListBlock, state: TextState): string {
  state.listDepth += 1;
  try {
    return node.items
      .map((item, i) => {
        const marker = node.ordered ? `${node.start + i}. ` : state.listDepth > 1 ? '* ' : '- ';
        const task = item.checked === undefined ? '' : item.checked ? '[x] ' : '[ ] ';
        return hanging(state.blocks(item.children, true), marker + task, ' '.repeat(marker.length));
      })
      .join('\n');
  } finally {
    state.listDepth -= 1;
  }
}

function blockquote(node: BlockquoteBlock, state: TextState): string {
  return state
    .blocks(node.children)
    .split('\n')
    .map((line) => (line === '' ? '>' : `> ${line}`))
    .join('\n');
}

/** One line per row, cells between bars, the header row ruled off: readable as it stands, and as Markdown. */
function table(node: TableBlock, state: TextState): string {
  const line = (cells: readonly { children: TableBlock['header'][number]['children'] }[]): string =>
    `| ${cells.map((c) => state.inlines(c.children).replace(/\n/g, ' ')).join(' | ')} |`;
  const rule = `|${node.header.map(() => ' --- ').join('|')}|`;
  return [line(node.header), rule, ...node.rows.map(line)].join('\n');
}

function code(node: CodeBlock, _state: TextState): string {
  return node.value
    .split('\n')
    .map((line) => (line === '' ? '' : `    ${line}`))
    .join('\n');
}

function image(node: ImageBlock, _state: TextState): string {
  const alt = node.alt.trim() === '' ? 'Picture' : `Picture: ${node.alt}`;
  return node.title ? `[${alt}]\n${node.title}` : `[${alt}]`;
}

function thematicBreak(_node: ThematicBreakBlock, _state: TextState): string {
  return '----';
}

export const blockHandlers: Handlers<Block, TextState> = { paragraph, heading, list, blockquote, table, code, image, thematicBreak };

export function renderBlocks(nodes: readonly Block[], state: TextState): string[] {
  return nodes.map((node) => {
    const handler = blockHandlers[node.type] as (node: Block, state: TextState) => string;
    return handler(node, state);
  });
}
