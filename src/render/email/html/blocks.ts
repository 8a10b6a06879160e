/** The email's HTML part: one handler per block kind; a kind missing from the map is a compile error. */
import type { Block, BlockquoteBlock, CodeBlock, ColumnAlign, HeadingBlock, ImageBlock, ListBlock, ListItem, ParagraphBlock, TableBlock, TableCell, ThematicBreakBlock } from '../../../model/briefing.js';
import { escapeHtml } from '../../html/escape.js';
import { renderEach, type Handlers } from '../handlers.js';
import { styleAttribute, type HtmlState } from './state.js';

function paragraph(node: ParagraphBlock, state: HtmlState): string {
  return `<p${state.block(state.styles.paragraph)}>${state.inlines(node.children)}</p>\n`;
}

/** `###`+ headings sit under an h2 (a section or a box label); the level never skips one, as in the HTML page. */
function heading(node: HeadingBlock, state: HtmlState): string {
  const level = Math.max(3, Math.min(node.depth, state.headingLevel + 1));
  state.headingLevel = level;
  const saved = state.marginTop;
  // Between blocks a subhead has more room above it; first in its flow it keeps the flow's own opening gap.
  state.marginTop = saved === state.styles.gaps.paragraph ? state.styles.gaps.subhead : saved;
  const style = state.block(state.styles.subhead);
  state.marginTop = saved;
  return `<h${level}${style}>${state.inlines(node.children)}</h${level}>\n`;
}

/** A task item's box is a character (☐ ☑): mail clients keep text, and a drawn box needs styles they drop. */
function item(node: ListItem, index: number, state: HtmlState): string {
  const saved = state.marginTop;
  state.marginTop = index === 0 ? 0 : state.styles.gaps.item;
  const style = state.block(node.checked === undefined ? state.styles.item : state.styles.taskItem);
  state.marginTop = saved;
  let content = state.blocks(node.children, state.styles.gaps.inner).trimEnd();
  if (node.checked !== undefined) {
    const box = node.checked ? '\u2611\u00a0' : '\u2610\u00a0';
    // Inside the first paragraph, so the box sits on the item's first line.
    content = /^<p[^>]*>/.test(content) ? content.replace(/^<p[^>]*>/, (open) => open + box) : box + content;
  }
  return `<li${style}>${content}</li>\n`;
}

function list(node: ListBlock, state: HtmlState): string {
  const { styles } = state;
  const style = state.block(!node.ordered && state.listDepth > 0 ? styles.nestedList : styles.list);
  const saved = { depth: state.listDepth, available: state.available };
  state.listDepth += 1;
  state.available -= styles.indents.list;
  try {
    const items = node.items.map((entry, i) => item(entry, i, state)).join('');
    if (!node.ordered) return `<ul${style}>\n${items}</ul>\n`;
    const start = node.start === 1 ? '' : ` start="${node.start}"`;
    return `<ol${start}${style}>\n${items}</ol>\n`;
  } finally {
    state.listDepth = saved.depth;
    state.available = saved.available;
  }
}

function blockquote(node: BlockquoteBlock, state: HtmlState): string {
  const style = state.block(state.styles.blockquote);
  const saved = { italic: state.italic, available: state.available };
  state.italic = true;
  state.available -= state.styles.indents.blockquote;
  try {
    return `<blockquote${style}>\n${state.blocks(node.children)}</blockquote>\n`;
  } finally {
    state.italic = saved.italic;
    state.available = saved.available;
  }
}

function alignment(align: ColumnAlign | undefined): string {
  return align ? `;text-align:${align}` : ';text-align:left';
}

function cell(tag: 'th' | 'td', node: TableCell, align: ColumnAlign | undefined, state: HtmlState): string {
  const scope = tag === 'th' ? ' scope="col"' : '';
  return `<${tag}${scope}${styleAttribute(state.styles[tag] + alignment(align))}>${state.inlines(node.children)}</${tag}>`;
}

/** A real table, not a layout one: header cells stay th with their scope, so a screen reader names each column. */
function table(node: TableBlock, state: HtmlState): string {
  const saved = state.fontPx;
  state.fontPx = state.styles.sizes.small;
  const head = node.header.map((c, i) => cell('th', c, node.align[i], state)).join('');
  const rows = node.rows.map((row) => `<tr>${row.map((c, i) => cell('td', c, node.align[i], state)).join('')}</tr>\n`).join('');
  state.fontPx = saved;
  return `<table${state.block(state.styles.table)}>\n<thead>\n<tr>${head}</tr>\n</thead>\n<tbody>\n${rows}</tbody>\n</table>\n`;
}

function code(node: CodeBlock, state: HtmlState): string {
  // A newline right after <pre> is dropped by HTML parsers: one more keeps a leading blank line.
  const leading = node.value.startsWith('\n') ? '\n' : '';
  return `<pre${state.block(state.styles.pre)}><code>${leading}${state.text(node.value)}</code></pre>\n`;
}

/**
 * A picture as a `cid:` part, at its own size or narrower: no wider than the text, no taller than the page geometry
 * allows. width and height are set so clients reserve its box before it loads (and Outlook, which ignores CSS
 * widths, draws it at that size).
 */
function image(node: ImageBlock, state: HtmlState): string {
  const part = state.images.add(node);
  if (!part) {
    state.context.warn(`email: image ${JSON.stringify(node.src)} has no usable data; its alt text is shown instead`);
    return `<p${state.block('')}>${state.text(node.alt)}</p>\n`;
  }
  let size = '';
  let fluid = '';
  if (node.width > 0 && node.height > 0) {
    const scale = Math.min(1, state.available / node.width, state.styles.imageMaxHeight / node.height);
    const width = Math.max(1, Math.round(node.width * scale));
    size = ` width="${width}" height="${Math.max(1, Math.round(node.height * scale))}"`;
    // Narrower on a phone, never wider than drawn here: a cell grows to fit a fixed-width picture otherwise.
    fluid = `;width:100%;max-width:${width}px`;
  }
  const img = `<img src="cid:${escapeHtml(part.cid)}" alt="${escapeHtml(node.alt)}"${size}${styleAttribute(state.styles.image + fluid)}>`;
  const caption = node.title ? `<figcaption${styleAttribute(state.styles.caption)}>${state.text(node.title)}</figcaption>` : '';
  return `<figure${state.block(state.styles.figure)}>${img}${caption}</figure>\n`;
}

function thematicBreak(_node: ThematicBreakBlock, state: HtmlState): string {
  return `<hr${state.block(state.styles.rule)}>\n`;
}

export const blockHandlers: Handlers<Block, HtmlState> = { paragraph, heading, list, blockquote, table, code, image, thematicBreak };

export function renderBlocks(nodes: readonly Block[], state: HtmlState, before: (index: number) => void): string {
  return renderEach(nodes, blockHandlers, state, before);
}
