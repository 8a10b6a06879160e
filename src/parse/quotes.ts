/**
 * Attributed quotations in running text: “…,” Blinken said. / “…,” said Blinken. Both curly and straight quotes.
 * A quote that carries on after the attribution (“…,” Blinken said. “…”) is joined into one.
 */
import type { Block, Participant, Quote, SourcePoint } from '../model/briefing.js';
import { plainText } from '../model/text.js';

const VERBS =
  'said|says|stated|states|emphasized|emphasised|noted|notes|added|adds|concluded|remarked|declared|stressed|underscored|underlined|explained|observed|asserted|affirmed|reaffirmed|told|warned|insisted|argued|announced';
// Capitalised words and initials ("Antony J. Blinken"); a full stop ends the name unless it follows an initial.
const NAME = "[A-Z][\\p{L}'’-]*(?:\\s+(?:[A-Z]\\.|[A-Z][\\p{L}'’-]*)){0,3}";
const OPEN = '[“"]';
const CLOSE = '[”"]';
const BODY = '([^“”"]{8,}?)';

const speakerFirst = new RegExp(`${OPEN}${BODY}${CLOSE}\\s*,?\\s+(?:the\\s+)?(${NAME})\\s+(?:${VERBS})\\b`, 'gu');
const verbFirst = new RegExp(`${OPEN}${BODY}${CLOSE}\\s*,?\\s+(?:${VERBS})\\s+(?:the\\s+)?(${NAME})`, 'gu');
const continuation = new RegExp(`^[^“”"]{0,80}?[.,]\\s*${OPEN}([^“”"]{8,}?)${CLOSE}`, 'u');

/** “… the stage,” → “… the stage.”: the comma belonged to the sentence around the quote. */
function tidy(quote: string): string {
  const trimmed = quote.trim();
  return trimmed.replace(/,$/, '.');
}

/** "Blinken" → "Antony J. Blinken" when a participant's name contains it. */
export function resolveSpeaker(speaker: string, participants: readonly Participant[]): string {
  const words = speaker.split(/\s+/);
  const match = participants.find((p) => words.every((w) => p.name.split(/[\s()]+/).includes(w)));
  return match ? match.name : speaker;
}

export function findQuotesInText(text: string): { text: string; speaker: string; index: number }[] {
  const found: { text: string; speaker: string; index: number; end: number }[] = [];
  for (const pattern of [speakerFirst, verbFirst]) {
    pattern.lastIndex = 0;
    for (const match of text.matchAll(pattern)) {
      const index = match.index ?? 0;
      if (found.some((f) => f.index === index)) continue;
      const end = index + match[0].length;
      let quote = tidy(match[1] ?? '');
      const more = continuation.exec(text.slice(end));
      if (more?.[1]) quote = `${quote} ${more[1].trim()}`;
      found.push({ text: quote, speaker: (match[2] ?? '').trim(), index, end });
    }
  }
  return found.sort((a, b) => a.index - b.index).map(({ text: t, speaker, index }) => ({ text: t, speaker, index }));
}

function paragraphsOf(blocks: readonly Block[]): { text: string; position?: SourcePoint }[] {
  const out: { text: string; position?: SourcePoint }[] = [];
  for (const block of blocks) {
    if (block.type === 'paragraph') out.push({ text: plainText(block.children), ...(block.position ? { position: block.position } : {}) });
    else if (block.type === 'blockquote') out.push(...paragraphsOf(block.children));
    else if (block.type === 'list') for (const item of block.items) out.push(...paragraphsOf(item.children));
  }
  return out;
}

export function extractQuotes(
  parts: readonly { sectionId: string | null; blocks: readonly Block[] }[],
  participants: readonly Participant[],
): Quote[] {
  const quotes: Quote[] = [];
  for (const part of parts) {
    for (const paragraph of paragraphsOf(part.blocks)) {
      for (const q of findQuotesInText(paragraph.text)) {
        const position = paragraph.position ? { position: paragraph.position } : {};
        quotes.push({ text: q.text, speaker: resolveSpeaker(q.speaker, participants), sectionId: part.sectionId, ...position });
      }
    }
  }
  return quotes;
}

const reads = (q: Quote): boolean => q.text.length >= 60 && q.text.length <= 220;

/**
 * The quotes fit to be the pull quote, best first: those of a length that reads well set large (60–220 characters),
 * in order, then the rest of 320 characters or less, shortest first. A quote of the summary is never one: the summary
 * box stands right above the pull quote.
 */
export function pullQuoteCandidates(quotes: readonly Quote[]): number[] {
  const body = quotes.map((q, i) => ({ q, i })).filter(({ q }) => q.sectionId !== null);
  const good = body.filter(({ q }) => reads(q)).map(({ i }) => i);
  const rest = body
    .filter(({ q }) => !reads(q) && q.text.length <= 320)
    .sort((a, b) => a.q.text.length - b.q.text.length || a.i - b.i)
    .map(({ i }) => i);
  return [...good, ...rest];
}

/** Text compared as a writer copies it: quote marks, dashes, spacing and case do not matter, nor a closing full stop. */
function comparable(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[“”"‘’']/g, '')
    .replace(/[\u2010-\u2015-]/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/[.,;:!?…\s]+$/, '')
    .trim();
}

/** The quote the writer named with `pull_quote: "…"`: its index, or -1 when no quote of the body reads so. */
export function findPullQuote(text: string, quotes: readonly Quote[]): number {
  const wanted = comparable(text);
  const exact = quotes.findIndex((q) => comparable(q.text) === wanted);
  if (exact !== -1 || wanted.length < 20) return exact;
  // A writer may paste a part of a long quote.
  return quotes.findIndex((q) => comparable(q.text).includes(wanted));
}
