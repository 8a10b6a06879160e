/**
 * Reading a briefing's pages as a reader sees them, from the word boxes of any PDF (pdfkit's, LibreOffice's,
 * Chromium's): which page and column a word sits in, the marker in front of each list item, what follows each
 * heading, which columns the body's blocks start in. What to look for comes from the source as marked reads it
 * (not our parser), and the expected list markers are written out here, not taken from the layout.
 */
import { marked, type Token, type Tokens } from 'marked';
import type { WordBox } from './pdf.js';
import { normalise, splitFrontMatter } from './words.js';

/** A word box with its place in reading order: page, then column (left or right half), then line, then x. */
export interface PlacedWord extends WordBox {
  column: number;
}

/** A block of the source body, in document order: its first words (at most two) and what it is. */
export interface SourceBlock {
  kind: 'heading' | 'item' | 'other';
  /** Heading: its level. */
  level?: number;
  /** Heading: all its words; otherwise the first two. */
  words: string[];
  /** List items: their depth (0 outermost), whether numbered, their number, whether a task item and a done one. */
  depth?: number;
  ordered?: boolean;
  number?: number;
  task?: boolean;
  checked?: boolean;
}

const word = (text: string): string => normalise(text).trim();

function plain(tokens: readonly Token[] | undefined): string {
  let out = '';
  for (const token of tokens ?? []) {
    if (token.type === 'br') out += ' ';
    // A picture shows its title as a caption under it; its alt text is not on the page.
    else if (token.type === 'image') out += (token as Tokens.Image).title ?? '';
    else if ('tokens' in token && Array.isArray(token.tokens) && token.tokens.length > 0) out += plain(token.tokens);
    else if ('text' in token && typeof token.text === 'string') out += token.text;
  }
  return out;
}

function wordsOf(text: string, count = 2): string[] {
  return text.split(/\s+/).map(word).filter(Boolean).slice(0, count);
}

function blocksOf(tokens: readonly Token[], depth: number, out: SourceBlock[]): void {
  for (const token of tokens) {
    switch (token.type) {
      case 'heading':
        out.push({ kind: 'heading', level: (token as Tokens.Heading).depth, words: wordsOf(plain((token as Tokens.Heading).tokens), 100) });
        break;
      case 'paragraph':
        out.push({ kind: 'other', words: wordsOf(plain((token as Tokens.Paragraph).tokens)) });
        break;
      case 'blockquote':
        blocksOf((token as Tokens.Blockquote).tokens, depth, out);
        break;
      case 'table': {
        const table = token as Tokens.Table;
        out.push({ kind: 'other', words: wordsOf(plain(table.header[0]?.tokens)) });
        break;
      }
      case 'code':
        out.push({ kind: 'other', words: wordsOf((token as Tokens.Code).text) });
        break;
      case 'list': {
        const list = token as Tokens.List;
        const start = typeof list.start === 'number' ? list.start : 1;
        list.items.forEach((item, index) => {
          // A task item's tokens start with its checkbox (marked 18), before the text.
          const [first, ...rest] = item.tokens[0]?.type === 'checkbox' ? item.tokens.slice(1) : item.tokens;
          const lead = first && (first.type === 'text' || first.type === 'paragraph') ? first : undefined;
          out.push({
            kind: 'item',
            words: lead ? wordsOf(plain('tokens' in lead ? lead.tokens : undefined) || lead.text) : [],
            depth,
            ordered: list.ordered,
            number: start + index,
            task: item.task,
            checked: item.checked,
          });
          blocksOf(lead ? rest : item.tokens, depth + 1, out);
        });
        break;
      }
      default:
        break;
    }
  }
}

/** The body's blocks in document order (front matter left out: its summary and key points are not body lists). */
export function sourceBlocks(source: string): SourceBlock[] {
  const out: SourceBlock[] = [];
  blocksOf(marked.lexer(splitFrontMatter(source).body), 0, out);
  return out;
}

/** The box a task item should show in place of its marker: ☑ done, ☐ to do. */
export function expectedTaskBox(checked: boolean): string {
  return checked ? '\u2611' : '\u2610';
}

/** The marker a list item should show: 1. / a. / i. by depth, bullets • / – / ◦, repeating from the fourth level. */
export function expectedMarker(ordered: boolean, depth: number, number: number): string {
  const level = depth % 3;
  if (!ordered) return ['\u2022', '\u2013', '\u25e6'][level]!;
  if (level === 0) return `${number}.`;
  if (level === 1) return `${String.fromCharCode(96 + (((number - 1) % 26) + 1)).repeat(Math.ceil(number / 26))}.`;
  const numerals: [number, string][] = [[10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let rest = number;
  let roman = '';
  for (const [value, numeral] of numerals) while (rest >= value) (roman += numeral), (rest -= value);
  return `${roman}.`;
}

/** Words in reading order: page, column (the half of the page a word starts in), line, left to right. */
export function readingOrder(boxes: readonly WordBox[]): PlacedWord[] {
  const placed = boxes.map((b) => ({ ...b, column: b.xMin >= b.pageWidth / 2 ? 1 : 0 }));
  placed.sort((a, b) => a.page - b.page || a.column - b.column || a.yMin - b.yMin);
  // Words of one line have (nearly) the same top; within a line, left to right.
  const lines: PlacedWord[][] = [];
  for (const w of placed) {
    const line = lines[lines.length - 1];
    const head = line?.[0];
    if (line && head && head.page === w.page && head.column === w.column && Math.abs(head.yMin - w.yMin) < 2) line.push(w);
    else lines.push([w]);
  }
  return lines.flatMap((line) => line.sort((a, b) => a.xMin - b.xMin));
}

const sameLine = (a: PlacedWord, b: PlacedWord): boolean => a.page === b.page && a.column === b.column && Math.abs(a.yMin - b.yMin) < 2;

/** Where `words` start in `order` at or after `from` (words matched in sequence), or -1. */
function find(order: readonly PlacedWord[], words: readonly string[], from: number, lineStart: boolean): number {
  for (let i = from; i < order.length; i++) {
    if (!words.every((w, k) => order[i + k] && word(order[i + k]!.text) === w)) continue;
    if (!lineStart) return i;
    // At the start of its line, after at most a marker (one word at most 40 pt to its left).
    const before = order.slice(Math.max(0, i - 2), i).filter((b) => sameLine(b, order[i]!));
    if (before.length === 0 || (before.length === 1 && order[i]!.xMin - before[0]!.xMin < 40)) return i;
  }
  return -1;
}

/**
 * Each list item's marker and first word as the PDF shows them, in document order (marker null for an item drawn
 * without one; null for an item not found).
 */
export function itemMarkerBoxes(boxes: readonly WordBox[], blocks: readonly SourceBlock[]): ({ marker: PlacedWord | null; first: PlacedWord } | null)[] {
  const order = readingOrder(boxes);
  let cursor = 0;
  const found: ({ marker: PlacedWord | null; first: PlacedWord } | null)[] = [];
  for (const block of blocks) {
    if (block.kind !== 'item' || block.words.length === 0) continue;
    const at = find(order, block.words, cursor, true);
    if (at < 0) {
      found.push(null);
      continue;
    }
    cursor = at + 1;
    const before = order[at - 1];
    found.push({ marker: before && sameLine(before, order[at]!) ? before : null, first: order[at]! });
  }
  return found;
}

/** Each list item's marker as the PDF shows it, in document order ('' for an item drawn without one, null when not found). */
export function itemMarkers(boxes: readonly WordBox[], blocks: readonly SourceBlock[]): (string | null)[] {
  return itemMarkerBoxes(boxes, blocks).map((item) => (item === null ? null : (item.marker?.text.replace(/[\s\u00a0]+/g, '') ?? '')));
}

/** Headings whose next block does not start in the same page and column (a heading left at the end of a column). */
export function strandedHeadings(boxes: readonly WordBox[], blocks: readonly SourceBlock[]): string[] {
  const order = readingOrder(boxes);
  const stranded: string[] = [];
  let cursor = 0;
  blocks.forEach((block, i) => {
    const next = blocks[i + 1];
    if (block.kind !== 'heading' || block.words.length === 0) return;
    const at = find(order, block.words, cursor, true);
    if (at < 0) {
      stranded.push(`${block.words.join(' ')} (not found)`);
      return;
    }
    cursor = at + 1;
    if (!next || next.words.length === 0) return;
    const after = find(order, next.words, at + block.words.length, true);
    const head = order[at]!;
    const follower = after >= 0 ? order[after] : undefined;
    if (!follower || follower.page !== head.page || follower.column !== head.column) stranded.push(block.words.join(' '));
  });
  return stranded;
}

/** The columns (0 left, 1 right) in which the body's blocks start, per page: "1:0" "1:1" "2:0" … */
export function blockColumns(boxes: readonly WordBox[], blocks: readonly SourceBlock[]): string[] {
  const order = readingOrder(boxes);
  const columns = new Set<string>();
  let cursor = 0;
  for (const block of blocks) {
    if (block.words.length === 0) continue;
    const at = find(order, block.words, cursor, true);
    if (at < 0) continue;
    cursor = at + 1;
    columns.add(`${order[at]!.page}:${order[at]!.column}`);
  }
  return [...columns].sort();
}
