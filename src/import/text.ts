/**
 * Plain text → a draft. Paragraphs end at blank lines, or at every line when the text is not hard-wrapped (the seed
 * has one paragraph per line); wrapped lines are rejoined (wrap.ts). A short line without closing punctuation that
 * is followed by a paragraph is a heading; the first line is the title when it reads as one. Lines starting with
 * `-`, `•`, `*` or a number are list items. Page furniture lines are dropped with a note each (furniture.ts).
 */
import type * as M from 'mdast';
import { Cleaner, pointIn } from './clean.js';
import { isPageFurniture } from './furniture.js';
import type { Draft, Note, Origin } from './types.js';
import { continues, LIST_ITEM, wrapWidth } from './wrap.js';

/** A heading is a line, not a sentence: at most this long. */
const HEADING_MAX_LENGTH = 100;
const HEADING_MAX_WORDS = 14;

/** A line ending in one of these (before closing quotes and brackets) is a sentence, not a heading. */
const CLOSING_PUNCTUATION = /[.!?…:;,]["”’)\]]*$/u;

/** Whether a line reads as a heading or title: short, starting with a capital or a digit, not ending a sentence. */
export function readsAsHeading(text: string): boolean {
  const line = text.trim();
  if (line === '' || line.length > HEADING_MAX_LENGTH || line.split(/\s+/).length > HEADING_MAX_WORDS) return false;
  if (CLOSING_PUNCTUATION.test(line) || LIST_ITEM.test(line)) return false;
  return /^["“‘(]?[\p{Lu}\p{Lt}\p{N}]/u.test(line) && /\p{L}/u.test(line);
}

interface Segment {
  /** Offset of this input line's text in the joined text. */
  offset: number;
  line: number;
  column: number;
}

interface LogicalLine {
  text: string;
  segments: Segment[];
  list?: { ordered: boolean; start: number };
}

interface InputLine {
  text: string;
  line: number;
}

function inputLines(text: string, notes: Note[]): InputLine[] {
  const out: InputLine[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = index + 1;
    if (isPageFurniture(raw)) {
      notes.push({ kind: 'removed', origin: { line, column: 1 }, message: `page furniture “${raw.trim()}”` });
      return;
    }
    out.push({ text: raw.replace(/\s+$/u, ''), line });
  });
  return out;
}

function logicalLines(lines: readonly InputLine[]): LogicalLine[] {
  const width = wrapWidth(lines.map((l) => l.text));
  const out: LogicalLine[] = [];
  let current: LogicalLine | null = null;
  lines.forEach((input, index) => {
    const trimmed = input.text.trim();
    if (trimmed === '') {
      current = null;
      return;
    }
    const column = input.text.length - input.text.trimStart().length + 1;
    const marker = LIST_ITEM.exec(trimmed);
    if (current && !marker) {
      current.segments.push({ offset: current.text.length + 1, line: input.line, column });
      current.text += ` ${trimmed}`;
    } else {
      const body = marker ? trimmed.slice(marker[0].length) : trimmed;
      current = {
        text: body,
        segments: [{ offset: 0, line: input.line, column: column + (marker ? marker[0].length : 0) }],
        // A number (group 2) makes a numbered list, a bullet (group 1) a bulleted one.
        ...(marker ? { list: { ordered: marker[2] !== undefined, start: Number(marker[2] ?? 1) } } : {}),
      };
      out.push(current);
    }
    const next = lines[index + 1];
    if (width === null || !next || !continues(input.text, next.text, width)) current = null;
  });
  return out;
}

function textNode(value: string): M.Text {
  return { type: 'text', value };
}

/** Reads `raw` (the text file's contents) into a draft. */
export function readText(raw: string): Draft {
  const notes: Note[] = [];
  const normal = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').normalize('NFC');
  const cleaner = new Cleaner();
  const text = cleaner.clean(normal, (index) => pointIn(normal, index));
  notes.push(...cleaner.notes());
  const lines = logicalLines(inputLines(text, notes));

  const children: M.RootContent[] = [];
  const segments = new Map<M.Node, Segment[]>();
  const block = <T extends M.RootContent | M.ListItem>(node: T, from: LogicalLine): T => {
    segments.set(node, from.segments);
    return node;
  };

  lines.forEach((line, index) => {
    const next = lines[index + 1];
    if (line.list) {
      const item = block<M.ListItem>({ type: 'listItem', spread: false, children: [block<M.Paragraph>({ type: 'paragraph', children: [textNode(line.text)] }, line)] }, line);
      const last = children[children.length - 1];
      if (last?.type === 'list' && last.ordered === line.list.ordered) {
        last.children.push(item);
        return;
      }
      children.push(block<M.List>({ type: 'list', ordered: line.list.ordered, start: line.list.ordered ? line.list.start : null, spread: false, children: [item] }, line));
      return;
    }
    const followedByText = next !== undefined && (next.list !== undefined || !readsAsHeading(next.text));
    if (index === 0 && next !== undefined && readsAsHeading(line.text)) {
      children.push(block<M.Heading>({ type: 'heading', depth: 1, children: [textNode(line.text)] }, line));
    } else if (followedByText && readsAsHeading(line.text)) {
      children.push(block<M.Heading>({ type: 'heading', depth: 2, children: [textNode(line.text)] }, line));
    } else {
      children.push(block<M.Paragraph>({ type: 'paragraph', children: [textNode(line.text)] }, line));
    }
  });

  const locate = (node: M.Node, offset: number): Origin => {
    const parts = segments.get(node);
    if (!parts || parts.length === 0) return { line: 1, column: 1 };
    let part = parts[0]!;
    for (const candidate of parts) if (candidate.offset <= offset) part = candidate;
    return { line: part.line, column: part.column + Math.max(0, offset - part.offset) };
  };
  return { body: { type: 'root', children }, fields: {}, complete: false, locate, notes, pictures: [] };
}
