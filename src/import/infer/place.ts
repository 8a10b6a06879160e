/**
 * Where: a dateline ("TOKYO —", "WASHINGTON, D.C., March 3, 2025 –"), or the place people met in ("met in Tokyo",
 * "met today with … in Beijing"). A place is a run of capitalised words, with one ", Country" after it.
 */
import { MONTH } from './dates.js';

const WORD = "[\\p{Lu}][\\p{L}’'.-]*";
const PLACE = `((?:The\\s+)?${WORD}(?:\\s+${WORD}){0,3}(?:,\\s+${WORD}(?:\\s+${WORD}){0,2})?)`;
/** Words a place never ends in: "in Tokyo January 7", "in Tokyo On Tuesday". */
const NOT_PLACE = new RegExp(`^(?:${MONTH}|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|On|To|For|With|And)$`, 'u');

const MET_IN = new RegExp(`\\b(?:met|meet|meets|meeting|talks|held)\\b[^;!?]{0,150}?\\bin\\s+${PLACE}`, 'gu');

const CITY = "[\\p{Lu}][\\p{Lu}.’'-]+(?:\\s+[\\p{Lu}][\\p{Lu}.’'-]+)*";
const REGION = `(?!${MONTH}\\s)${WORD}(?:\\s+${WORD})*`;
const DATELINE = new RegExp(`^(${CITY})(?:,\\s+(${REGION}))?(?:,?\\s+${MONTH}\\s+\\d{1,2}(?:,\\s+\\d{4})?)?\\s*(?:\\([^)]{1,40}\\))?\\s*[—–-]{1,2}\\s`, 'u');

export interface FoundPlace {
  place: string;
  index: number;
  text: string;
}

function tidyPlace(raw: string): string {
  const parts = raw.split(',').map((part) => {
    const words: string[] = [];
    for (const word of part.trim().split(/\s+/)) {
      if (NOT_PLACE.test(word)) break;
      words.push(word);
    }
    return words.join(' ').replace(/[’']s$/u, '').replace(/\.$/, (dot) => (/\p{Lu}\.\p{Lu}\.$/u.test(part.trim()) ? dot : ''));
  });
  return parts.filter(Boolean).join(', ');
}

/** "WASHINGTON" → "Washington", "NEW YORK" → "New York"; "D.C." and other abbreviations stay as they are. */
function titleCase(text: string): string {
  return text.replace(/[\p{Lu}’'-]+/gu, (word) => (word.length <= 2 ? word : word[0] + word.slice(1).toLowerCase()));
}

/** A dateline at the start of a paragraph: its city (and region), or null. */
export function findDateline(text: string): FoundPlace | null {
  const m = DATELINE.exec(text);
  if (!m) return null;
  const city = m[1]!;
  // A dateline's city is in capitals and is a word, not an acronym standing at the start of a sentence.
  if (!/\p{Lu}{3}/u.test(city) || /\./.test(city.replace(/\.$/, ''))) return null;
  const region = m[2] ? (/^[\p{Lu}\s]+$/u.test(m[2]) ? titleCase(m[2]) : m[2]) : undefined;
  return { place: [titleCase(city), region].filter(Boolean).join(', '), index: 0, text: m[0].trim() };
}

/** The place people met in, from the first sentence that says so, or null. */
export function findMeetingPlace(text: string): FoundPlace | null {
  for (const m of text.matchAll(MET_IN)) {
    const place = tidyPlace(m[1]!);
    if (place) return { place, index: m.index + m[0].length - m[1]!.length, text: `in ${m[1]}` };
  }
  return null;
}
