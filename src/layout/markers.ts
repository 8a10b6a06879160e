/**
 * List markers: what marks an item at each depth, decided once for all three formats. The PDF draws the text these
 * functions give; the DOCX writes the same scheme as Word numbering levels (numFmt, lvlText) and the HTML as
 * @counter-style rules, so "1. / a. / i." and "• / – / ◦" read the same in every format at every depth.
 */

/** How a number is written: 1 2 3, a b c (then aa bb cc, as Word counts past z), i ii iii. */
export type NumberFormat = 'decimal' | 'lower-letter' | 'lower-roman';

export interface ListMarkers {
  /** Bullet characters by depth (0 = outermost list), repeating past the last. */
  bullets: readonly string[];
  /** Number formats by depth, repeating past the last; each number is followed by `numberSuffix`. */
  numbers: readonly NumberFormat[];
  numberSuffix: string;
  /**
   * A task item's box, in place of its bullet or number: one character, in the list's marker colour. The PDF's text
   * layer, Word's checkbox content control and the HTML carry it as the character it is (☑ done, ☐ to do).
   */
  task: { checked: string; open: string };
  bulletColour: string;
  numberColour: string;
}

/**
 * The deepest list level the formats can tell apart: Word has nine numbering levels (0–8), so a list nested deeper
 * keeps the ninth level's marker in every format.
 */
export const DEEPEST_LIST_LEVEL = 8;

/** The depth whose marker a list at `depth` shows (0-based, capped at Word's last level). */
export function markerLevel(depth: number): number {
  return Math.min(Math.max(0, depth), DEEPEST_LIST_LEVEL);
}

export function bulletAt(markers: ListMarkers, depth: number): string {
  const level = markerLevel(depth);
  return markers.bullets[level % markers.bullets.length]!;
}

export function numberFormatAt(markers: ListMarkers, depth: number): NumberFormat {
  const level = markerLevel(depth);
  return markers.numbers[level % markers.numbers.length]!;
}

const ROMAN: readonly [number, string][] = [
  [1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'],
  [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i'],
];

/**
 * `n` in `format`. Letters repeat past z (27 = aa, 28 = bb), as Word's lowerLetter and CSS's symbolic system count;
 * numbers a format cannot write (0 and below for letters and numerals, 4000 and above for numerals) fall back to
 * decimal, as CSS counter styles do.
 */
export function numberText(format: NumberFormat, n: number): string {
  if (format === 'lower-letter' && n >= 1) return String.fromCharCode(97 + ((n - 1) % 26)).repeat(Math.ceil(n / 26));
  if (format === 'lower-roman' && n >= 1 && n < 4000) {
    let rest = n;
    let out = '';
    for (const [value, numeral] of ROMAN) {
      while (rest >= value) {
        out += numeral;
        rest -= value;
      }
    }
    return out;
  }
  return String(n);
}

/** The box of a task item, done or to do. */
export function taskBox(markers: ListMarkers, checked: boolean): string {
  return checked ? markers.task.checked : markers.task.open;
}

/** The marker of item number `n` of a list at `depth`: "a.", "iii.", "–". */
export function markerText(markers: ListMarkers, ordered: boolean, depth: number, n: number): string {
  return ordered ? `${numberText(numberFormatAt(markers, depth), n)}${markers.numberSuffix}` : bulletAt(markers, depth);
}
