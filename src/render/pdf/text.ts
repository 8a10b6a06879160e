/**
 * Drawing one fragment's text, byte for byte as pdfkit 0.20's `text()` draws it with the options ./inlines.ts gives
 * (`_text` → `_line` → `_fragment`, one line, no wrapping), without its costs: pdfkit lays each fragment out three
 * times (twice to measure it, once to encode it), scales every glyph position of every new word for every document,
 * and writes each operator (the fill colour's too) as a separate chunk. Here the shaped words come from ./shaping.ts,
 * already scaled, and the fragment's operators are written in one chunk.
 *
 * What the encoding records for the document is recorded as pdfkit's `EmbeddedFont.encode` does: each glyph joins the
 * subset, with its width (/W) and code points (ToUnicode, the text layer), and the font goes on the page's resources.
 */
import type { Fragment } from '../../layout/display.js';
import { isCombiningMark } from '../../layout/runs.js';
import { internals, pdfNumber, type EmbeddedFont } from './pdfkit-internals.js';
import { shapedRuns, type ShapedGlyph, type ShapedRun } from './shaping.js';
import type { Doc, LinkTarget } from './state.js';

type TextOptions = PDFKit.Mixins.TextOptions;

/** Glyph ids as pdfkit writes them: four hex digits (the last four, for ids past 0xffff, which Identity-H cannot hold). */
const hexIds: string[] = [];
function hexId(id: number): string {
  return (hexIds[id] ??= `0000${id.toString(16)}`.slice(-4));
}

/** The operators `fillColor` writes for each colour given as components (not a spot colour), by colour. */
const fills = new Map<string, string>();

/** Sets the fill colour as pdfkit's `fillColor(colour)` does: returns its operators, or '' when pdfkit wrote them. */
function fill(doc: Doc, colour: string): string {
  const pdf = internals(doc);
  let ops = fills.get(colour);
  if (ops === undefined) {
    const components = pdf._normalizeColor(colour);
    if (!Array.isArray(components)) {
      doc.fillColor(colour);
      return '';
    }
    ops = `/${components.length === 4 ? 'DeviceCMYK' : 'DeviceRGB'} cs\n${components.join(' ')} scn\n`;
    fills.set(colour, ops);
  }
  pdf._fillColor = [colour, undefined];
  return ops;
}

/**
 * Draws `fragment` in its colour with the document's current font and size, the top of the font's ascent at `y`.
 * `link` is the link the fragment is drawn into, if any: its annotation is attached to the link's structure element.
 */
export function drawText(doc: Doc, fragment: Fragment, x: number, y: number, options: TextOptions, link?: LinkTarget): void {
  const { text } = fragment;
  // pdfkit splits text at line breaks and draws the lines one after another; the typesetter never makes such text.
  if (text.includes('\n')) {
    doc.fillColor(fragment.colour).text(text, x, y, options);
    return;
  }
  let out = fill(doc, fragment.colour);
  if (text.length === 0) {
    if (out !== '') doc.addContent(out.slice(0, -1));
    return;
  }
  const pdf = internals(doc);
  const font = pdf._font;
  const size = pdf._fontSize;
  const characterSpacing = options.characterSpacing || 0;
  const runs = shapedRuns(fragment.face, text, options.features as string[] | undefined);

  if (options.link != null || options.underline || options.strike) {
    if (out !== '') doc.addContent(out.slice(0, -1)); // decorations come after the colour
    out = '';
    let advanceWidth = 0;
    for (const run of runs) advanceWidth += run.advanceWidth;
    const spacing = characterSpacing * (text.length - 1);
    // pdfkit's widthOfString, less the spacing, plus the spacing again (its wordSpacing term is 0 here).
    const width = ((advanceWidth * (size / 1000) + spacing) * 100) / 100 - spacing + spacing;
    decorate(doc, fragment, x, y, width, options, link);
  }

  const scale = size / 1000;
  const dy = (font.ascender / 1000) * size;
  const top = pdf.page.height - y - dy;
  if (pdf.page.fonts[font.id] == null) pdf.page.fonts[font.id] = font.ref();
  out += `q\n1 0 0 -1 0 ${pdfNumber(pdf.page.height)} cm\nBT\n1 0 0 1 ${pdfNumber(x)} ${pdfNumber(top)} Tm\n/${font.id} ${pdfNumber(size)} Tf`;
  if (characterSpacing) out += `\n${pdfNumber(characterSpacing)} Tc`;
  out += new TextWriter(font, x, top, scale, hasCombiningMark(text), fragment.rtl === true).write(runs);
  // As bytes: pdfkit would turn the string into bytes one character at a time (adding the line end added here).
  doc.addContent(Buffer.from(`${out}\nET\nQ\n`, 'latin1'));
}

/** A glyph that draws only combining marks (its code points all are). */
function isMark(glyph: ShapedGlyph): boolean {
  return glyph.codePoints.length > 0 && glyph.codePoints.every(isCombiningMark);
}

function hasCombiningMark(text: string): boolean {
  for (const char of text) if (isCombiningMark(char.codePointAt(0)!)) return true;
  return false;
}

function sameCodePoints(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((c, i) => c === b[i]);
}

/** A PDF text string as hex: UTF-16BE with its byte-order mark, so any character survives. */
function utf16Hex(text: string): string {
  let hex = '<FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `${hex}>`;
}

/** Links, underlines and strike-through lines, as pdfkit draws them before the text. */
function decorate(doc: Doc, fragment: Fragment, x: number, y: number, width: number, options: TextOptions, link?: LinkTarget): void {
  if (options.link != null) {
    // pdfkit 0.20 makes the annotation a child of the Link element given as structParent (its _fragment passes the
    // element being drawn into), and writes an empty /Contents unless given one; PDF/UA-1 (7.18.5) wants the link's
    // description there. pdfkit tells a text string from a name by `instanceof String` (and writes UTF-16 when it
    // has to). @types/pdfkit 0.17 knows neither option, hence the cast.
    const annotation = link ? { structParent: link.element, Contents: new String(link.description) } : {};
    doc.link(x, y, width, doc.currentLineHeight(), options.link, annotation as object);
  }
  const rule = (lineY: number, lineWidth: number): void => {
    doc.save().strokeColor(fragment.colour).lineWidth(lineWidth).moveTo(x, lineY).lineTo(x + width, lineY).stroke().restore();
  };
  const size = internals(doc)._fontSize;
  const lineWidth = size < 10 ? 0.5 : Math.floor(size / 10);
  if (options.underline) rule(y + doc.currentLineHeight() - lineWidth, lineWidth);
  if (options.strike) rule(y + doc.currentLineHeight() / 2, lineWidth);
}

/**
 * The TJ (and, around glyphs with offsets, Tm) operators for the runs: pdfkit's `_fragment` loop, glyph by glyph.
 * Glyphs go into one hex string until a glyph whose advance differs from its width (kerning) ends a segment with that
 * adjustment; a glyph with an offset is set on its own with its own text matrix.
 */
class TextWriter {
  private out = '';
  /** Whether a marked-content span is open around the glyph being written (see `clusters`). */
  private spanOpen = false;
  /** Hex ids of the glyphs since the last segment, and the kerning of the last of them. */
  private hex = '';
  private kern = 0;
  private commands: string[] = [];
  private hadOffset = false;

  constructor(
    private readonly font: EmbeddedFont,
    private x: number,
    private readonly y: number,
    private readonly scale: number,
    /**
     * Combining marks are glyphs of their own, placed over their letter, and text extraction may not put them back
     * on it (pdftotext moved the diaeresis of "æ̈" to a line of its own when the line also held CJK). With `clusters`,
     * a letter carries its marks' text as ActualText and each mark carries none, so a reader copies and searches the
     * letter and its marks as one character where the letter is. Inside BT…ET: a reader places ActualText with the
     * text state in force when its span ends.
     */
    private readonly clusters = false,
    /**
     * A glyph's code points in the font's ToUnicode are those it was first drawn with in the document, but one glyph
     * may stand for several letters: Noto Sans Arabic draws ب ت ن ي on one dotless skeleton with their dots as marks,
     * and "نحن" came out of the text layer as "بحن". With `occurrences` (right-to-left text), a glyph standing here
     * for other characters than its map says carries those as ActualText (a dot split off its letter, none).
     */
    private readonly occurrences = false,
  ) {}

  write(runs: readonly ShapedRun[]): string {
    const { font, scale, y } = this;
    for (const run of runs) {
      const { glyphs, metrics } = run;
      for (let i = 0; i < glyphs.length; i++) {
        const glyph = glyphs[i]!; // a run has four metrics per glyph
        const xAdvance = metrics[4 * i]!;
        const glyphWidth = metrics[4 * i + 1]!;
        const xOffset = metrics[4 * i + 2]!;
        const yOffset = metrics[4 * i + 3]!;
        const id = font.subset.includeGlyph(glyph.id);
        font.widths[id] ??= glyphWidth;
        const here = this.occurrences ? run.occurrences?.[i] : undefined;
        const mapped = (font.unicode[id] ??= here ? [...here] : glyph.codePoints);
        if (here && !sameCodePoints(mapped, here)) this.openActualSpan(here);
        else if (this.clusters || glyph.id === 0) this.openSpan(glyphs, i);
        if (xOffset || yOffset) {
          this.flush();
          this.out += `\n1 0 0 1 ${pdfNumber(this.x + xOffset * scale)} ${pdfNumber(y + yOffset * scale)} Tm`;
          this.hex += hexId(id);
          this.kern = xAdvance - glyphWidth;
          this.flush();
          this.hadOffset = true;
        } else {
          if (this.hadOffset) {
            this.out += `\n1 0 0 1 ${pdfNumber(this.x)} ${pdfNumber(y)} Tm`;
            this.hadOffset = false;
          }
          this.hex += hexId(id);
          this.kern = xAdvance - glyphWidth;
          if (this.kern !== 0) this.segment();
        }
        this.closeSpan();
        this.x += xAdvance * scale;
      }
    }
    this.flush();
    return this.out;
  }

  /**
   * Before glyph `i`: a mark opens a span with no text; a letter followed by marks, one with theirs and its own; a
   * .notdef (a character no face has, drawn as a box), one with the character it stands for.
   */
  private openSpan(glyphs: readonly ShapedGlyph[], i: number): void {
    let actual: string;
    if (this.clusters && isMark(glyphs[i]!)) {
      actual = '<FEFF>';
    } else {
      let end = i + 1;
      while (this.clusters && end < glyphs.length && isMark(glyphs[end]!)) end++;
      if (end === i + 1 && glyphs[i]!.id !== 0) return;
      actual = utf16Hex(String.fromCodePoint(...glyphs.slice(i, end).flatMap((g) => g.codePoints)));
    }
    this.flush();
    this.out += `\n/Span <</ActualText ${actual}>> BDC`;
    this.spanOpen = true;
  }

  /** Before a glyph that stands for `codePoints` here, whatever the font's map says of it. */
  private openActualSpan(codePoints: readonly number[]): void {
    this.flush();
    this.out += `\n/Span <</ActualText ${utf16Hex(String.fromCodePoint(...codePoints))}>> BDC`;
    this.spanOpen = true;
  }

  /** After a glyph: ends the span `openSpan` opened for it, if any. */
  private closeSpan(): void {
    if (!this.spanOpen) return;
    this.flush();
    this.out += '\nEMC';
    this.spanOpen = false;
  }

  private segment(): void {
    if (this.hex === '') return;
    this.commands.push(`<${this.hex}> ${pdfNumber(-this.kern)}`);
    this.hex = '';
  }

  private flush(): void {
    this.segment();
    if (this.commands.length > 0) {
      this.out += `\n[${this.commands.join(' ')}] TJ`;
      this.commands = [];
    }
  }
}
