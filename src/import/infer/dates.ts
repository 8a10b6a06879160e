/**
 * Dates as readouts write them: "January 7, 2025", "Jan. 7, 2025", "7 January 2025", "March 4–7, 2025" (the first
 * day), "2025-01-07". Only a full date with a year is a date: "on Tuesday" or "in March" say too little.
 */

const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sept: 9, sep: 9, october: 10, oct: 10, november: 11, nov: 11,
  december: 12, dec: 12,
};

export const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?(?:\\s*[–-]\\s*\\d{1,2})?';

const PATTERNS: readonly { pattern: RegExp; parts: (m: RegExpExecArray) => [string, string, string] }[] = [
  { pattern: new RegExp(`\\b(${MONTH})\\s+${DAY},?\\s+(\\d{4})\\b`, 'g'), parts: (m) => [m[3]!, m[1]!, m[2]!] },
  { pattern: new RegExp(`\\b${DAY}\\s+(${MONTH}),?\\s+(\\d{4})\\b`, 'g'), parts: (m) => [m[3]!, m[2]!, m[1]!] },
  { pattern: /\b(\d{4})-(\d{2})-(\d{2})\b/g, parts: (m) => [m[1]!, m[2]!, m[3]!] },
];

export interface FoundDate {
  iso: string;
  index: number;
  /** The words it was read from. */
  text: string;
}

/** YYYY-MM-DD when the parts make a real calendar date, else null. */
function isoDate(year: string, month: string, day: string): string | null {
  const m = /^\d+$/.test(month) ? Number(month) : MONTHS[month.replace(/\.$/, '').toLowerCase()];
  if (!m) return null;
  const iso = `${year}-${String(m).padStart(2, '0')}-${day.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : null;
}

/** The first full date in `text`, or null. */
export function findDate(text: string): FoundDate | null {
  let best: FoundDate | null = null;
  for (const { pattern, parts } of PATTERNS) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      if (best && m.index >= best.index) break;
      const iso = isoDate(...parts(m));
      if (iso) {
        best = { iso, index: m.index, text: m[0] };
        break;
      }
    }
  }
  return best;
}

/** What may stand beside the date on a date line: a weekday, a full stop. */
const DATE_LINE_REST = /^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?)?\s*\.?$/;

/** A line that is nothing but a date ("January 7, 2025", "Tuesday, 7 January 2025"): a web page's date line. */
export function dateLine(text: string): FoundDate | null {
  const line = text.trim();
  const date = findDate(line);
  if (!date) return null;
  const rest = line.slice(0, date.index) + line.slice(date.index + date.text.length);
  return DATE_LINE_REST.test(rest.trim()) ? date : null;
}
