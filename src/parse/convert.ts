/**
 * mdast → model blocks and inlines: one small handler per mdast node type, in maps keyed by type (so the set of
 * handled types is explicit). Content the model does not carry becomes plain text with a warning naming its line;
 * nothing is dropped silently.
 */
import type * as M from 'mdast';
import type { VFile } from 'vfile';
import type { Block, Inline, ListItem, SourcePoint, TableCell } from '../model/briefing.js';
import { reportError, reportWarning, type Place } from './diagnostics.js';
import { htmlToText } from './html-text.js';
import type { FileStamps } from '../io/file-stamp.js';
import { loadImage } from './images.js';

/** Lists and quotes nested deeper than this are flattened: no page can show more, and emitters recurse on it. */
export const MAX_NESTING = 8;

export interface ConvertState {
  file: VFile;
  sourcePath: string;
  definitions: Map<string, M.Definition>;
  /** Current list/blockquote nesting depth. */
  depth: number;
  /** Rule ids already warned about, so a document full of raw HTML gets one warning per kind and line, not hundreds. */
  warned: Set<string>;
  /** The image files the source names, with their stamps when read (see loadImage). */
  seen: FileStamps;
}

export function pointOf(node: { position?: M.Root['position'] }): SourcePoint | undefined {
  const start = node.position?.start;
  return start ? { line: start.line, column: start.column } : undefined;
}

function warnOnce(state: ConvertState, reason: string, place: Place, ruleId: string): void {
  const line = place && 'line' in place ? place.line : place && 'start' in place ? place.start.line : 0;
  const key = `${ruleId}:${line}`;
  if (state.warned.has(key)) return;
  state.warned.add(key);
  reportWarning(state.file, reason, place, ruleId);
}

// ---------------------------------------------------------------------------------------------------------------
// Inlines

const SAFE_LINK = /^(https?:|mailto:)/i;

type InlineNode = M.PhrasingContent;
type InlineHandlers = { [K in InlineNode['type']]: (node: Extract<InlineNode, { type: K }>, state: ConvertState) => Inline[] };

function text(value: string): Inline[] {
  return value === '' ? [] : [{ type: 'text', value }];
}

/** Link text kept, link refused: an unsafe or relative URL must never reach an emailed document. */
function linkOrText(url: string, title: string | null | undefined, children: Inline[], node: M.Node, state: ConvertState): Inline[] {
  const trimmed = url.trim();
  if (SAFE_LINK.test(trimmed)) {
    return [{ type: 'link', url: trimmed, ...(title ? { title } : {}), children }];
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed)?.[1];
  warnOnce(
    state,
    scheme
      ? `link to a ${scheme.toLowerCase()}: URL removed (only http, https and mailto links are kept); its text stays`
      : `relative link ${JSON.stringify(trimmed)} removed (a briefing travels alone; use a full https:// address); its text stays`,
    node.position,
    'unsafe-link',
  );
  return children;
}

const inlineHandlers: InlineHandlers = {
  text: (node) => text(node.value.replace(/[ \t]*\r?\n[ \t]*/g, ' ')),
  strong: (node, state) => [{ type: 'strong', children: convertInlines(node.children, state) }],
  emphasis: (node, state) => [{ type: 'emphasis', children: convertInlines(node.children, state) }],
  delete: (node, state) => [{ type: 'strikethrough', children: convertInlines(node.children, state) }],
  inlineCode: (node) => [{ type: 'code', value: node.value }],
  break: () => [{ type: 'break' }],
  link: (node, state) => linkOrText(node.url, node.title, convertInlines(node.children, state), node, state),
  linkReference: (node, state) => {
    const children = convertInlines(node.children, state);
    const definition = state.definitions.get(node.identifier);
    if (!definition) return [...text(`[`), ...children, ...text(`]`)];
    return linkOrText(definition.url, definition.title, children, node, state);
  },
  image: (node, state) => {
    warnOnce(state, 'an image inside running text is shown as its alt text; put it in a paragraph of its own', node.position, 'inline-image');
    return text(node.alt ?? '');
  },
  imageReference: (node, state) => {
    warnOnce(state, 'an image inside running text is shown as its alt text; put it in a paragraph of its own', node.position, 'inline-image');
    return text(node.alt ?? '');
  },
  footnoteReference: (node, state) => {
    warnOnce(state, 'footnotes are shown in place as [label]', node.position, 'footnote');
    return text(`[${node.label ?? node.identifier}]`);
  },
  html: (node, state) => {
    warnOnce(state, 'raw HTML is not rendered; its text is kept as plain text', node.position, 'raw-html');
    return text(htmlToText(node.value));
  },
};

/** Joins neighbouring text runs, which handlers produce in pieces. */
function mergeText(inlines: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const node of inlines) {
    const last = out[out.length - 1];
    if (node.type === 'text' && last?.type === 'text') last.value += node.value;
    else out.push(node);
  }
  return out;
}

export function convertInlines(nodes: readonly M.PhrasingContent[], state: ConvertState): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    const handler = inlineHandlers[node.type] as (n: M.PhrasingContent, s: ConvertState) => Inline[];
    out.push(...handler(node, state));
  }
  return mergeText(out);
}

// ---------------------------------------------------------------------------------------------------------------
// Blocks

type BlockNode = M.RootContent;
type BlockHandlers = { [K in BlockNode['type']]: (node: Extract<BlockNode, { type: K }>, state: ConvertState) => Block[] };

function paragraphOf(inlines: Inline[], node: M.Node): Block[] {
  return inlines.length === 0 ? [] : [{ type: 'paragraph', children: inlines, ...positioned(node) }];
}

function positioned(node: M.Node): { position?: SourcePoint } {
  const position = pointOf(node);
  return position ? { position } : {};
}

function imageBlock(node: M.Image, state: ConvertState): Block[] {
  const loaded = loadImage(node.url, state.sourcePath, state.seen);
  const alt = node.alt ?? '';
  if (!loaded.ok) {
    if (loaded.severity === 'error') reportError(state.file, loaded.reason, node.position, 'image');
    else reportWarning(state.file, loaded.reason, node.position, 'remote-image');
    return paragraphOf(text(alt), node);
  }
  if (loaded.warning) reportWarning(state.file, loaded.warning, node.position, 'image-orientation');
  if (alt.trim() === '') {
    reportWarning(state.file, `image ${JSON.stringify(node.url)} has no alt text; readers using a screen reader will miss it`, node.position, 'image-alt');
  }
  return [
    {
      type: 'image',
      alt,
      ...(node.title ? { title: node.title } : {}),
      src: node.url,
      mime: loaded.mime,
      data: loaded.data,
      width: loaded.width,
      height: loaded.height,
      ...positioned(node),
    },
  ];
}

/**
 * The blocks inside a list or quote nested too deep, flattened without recursion: a hostile source nests a thousand
 * levels (`- - - - …`), and one stack frame per level would overflow the stack.
 */
function flattenedBlocks(node: M.List | M.Blockquote, state: ConvertState): Block[] {
  const leaves: M.RootContent[] = [];
  const stack: M.RootContent[] = [...node.children].reverse();
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    if (next.type === 'list' || next.type === 'listItem' || next.type === 'blockquote') {
      for (let i = next.children.length - 1; i >= 0; i--) stack.push(next.children[i]!);
    } else {
      leaves.push(next);
    }
  }
  return convertBlocks(leaves, state);
}

/** Runs `wrap` one nesting level deeper, or flattens (with one warning per document) when the source nests too deep. */
function nested(node: M.List | M.Blockquote, state: ConvertState, wrap: () => Block[]): Block[] {
  if (state.depth >= MAX_NESTING) {
    // One warning per document, not per line: a thousand-level source would otherwise print a thousand lines.
    if (!state.warned.has('nesting')) {
      state.warned.add('nesting');
      reportWarning(state.file, `lists and quotes nested more than ${MAX_NESTING} deep are flattened`, node.position, 'nesting');
    }
    return flattenedBlocks(node, state);
  }
  state.depth++;
  try {
    return wrap();
  } finally {
    state.depth--;
  }
}

function listItemBlocks(item: M.ListItem, state: ConvertState): Block[] {
  return convertBlocks(item.children, state);
}

function cell(node: M.TableCell, state: ConvertState): TableCell {
  return { children: convertInlines(node.children, state) };
}

const blockHandlers: BlockHandlers = {
  paragraph: (node, state) => {
    const only = node.children.length === 1 ? node.children[0] : undefined;
    if (only?.type === 'image') return imageBlock(only, state);
    if (only?.type === 'imageReference') {
      const definition = state.definitions.get(only.identifier);
      if (definition) return imageBlock({ type: 'image', url: definition.url, alt: only.alt ?? '', title: definition.title ?? null, ...(only.position ? { position: only.position } : {}) }, state);
    }
    return paragraphOf(convertInlines(node.children, state), node);
  },
  heading: (node, state) => {
    // Section-level headings (# and ##) are split off before this runs; any that arrive here sit inside a list or quote.
    const depth = (node.depth < 3 ? 3 : node.depth) as 3 | 4 | 5 | 6;
    const children = convertInlines(node.children, state);
    return children.length === 0 ? [] : [{ type: 'heading', depth, children, ...positioned(node) }];
  },
  thematicBreak: (node) => [{ type: 'thematicBreak', ...positioned(node) }],
  blockquote: (node, state) =>
    nested(
      node,
      state,
      () => {
        const children = convertBlocks(node.children, state);
        return children.length === 0 ? [] : [{ type: 'blockquote', children, ...positioned(node) }];
      },
    ),
  list: (node, state) =>
    nested(
      node,
      state,
      () => {
        const items: ListItem[] = node.children.map((item) => ({
          ...(typeof item.checked === 'boolean' ? { checked: item.checked } : {}),
          children: listItemBlocks(item, state),
        }));
        return [{ type: 'list', ordered: node.ordered === true, start: node.start ?? 1, items, ...positioned(node) }];
      },
    ),
  listItem: (node, state) => listItemBlocks(node, state),
  table: (node, state) => {
    const [head, ...body] = node.children;
    if (!head) return [];
    const width = Math.max(...node.children.map((row) => row.children.length));
    const align = Array.from({ length: width }, (_, i) => node.align?.[i] ?? null);
    const pad = (row: M.TableRow): TableCell[] => {
      const cells = row.children.map((c) => cell(c, state));
      while (cells.length < width) cells.push({ children: [] });
      return cells;
    };
    return [{ type: 'table', align, header: pad(head), rows: body.map(pad), ...positioned(node) }];
  },
  tableRow: (node, state) => paragraphOf(node.children.flatMap((c) => convertInlines(c.children, state)), node),
  tableCell: (node, state) => paragraphOf(convertInlines(node.children, state), node),
  code: (node) => [{ type: 'code', ...(node.lang ? { lang: node.lang } : {}), value: node.value, ...positioned(node) }],
  html: (node, state) => {
    warnOnce(state, 'raw HTML is not rendered; its text is kept as plain text', node.position, 'raw-html');
    return paragraphOf(text(htmlToText(node.value)), node);
  },
  definition: () => [],
  footnoteDefinition: (node, state) => {
    warnOnce(state, 'footnotes are shown in place as [label]', node.position, 'footnote');
    const blocks = convertBlocks(node.children, state);
    const first = blocks[0];
    const label: Inline = { type: 'text', value: `[${node.label ?? node.identifier}] ` };
    if (first?.type === 'paragraph') first.children = mergeText([label, ...first.children]);
    else blocks.unshift({ type: 'paragraph', children: [label] });
    return blocks;
  },
  yaml: (node, state) => {
    warnOnce(state, 'a second front-matter block is shown as text', node.position, 'front-matter-extra');
    return [{ type: 'code', value: node.value, ...positioned(node) }];
  },
  // Phrasing content where a block is expected (mdast allows it in a few places): wrap it in a paragraph.
  text: (node, state) => paragraphOf(convertInlines([node], state), node),
  emphasis: (node, state) => paragraphOf(convertInlines([node], state), node),
  strong: (node, state) => paragraphOf(convertInlines([node], state), node),
  delete: (node, state) => paragraphOf(convertInlines([node], state), node),
  inlineCode: (node, state) => paragraphOf(convertInlines([node], state), node),
  break: () => [],
  link: (node, state) => paragraphOf(convertInlines([node], state), node),
  linkReference: (node, state) => paragraphOf(convertInlines([node], state), node),
  image: (node, state) => imageBlock(node, state),
  imageReference: (node, state) => paragraphOf(convertInlines([node], state), node),
  footnoteReference: (node, state) => paragraphOf(convertInlines([node], state), node),
};

export function convertBlocks(nodes: readonly M.RootContent[], state: ConvertState): Block[] {
  const out: Block[] = [];
  for (const node of nodes) {
    const handler = blockHandlers[node.type] as (n: M.RootContent, s: ConvertState) => Block[];
    out.push(...handler(node, state));
  }
  return out;
}
