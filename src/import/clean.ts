/**
 * Characters pasting brings that a briefing source should not keep: no-break and other fixed spaces (which also
 * crash the Carlito face's metrics), soft hyphens, zero-width characters, control characters, and the double space
 * typed after a full stop. "Smart" quotes, dashes and ellipses are the author's punctuation and stay as they are.
 *
 * Zero-width joiner and non-joiner (U+200D, U+200C) are kept: they hold emoji sequences together and shape Persian
 * and Indic words. Every kind of change is reported once, with how many and where the first was.
 */
import type { Note, Origin } from './types.js';

interface Rule {
  pattern: RegExp;
  replace: string;
  /** What it did, for "cleaned: replaced 3 no-break spaces with spaces". */
  describe: (count: number) => string;
}

const plural = (count: number, one: string, many = `${one}s`): string => `${count} ${count === 1 ? one : many}`;

const RULES: readonly Rule[] = [
  { pattern: /[\u00A0\u2007\u202F]/g, replace: ' ', describe: (n) => `replaced ${plural(n, 'no-break space')} with spaces` },
  { pattern: /\u00AD/g, replace: '', describe: (n) => `removed ${plural(n, 'soft hyphen')}` },
  { pattern: /[\u200B\u2060\uFEFF\u180E]/g, replace: '', describe: (n) => `removed ${plural(n, 'zero-width character')}` },
  { pattern: /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, replace: '', describe: (n) => `removed ${plural(n, 'control character')}` },
  {
    pattern: /(?<=[.!?…]["”’)\]]*) {2,}(?=\S)/g,
    replace: ' ',
    describe: (n) => `made ${plural(n, 'double space')} after a full stop single`,
  },
];

/**
 * Cleans text, one piece or many (the text nodes of a page), and counts what each rule changed over all of them.
 * `originAt(index)` says where a character of a piece was (a line and column of a text file; null where there are no
 * lines); each note names the first place its rule changed.
 */
export class Cleaner {
  private readonly changes = new Map<Rule, { count: number; origin: Origin | null }>();

  clean(text: string, originAt: (index: number) => Origin | null = () => null): string {
    let out = text;
    for (const rule of RULES) {
      let count = 0;
      let first = -1;
      for (const match of out.matchAll(rule.pattern)) {
        if (first === -1) first = match.index;
        count++;
      }
      if (count === 0) continue;
      const seen = this.changes.get(rule);
      // The index is in the text as earlier rules left it: that can shift a column, never a line (no rule removes a
      // line break).
      this.changes.set(rule, { count: (seen?.count ?? 0) + count, origin: seen ? seen.origin : originAt(first) });
      out = out.replace(rule.pattern, rule.replace);
    }
    return out;
  }

  notes(): Note[] {
    return RULES.flatMap((rule) => {
      const change = this.changes.get(rule);
      return change ? [{ kind: 'cleaned' as const, origin: change.origin, message: rule.describe(change.count) }] : [];
    });
  }
}

/** The line and column of `index` in `text`, 1-based. */
export function pointIn(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: index - start + 1 };
}
