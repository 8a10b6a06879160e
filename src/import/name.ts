/** The new source's file name: the date and the title, as `2025-01-07-blinken-ishiba-meeting.md`. */
import { basename, extname } from 'node:path';

const MAX_SLUG = 60;

/** Lower-case ASCII words joined by hyphens; letters with accents lose them, other scripts are dropped. */
export function slug(text: string): string {
  const words = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’']/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let out = '';
  for (const word of words) {
    const next = out ? `${out}-${word}` : word;
    if (next.length > MAX_SLUG) break;
    out = next;
  }
  return out;
}

/** `date-title`; without a usable title, the input file's own name; `imported` for text from standard input. */
export function sourceName(date: string | undefined, title: string | undefined, input: string | null): string {
  const fromInput = input ? slug(basename(input, extname(input))) : '';
  const named = slug(title ?? '') || fromInput || 'imported';
  return date ? `${date}-${named}` : named;
}
