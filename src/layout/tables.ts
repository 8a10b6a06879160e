/**
 * A table's geometry, decided once: the width of each column, and whether the table is set in its text column or
 * across the page. The typesetter draws these widths in the PDF, the DOCX writes them as its grid and cell widths,
 * the HTML as its colgroup; none of them sizes a column of its own.
 *
 * Each column's alignment is decided here too: the source's, else right for a column of numbers, so that units line
 * up under units as typesetters set figures; the emitters write it as they write the widths.
 *
 * Columns are sized from their content as browsers and word processors size an automatic table: each gets at least
 * its longest word, and the room left is shared by what each needs to set its text unbroken. A table whose longest
 * words alone do not fit a body column is set across the page instead, so no word is broken inside unless it alone
 * is wider than the page.
 */
import type { TableBlock, TableCell } from '../model/briefing.js';
import { plainText } from '../model/text.js';
import type { TypesetEnv } from './frame.js';
import type { TableGeometry } from './layout.js';
import { spansOf, widthOf, type Span, type SpanStyle } from './text.js';

/** Where the typesetter breaks lines (./text.ts): words are what lies between. */
const SPACES = /[ \t\r\n]+/;
/** Ideographs, kana and Hangul: a line may break between any two, so each is a word of its own. */
const CJK = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef\u{20000}-\u{3ffff}]/u;

/**
 * Room each column gets beyond its longest word: Word, LibreOffice and Chromium measure a word a hair wider or
 * narrower than fontkit does (hinting, kerning across a style change, half a grid rule in the cell), and a column
 * that fits its longest word only just would see it broken there in one of them.
 */
const WORD_ALLOWANCE = { scale: 1.03, points: 1 };

export function tableStyles(env: TypesetEnv): { cell: SpanStyle; head: SpanStyle } {
  const cell: SpanStyle = { ...env.style, size: env.layout.geometry.table.size };
  return { cell, head: { ...cell, bold: true } };
}

/** The widest word of some text, each word measured in the styles it is set in (a word may change style inside). */
export function longestWord(spans: readonly Span[]): number {
  let widest = 0;
  let word: Span[] = [];
  const end = (): void => {
    if (word.length > 0) widest = Math.max(widest, widthOf(word));
    word = [];
  };
  for (const span of spans) {
    for (const [i, part] of span.text.split(SPACES).entries()) {
      if (i > 0) end();
      for (const char of part) {
        if (CJK.test(char)) {
          end();
          word.push({ text: char, style: span.style });
          end();
        } else {
          const last = word[word.length - 1];
          if (last && last.style === span.style) last.text += char;
          else word.push({ text: char, style: span.style });
        }
      }
    }
  }
  end();
  return widest;
}

/** The table's geometry at this env: recorded by the fit at the chosen size, else decided here (during the fit's trials). */
export function tableGeometry(node: TableBlock, env: TypesetEnv): TableGeometry {
  const recorded = env.layout.blocks.tables.get(node);
  if (recorded) {
    env.blocks.tables.set(node, recorded);
    return recorded;
  }
  const { geometry, columns: bodyColumns } = env.layout;
  const pad = 2 * geometry.table.padX + geometry.table.rule;
  const styles = tableStyles(env);
  const all = [node.header, ...node.rows];
  const column = (c: number, measure: (spans: Span[]) => number): number =>
    Math.max(0, ...all.map((cells, r) => measure(spansOf(cellOf(cells, c).children, r === 0 ? styles.head : styles.cell, env.inline))));
  const least = node.align.map((_, c) => {
    const word = column(c, longestWord);
    return (word > 0 ? word * WORD_ALLOWANCE.scale + WORD_ALLOWANCE.points : 0) + pad;
  });
  const natural = node.align.map((_, c) => Math.max(least[c]!, column(c, widthOf) * WORD_ALLOWANCE.scale + pad));
  // Only a table of the body column itself may leave it; one inside a list or quote is narrower than the column.
  const inColumn = env.bodyColumn === true && env.x === 0 && env.width === geometry.columnWidth && bodyColumns > 1;
  const span = inColumn && sum(least) > env.width;
  const width = span ? geometry.contentWidth : env.width;
  const geometryOfTable: TableGeometry = { columns: columnWidths(natural, least, width), width, span, align: columnAligns(node) };
  env.blocks.tables.set(node, geometryOfTable);
  return geometryOfTable;
}

/**
 * A figure as tables print them: a sign, a currency symbol, digits with group separators and a decimal part, a
 * percent or per-mille sign ("1,204", "−2.5%", "$31.0", "(14)"). Dates ("2025-03") and ranges ("3–4") are not.
 */
const FIGURE = /^[([]?[+\-\u2212]?[$€£¥]?\s?\d{1,3}(?:(?:[,\u00a0\u202f ]\d{3})+|\d*)(?:[.,]\d+)?\s?[%‰]?[)\]]?$/u;
/** What a cell with no figure may say in a column of figures: nothing, or a dash for "none". */
const NO_FIGURE = /^(?:|[-\u2013\u2014\u2212])$/u;

/**
 * Each column's alignment: the source's when it gives one; else right when every body cell is a figure or says
 * nothing (at least one a figure), as numbers are set so that their units line up; else left.
 */
export function columnAligns(node: TableBlock): ('left' | 'center' | 'right')[] {
  return node.align.map((align, c) => {
    if (align) return align;
    const texts = node.rows.map((cells) => plainText(cellOf(cells, c).children).trim());
    const figures = texts.filter((t) => FIGURE.test(t)).length;
    return figures > 0 && texts.every((t) => FIGURE.test(t) || NO_FIGURE.test(t)) ? 'right' : 'left';
  });
}

function cellOf(cells: readonly TableCell[], c: number): TableCell {
  return cells[c] ?? { children: [] };
}

function sum(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}

/**
 * Column widths the way browsers and word processors size an automatic table: every column gets at least its
 * longest word when the table can afford it, and the room left is shared in proportion to what each column would
 * need beyond that to set its text unbroken.
 */
export function columnWidths(natural: readonly number[], minimum: readonly number[], width: number): number[] {
  const totalNatural = sum(natural);
  const totalMinimum = sum(minimum);
  if (totalNatural <= width || totalMinimum >= width) {
    const basis = totalNatural <= width ? natural : minimum;
    const total = sum(basis);
    if (total === 0) return natural.map(() => width / Math.max(1, natural.length));
    return basis.map((w) => (w / total) * width);
  }
  const share = (width - totalMinimum) / (totalNatural - totalMinimum);
  return natural.map((w, c) => minimum[c]! + (w - minimum[c]!) * share);
}
