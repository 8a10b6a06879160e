/**
 * Hard line wraps. A text wrapped at 72 columns (an email, a `fmt`ed file) breaks a line wherever the next word
 * would not fit; the end of a paragraph is a line the next word would have fitted on. That is the whole test, with
 * the width read from the text itself: the length that 95% of its lines stay within. A text whose lines are far longer
 * than any wrap (one paragraph per line, as pasted from a web page) is not wrapped, and every line ends a paragraph.
 */

/** Widths a mail client or editor wraps at lie well below this; a longer "width" means the lines were not wrapped. */
const MAX_WRAP_WIDTH = 100;
/** Shorter than this, a text of short lines (a list, an address) would look wrapped. */
const MIN_WRAP_WIDTH = 40;

export const LIST_ITEM = /^(?:([-•*·▪◦‣])|(\d{1,3})[.)])\s+(?=\S)/u;

function firstWord(line: string): string {
  return line.trim().split(/\s+/)[0] ?? '';
}

/** The wrap width of `lines` (blank lines are ignored), or null when they are not hard-wrapped. */
export function wrapWidth(lines: readonly string[]): number | null {
  const lengths = lines.filter((l) => l.trim() !== '').map((l) => l.trimEnd().length).sort((a, b) => a - b);
  if (lengths.length < 3) return null;
  const width = lengths[Math.min(lengths.length - 1, Math.ceil(lengths.length * 0.95) - 1)]!;
  if (width > MAX_WRAP_WIDTH || width < MIN_WRAP_WIDTH) return null;
  let candidates = 0;
  let full = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i]!;
    const next = lines[i + 1]!;
    if (line.trim() === '' || next.trim() === '' || LIST_ITEM.test(next.trim())) continue;
    candidates++;
    if (continues(line, next, width)) full++;
  }
  return candidates >= 2 && full * 2 >= candidates ? width : null;
}

/** Whether `line` was broken by the wrap (the next line's first word did not fit on it), so `next` continues it. */
export function continues(line: string, next: string, width: number): boolean {
  return line.trimEnd().length + 1 + firstWord(next).length > width;
}
