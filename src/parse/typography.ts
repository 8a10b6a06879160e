/**
 * Typographic punctuation, as Pandoc's `smart` extension makes it: ' → ’ or ‘, " → “ or ”, -- → –, --- → —,
 * ... → …. It runs on the model's text as the parser leaves it (the model carries the final characters; no emitter
 * changes any), never inside code, code blocks or a link whose text is its address. `typography: straight` in the
 * front matter turns it off.
 *
 * The quotes are retext-smartypants' (it decides from the neighbouring words and punctuation), run once over all the
 * text of a paragraph, heading, cell or field, so a quote outside emphasis or a link pairs with the text inside it
 * ("*word*" → “word”). A few cases it gets wrong are settled before it runs:
 * - an apostrophe opening an elision or a year: 'tis, 'twas, 'em, '85 (it would open a quote: ‘tis);
 * - rock 'n' roll: both are apostrophes, ’n’;
 * - a quote closed right before another mark ("word"'s, 'a'"): closed (it would open both: “word“‘s), and the
 *   possessive after it an apostrophe;
 * - feet and inches (6'2", 5' 10"): left straight. The marks there are primes, not quotes, and Carlito, the default
 *   body face, has no prime (U+2032); straight marks are the usual stand-in, curly ones would read as a quotation.
 */
import { retext } from 'retext';
import retextSmartypants from 'retext-smartypants';
import type { Block, BriefingMeta, Inline, Participant } from '../model/briefing.js';

/** Quotes only: they keep the text's length, so the text can be cut back into the pieces it was joined from. */
const quotes = retext().use(retextSmartypants, { quotes: true, dashes: false, ellipses: false, backticks: false });
/** Dashes and ellipses, piece by piece (they change lengths). Backticks are code in Markdown, never quotes. */
const dashes = retext().use(retextSmartypants, { quotes: false, dashes: 'oldschool', ellipses: true, backticks: false });

const APOSTROPHE = '’';
/** What may stand before a word that an elision opens: the start, a space, an opening bracket, quote or dash. */
const BEFORE_WORD = String.raw`(?<=^|[\s(\[{“‘"'—–-])`;
const ELISION = new RegExp(`${BEFORE_WORD}'(?=(?:tis|twas|twere|twill|em|\\d\\d)(?![\\p{L}\\p{N}]))`, 'giu');
const AND = new RegExp(`${BEFORE_WORD}'n'(?=$|[\\s)\\]}.,;:!?”’"])`, 'giu');
/** A quote right after a word or a sentence's end and right before another quote mark: it closes. */
const CLOSE_BEFORE_QUOTE = /(?<=[\p{L}\p{N}.,;:!?])["'](?=['"])/gu;
/** The possessive after a closing quote: “word”’s. */
const POSSESSIVE = /(?<=["”'’])'(?=s(?![\p{L}\p{N}]))/gu;
/** 6'2", 5' 10", 6'2.5": the feet mark and the inches mark. */
const FEET_INCHES = /(?<=\d)'(?=\s?\d+(?:[.,]\d+)?")|(?<=\d'\s?\d+(?:[.,]\d+)?)"/g;

/**
 * Curls the straight quotes of `text`, of which only the characters at positions `editable` says may change (code and
 * addresses joined in are not). Returns the text with the same length.
 */
function curlQuotes(text: string, editable: (index: number) => boolean): string {
  if (!/['"]/.test(text)) return text;
  // UTF-16 units, as the regular expressions' indices and the library's output count them.
  const chars = text.split('');
  const kept = new Set<number>();
  for (const match of text.matchAll(FEET_INCHES)) kept.add(match.index);
  for (const match of text.matchAll(ELISION)) if (editable(match.index)) chars[match.index] = APOSTROPHE;
  for (const match of text.matchAll(AND)) {
    if (editable(match.index)) chars[match.index] = APOSTROPHE;
    if (editable(match.index + 2)) chars[match.index + 2] = APOSTROPHE;
  }
  for (const match of text.matchAll(CLOSE_BEFORE_QUOTE)) {
    if (!kept.has(match.index) && editable(match.index)) chars[match.index] = match[0] === '"' ? '”' : APOSTROPHE;
  }
  for (const match of text.matchAll(POSSESSIVE)) if (!kept.has(match.index) && editable(match.index)) chars[match.index] = APOSTROPHE;
  // The library sees a prime where a mark stays straight: neither a quote nor a word, as the mark is.
  const input = chars.map((c, i) => (kept.has(i) ? (c === '"' ? '″' : '′') : c)).join('');
  const curled = String(quotes.processSync(input));
  if (curled.length !== input.length) return chars.join(''); // never expected: quotes are one unit each
  // Only a straight quote the source has, where it may change, takes the library's character.
  return chars.map((c, i) => ((c === "'" || c === '"') && !kept.has(i) && editable(i) ? curled[i]! : c)).join('');
}

function dashesAndEllipses(text: string): string {
  return /--|\.\s?\.\s?\./.test(text) ? String(dashes.processSync(text)) : text;
}

/** A plain-text field (a title, a name): its quotes, dashes and ellipses. */
export function smartText(text: string): string {
  return dashesAndEllipses(curlQuotes(text, () => true));
}

/**
 * A link whose text is its address, with or without its scheme (`<https://…>`, a bare `www.…` or e-mail address that
 * GFM links): left as written, as code is.
 */
function isAddress(link: Extract<Inline, { type: 'link' }>): boolean {
  const text = textOf(link.children);
  return text === link.url || text === link.url.replace(/^(?:https?:\/\/|mailto:)/i, '');
}

function textOf(inlines: readonly Inline[]): string {
  return inlines.map((i) => (i.type === 'text' || i.type === 'code' ? i.value : 'children' in i ? textOf(i.children) : '')).join('');
}

/** One piece of the joined text: a text node that may change, or a stand-in of the same length for what may not. */
interface Piece {
  node?: { value: string };
  text: string;
}

function pieces(inlines: readonly Inline[], out: Piece[], frozen = false): void {
  for (const inline of inlines) {
    switch (inline.type) {
      case 'text':
        out.push(frozen ? { text: 'x'.repeat(inline.value.length) } : { node: inline, text: inline.value });
        break;
      case 'code':
        // A word to the quotes around it (`x`'s → ’s), whatever it holds.
        out.push({ text: 'x'.repeat(inline.value.length) });
        break;
      case 'break':
        out.push({ text: '\n' });
        break;
      case 'link':
        pieces(inline.children, out, frozen || isAddress(inline));
        break;
      case 'strong':
      case 'emphasis':
      case 'strikethrough':
        pieces(inline.children, out, frozen);
        break;
    }
  }
}

/**
 * Running text (a paragraph's, a heading's, a cell's), changed in place: quotes decided over all of it, dashes and
 * ellipses within each text node. The inlines' shape is kept.
 */
export function smartInlines(inlines: Inline[]): Inline[] {
  const parts: Piece[] = [];
  pieces(inlines, parts);
  const joined = parts.map((p) => p.text).join('');
  const editable = new Uint8Array(joined.length);
  let offset = 0;
  for (const part of parts) {
    if (part.node) editable.fill(1, offset, offset + part.text.length);
    offset += part.text.length;
  }
  const curled = curlQuotes(joined, (i) => editable[i] === 1);
  offset = 0;
  for (const part of parts) {
    if (part.node) part.node.value = dashesAndEllipses(curled.slice(offset, offset + part.text.length));
    offset += part.text.length;
  }
  return inlines;
}

/** Blocks, changed in place: every run of text in them, image descriptions too; code blocks stay as written. */
export function smartBlocks(blocks: Block[]): Block[] {
  for (const block of blocks) {
    switch (block.type) {
      case 'paragraph':
      case 'heading':
        smartInlines(block.children);
        break;
      case 'list':
        for (const item of block.items) smartBlocks(item.children);
        break;
      case 'blockquote':
        smartBlocks(block.children);
        break;
      case 'table':
        for (const cell of [...block.header, ...block.rows.flat()]) smartInlines(cell.children);
        break;
      case 'image':
        block.alt = smartText(block.alt);
        if (block.title !== undefined) block.title = smartText(block.title);
        break;
      case 'code':
      case 'thematicBreak':
        break;
    }
  }
  return blocks;
}

export function smartParticipant(participant: Participant): Participant {
  return participant.role === undefined ? { name: smartText(participant.name) } : { name: smartText(participant.name), role: smartText(participant.role) };
}

/**
 * The front-matter fields a reader sees, as text, but the title (which may come from a `#` heading, whose code must
 * stay as written: the parser curls its inlines). Dates, language, template and keywords are not prose.
 */
export function smartMeta(meta: BriefingMeta): BriefingMeta {
  const out: BriefingMeta = { ...meta, participants: meta.participants.map(smartParticipant) };
  for (const field of ['subtitle', 'kind', 'location', 'classification', 'preparedBy', 'distribution', 'source'] as const) {
    const value = meta[field];
    if (value !== undefined) out[field] = smartText(value);
  }
  return out;
}
