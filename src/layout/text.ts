/**
 * Inline content to styled spans, and spans to lines. Lines break greedily at spaces, after hyphens and dashes
 * between letters, and around CJK characters; a word longer than the line is cut by character (long URLs).
 * Widths are the fonts' real advances (kerning and ligatures included), so the PDF draws exactly what was measured.
 */
import type { Inline, InlineKind, LinkInline } from '../model/briefing.js';
import type { FontFamily } from '../theme/theme.js';
import type { Fragment } from './display.js';
import { emWidth, getFace, type Face } from './faces.js';
import type { FontStyle } from './fonts.js';
import { splitByCoverage, type Run } from './runs.js';

export interface SpanStyle {
  family: FontFamily;
  bold: boolean;
  italic: boolean;
  size: number;
  colour: string;
  tracking: number;
  marks: readonly InlineKind[];
  link?: LinkInline;
}

/** A piece of text in one style; the text "\n" is a forced line break. */
export interface Span {
  text: string;
  style: SpanStyle;
}

/** What inline handlers need besides the current style. */
export interface InlineEnv {
  mono: FontFamily;
  linkColour: string;
  /** Code runs are set a little smaller than the text around them, as monospace faces look large. */
  monoScale: number;
}

type InlineHandlers = {
  [K in InlineKind]: (node: Extract<Inline, { type: K }>, style: SpanStyle, env: InlineEnv, out: Span[]) => void;
};

function withMark(style: SpanStyle, mark: InlineKind, change: Partial<SpanStyle> = {}): SpanStyle {
  return { ...style, ...change, marks: [...style.marks, mark] };
}

const inlineHandlers: InlineHandlers = {
  text: (node, style, _env, out) => {
    out.push({ text: node.value, style });
  },
  strong: (node, style, env, out) => {
    collect(node.children, withMark(style, 'strong', { bold: true }), env, out);
  },
  // Emphasis inside italic text (a block quote, the pull quote) turns upright, as typesetters do.
  emphasis: (node, style, env, out) => {
    collect(node.children, withMark(style, 'emphasis', { italic: !style.italic }), env, out);
  },
  strikethrough: (node, style, env, out) => {
    collect(node.children, withMark(style, 'strikethrough'), env, out);
  },
  code: (node, style, env, out) => {
    out.push({ text: node.value, style: withMark(style, 'code', { family: env.mono, size: style.size * env.monoScale }) });
  },
  link: (node, style, env, out) => {
    collect(node.children, withMark(style, 'link', { colour: env.linkColour, link: node }), env, out);
  },
  break: (_node, style, _env, out) => {
    out.push({ text: '\n', style });
  },
};

function collect(inlines: readonly Inline[], style: SpanStyle, env: InlineEnv, out: Span[]): void {
  for (const node of inlines) {
    // The map is keyed by kind, so this lookup is total; TypeScript cannot narrow the pair by itself.
    (inlineHandlers[node.type] as (n: Inline, s: SpanStyle, e: InlineEnv, o: Span[]) => void)(node, style, env, out);
  }
}

export function spansOf(inlines: readonly Inline[], style: SpanStyle, env: InlineEnv): Span[] {
  const out: Span[] = [];
  collect(inlines, style, env, out);
  return out;
}

export function styleFont(style: SpanStyle): FontStyle {
  if (style.bold) return style.italic ? 'boldItalic' : 'bold';
  return style.italic ? 'italic' : 'regular';
}

// ---------------------------------------------------------------------------------------------------------------
// Line breaking

interface Piece {
  text: string;
  face: Face;
  style: SpanStyle;
  width: number;
  rtl: boolean;
  /** Width in em before scaling by the style's size, and the characters tracking applies to: for the token cache. */
  em: number;
  chars: number;
}
type Item = { kind: 'box'; pieces: Piece[]; width: number } | { kind: 'glue'; style: SpanStyle; width: number; em: number } | { kind: 'break' };

export interface SetLine {
  width: number;
  fragments: Fragment[];
}

/** Ideographs, kana, Hangul and CJK punctuation: a line may break before and after each. */
function isCjk(codePoint: number): boolean {
  return (
    (codePoint >= 0x2e80 && codePoint <= 0x9fff) ||
    (codePoint >= 0xac00 && codePoint <= 0xd7af) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xff00 && codePoint <= 0xffef) ||
    (codePoint >= 0x20000 && codePoint <= 0x3ffff)
  );
}
const BREAK_AFTER = new Set(['-', '\u2010', '\u2013', '\u2014', '/']);
const LETTER = /\p{L}/u;
const SPACES = /([ \t\r\n]+)/;
const SPACES_ONLY = /^[ \t\r\n]+$/;
const INNER_BREAK = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef\u{20000}-\u{3ffff}\-\u2010\u2013\u2014/]/u;

/** Runs of a word with their widths in em, cached by the run list (itself cached per face and text). */
const runWidths = new WeakMap<readonly Run[], number[]>();

function measurePieces(text: string, style: SpanStyle): Piece[] {
  const runs = splitByCoverage(text, style.family, styleFont(style));
  let ems = runWidths.get(runs);
  if (!ems) {
    ems = runs.map((run) => emWidth(run.face, run.text));
    runWidths.set(runs, ems);
  }
  const pieces: Piece[] = [];
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i]!;
    const chars = [...run.text].length;
    const tracking = style.tracking ? style.tracking * chars : 0;
    pieces.push({ text: run.text, face: run.face, style, width: ems[i]! * style.size + tracking, rtl: run.rtl, em: ems[i]!, chars });
  }
  return pieces;
}

function tokenizeFresh(spans: readonly Span[], preserveSpaces: boolean): Item[] {
  const items: Item[] = [];
  let pending: { style: SpanStyle; text: string }[] = [];
  const flush = (): void => {
    if (pending.length === 0) return;
    let pieces: Piece[];
    if (pending.length === 1) pieces = measurePieces(pending[0]!.text, pending[0]!.style);
    else pieces = pending.filter((p) => p.text).flatMap((p) => measurePieces(p.text, p.style));
    pending = [];
    let width = 0;
    for (const piece of pieces) width += piece.width;
    if (pieces.length > 0) items.push({ kind: 'box', pieces, width });
  };
  const append = (style: SpanStyle, text: string): void => {
    const last = pending[pending.length - 1];
    if (last && last.style === style) last.text += text;
    else pending.push({ style, text });
  };
  const glue = (style: SpanStyle): void => {
    flush();
    const last = items[items.length - 1];
    if (last && last.kind === 'box') {
      const face = getFace(style.family, styleFont(style));
      const em = emWidth(face, ' ');
      items.push({ kind: 'glue', style, width: em * style.size + style.tracking, em });
    }
  };
  for (const span of spans) {
    if (span.text === '\n') {
      flush();
      items.push({ kind: 'break' });
      continue;
    }
    // Word by word; only words with a break opportunity inside (CJK, hyphens, dashes, slashes) go char by char.
    const parts = preserveSpaces ? [span.text] : span.text.split(SPACES);
    for (const word of parts) {
      if (word === '') continue;
      if (!preserveSpaces && SPACES_ONLY.test(word)) glue(span.style);
      else if (!INNER_BREAK.test(word)) append(span.style, word);
      else {
        const chars = [...word];
        chars.forEach((char, i) => {
          const codePoint = char.codePointAt(0)!; // never empty
          if (isCjk(codePoint)) flush();
          append(span.style, char);
          const next = chars[i + 1];
          if (isCjk(codePoint) || (BREAK_AFTER.has(char) && next !== undefined && LETTER.test(next) && i > 0)) flush();
        });
      }
    }
  }
  flush();
  while (items.length > 0 && items[items.length - 1]!.kind === 'glue') items.pop();
  return items;
}


/**
 * Tokens without sizes: each piece's width in em (plus how many characters its tracking applies to) and which span's
 * style it takes. The fit step sets the same text at several body sizes, and every size scales each span's style
 * size, so one tokenisation serves them all: only the multiplication is redone, in the same order as a fresh
 * tokenisation, so widths (and therefore line breaks) are bit-for-bit the same.
 */
interface EmPiece {
  text: string;
  face: Face;
  /** Index into the distinct styles of the spans (by first appearance). */
  style: number;
  em: number;
  chars: number;
  rtl: boolean;
}
type EmItem = { kind: 'box'; pieces: EmPiece[] } | { kind: 'glue'; style: number; em: number } | { kind: 'break' };

const tokenCache = new Map<string, EmItem[]>();
const TOKEN_CACHE_SIZE = 20_000;

/**
 * The cache key: the spans' texts with what decides their faces (family, weight, slant) and which of them share a style
 * object (tokenize merges adjacent text of the same style). Size, colour, tracking and marks do not change tokens.
 */
function tokenKey(spans: readonly Span[], styles: SpanStyle[], preserveSpaces: boolean): string {
  let key = preserveSpaces ? 'p' : 'w';
  for (const span of spans) {
    let index = styles.indexOf(span.style);
    if (index < 0) index = styles.push(span.style) - 1;
    const { style } = span;
    key += `\u0000${index}\u0001${style.family}\u0001${style.bold ? 1 : 0}${style.italic ? 1 : 0}\u0001${span.text}`;
  }
  return key;
}

function tokenize(spans: readonly Span[], preserveSpaces: boolean): Item[] {
  const styles: SpanStyle[] = [];
  const key = tokenKey(spans, styles, preserveSpaces);
  let cached = tokenCache.get(key);
  if (!cached) {
    const items = tokenizeFresh(spans, preserveSpaces);
    cached = items.map((item): EmItem => {
      if (item.kind === 'break') return item;
      if (item.kind === 'glue') return { kind: 'glue', style: styles.indexOf(item.style), em: item.em };
      return {
        kind: 'box',
        pieces: item.pieces.map((p) => ({ text: p.text, face: p.face, style: styles.indexOf(p.style), em: p.em, chars: p.chars, rtl: p.rtl })),
      };
    });
    if (tokenCache.size >= TOKEN_CACHE_SIZE) tokenCache.clear(); // a bound for long-running builds of many files
    tokenCache.set(key, cached);
    return items;
  }
  // Same arithmetic as measurePieces, glue() and flush() below, in the same order.
  return cached.map((item): Item => {
    if (item.kind === 'break') return item;
    if (item.kind === 'glue') {
      const style = styles[item.style]!; // indices come from this key's styles
      return { kind: 'glue', style, width: item.em * style.size + style.tracking, em: item.em };
    }
    let width = 0;
    const pieces = item.pieces.map((p): Piece => {
      const style = styles[p.style]!; // indices come from this key's styles
      const tracking = style.tracking ? style.tracking * p.chars : 0;
      const piece: Piece = { text: p.text, face: p.face, style, width: p.em * style.size + tracking, rtl: p.rtl, em: p.em, chars: p.chars };
      width += piece.width;
      return piece;
    });
    return { kind: 'box', pieces, width };
  });
}

const NO_BREAK_SPACES = /([\u00a0\u2007\u202f]+)/;

/**
 * A box wider than the line that is words joined by no-break spaces (pasted text can join a whole sentence so):
 * cut at those spaces first, as spaces, so a word is broken only if it is too wide by itself. Null when there are none.
 */
function splitAtNoBreakSpaces(box: Extract<Item, { kind: 'box' }>): Item[] | null {
  if (!box.pieces.some((piece) => NO_BREAK_SPACES.test(piece.text))) return null;
  const items: Item[] = [];
  let pieces: Piece[] = [];
  const flush = (): void => {
    if (pieces.length > 0) items.push({ kind: 'box', pieces, width: pieces.reduce((sum, p) => sum + p.width, 0) });
    pieces = [];
  };
  for (const piece of box.pieces) {
    for (const part of piece.text.split(NO_BREAK_SPACES)) {
      if (part === '') continue;
      if (!NO_BREAK_SPACES.test(part)) {
        pieces.push(...measurePieces(part, piece.style));
        continue;
      }
      flush();
      const space = measurePieces(part, piece.style);
      items.push({ kind: 'glue', style: piece.style, width: space.reduce((sum, p) => sum + p.width, 0), em: space.reduce((sum, p) => sum + p.em, 0) });
    }
  }
  flush();
  return items;
}

/** Cuts a box wider than the line into one box per character, so the greedy breaker can split it anywhere. */
function splitBox(box: Extract<Item, { kind: 'box' }>): Item[] {
  return box.pieces.flatMap((piece) =>
    [...piece.text].map((char): Item => {
      const [one] = measurePieces(char, piece.style);
      const width = one ? one.width : 0;
      return { kind: 'box', pieces: one ? [one] : [], width };
    }),
  );
}

function buildLine(items: readonly Item[]): SetLine {
  const fragments: Fragment[] = [];
  /** Width of the spaces (glue) at the end of each fragment so far: RTL fragments must not draw them. */
  const trailing = new Map<Fragment, number>();
  let x = 0;
  let current: Fragment | null = null;
  let currentStyle: SpanStyle | null = null;
  for (const item of items) {
    if (item.kind === 'glue') {
      if (current) {
        current.text += ' ';
        current.width += item.width;
        trailing.set(current, (trailing.get(current) ?? 0) + item.width);
      }
      x += item.width;
      continue;
    }
    if (item.kind === 'break') continue;
    for (const piece of item.pieces) {
      if (current && currentStyle === piece.style && current.face === piece.face && Boolean(current.rtl) === piece.rtl) {
        current.text += piece.text;
        current.width += piece.width;
        trailing.delete(current);
      } else {
        current = {
          text: piece.text,
          face: piece.face,
          size: piece.style.size,
          x,
          width: piece.width,
          colour: piece.style.colour,
          tracking: piece.style.tracking,
          marks: piece.style.marks,
          ...(piece.style.link ? { link: piece.style.link } : {}),
          ...(piece.rtl ? { rtl: true } : {}),
        };
        currentStyle = piece.style;
        fragments.push(current);
      }
      x += piece.width;
    }
  }
  orderRightToLeft(fragments, trailing);
  return { width: x, fragments };
}

/**
 * Visual order for right-to-left text in a left-to-right line. fontkit shapes an RTL fragment and lays its glyphs
 * out right to left itself, so each fragment only has to lose its trailing spaces (they would be drawn on its left)
 * and, where several RTL fragments follow each other (an RTL phrase with a bold word, Hebrew then Arabic), their
 * positions are mirrored within the stretch they cover. This is not the full Unicode bidi algorithm: the paragraph
 * direction is always LTR, and numbers between RTL words keep their logical place.
 */
function orderRightToLeft(fragments: Fragment[], trailing: ReadonlyMap<Fragment, number>): void {
  let i = 0;
  while (i < fragments.length) {
    if (!fragments[i]!.rtl) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < fragments.length && fragments[j + 1]!.rtl) j++;
    const stretch = fragments.slice(i, j + 1);
    const ink = (f: Fragment): number => f.width - (trailing.get(f) ?? 0);
    for (const f of stretch) if (trailing.has(f)) f.text = f.text.replace(/ +$/, '');
    if (stretch.length > 1) {
      const start = stretch[0]!.x;
      const last = stretch[stretch.length - 1]!;
      const end = last.x + ink(last);
      for (const f of stretch) f.x = start + end - f.x - ink(f);
    }
    i = j + 1;
  }
}

/**
 * Breaks spans into lines no wider than `width` (the first line `firstWidth`). With `preserveSpaces` (code), spaces
 * are kept as written and lines break only where they must.
 */
export function setLines(spans: readonly Span[], width: number, firstWidth = width, preserveSpaces = false): SetLine[] {
  const lines: SetLine[] = [];
  let line: Item[] = [];
  let lineWidth = 0;
  let glue: Item | null = null;
  const limit = (): number => (lines.length === 0 ? firstWidth : width) + 0.001;
  const endLine = (): void => {
    lines.push(buildLine(line));
    line = [];
    lineWidth = 0;
    glue = null;
  };
  const queue = tokenize(spans, preserveSpaces);
  for (let i = 0; i < queue.length; i++) {
    const item = queue[i]!; // i < length
    if (item.kind === 'break') {
      endLine();
    } else if (item.kind === 'glue') {
      if (line.length > 0) glue = item;
    } else {
      if (item.width > width && item.pieces.length > 0 && [...item.pieces.map((p) => p.text).join('')].length > 1) {
        queue.splice(i, 1, ...(splitAtNoBreakSpaces(item) ?? splitBox(item)));
        i--;
        continue;
      }
      const add = (glue ? glue.width : 0) + item.width;
      if (line.length > 0 && lineWidth + add > limit()) endLine();
      if (glue && line.length > 0) {
        line.push(glue);
        lineWidth += glue.width;
      }
      glue = null;
      line.push(item);
      lineWidth += item.width;
    }
  }
  if (line.length > 0 || lines.length === 0) lines.push(buildLine(line));
  return lines;
}

/** Width of a single-line text, for right-aligned and centred furniture. */
export function widthOf(spans: readonly Span[]): number {
  return setLines(spans, Number.POSITIVE_INFINITY).reduce((max, line) => Math.max(max, line.width), 0);
}
