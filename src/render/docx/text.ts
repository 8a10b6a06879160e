/**
 * Model text → Word runs. docx strips most control characters itself but writes tab and newline literally into
 * `w:t`, where Word shows neither, so tabs become `w:tab` and newlines `w:br`. No run is made for empty text.
 *
 * Text the theme's face lacks is cut into runs by the same fallback chain as the PDF (src/layout/runs.ts), and each
 * such run names the Word font for its script in the slot Word reads for it: East Asian runs `w:eastAsia` with
 * `w:hint="eastAsia"`, Arabic and Hebrew `w:cs` with `w:rtl`, emoji `w:ascii`/`w:hAnsi`. So Word and LibreOffice
 * pick a face that has the glyph instead of drawing boxes.
 */
import { Tab, TextRun, type IRunOptions } from 'docx';
import type { FallbackFace } from '../../layout/fonts.js';
import { fallbackFor, isNeutral, isStrongRtl, splitByCoverage } from '../../layout/runs.js';
import type { FontFamily } from '../../theme/theme.js';

/** C0 controls other than tab and newline, DEL, and lone carriage returns (CRLF is folded into LF first). */
const CONTROL = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/g;

export type RunFormat = Omit<IRunOptions, 'children' | 'text' | 'break'>;

interface ScriptRun {
  text: string;
  fallback: FallbackFace | undefined;
  rtl: boolean;
}

/**
 * The fallback a run must name, or undefined when the styles already name it: every style's East Asian font is the
 * Japanese fallback's (styles.ts `wordFont`), so kanji and kana need no direct formatting and stay in the text's run.
 */
function named(face: FallbackFace | undefined): FallbackFace | undefined {
  return face && face.id !== 'jp' ? face : undefined;
}

/**
 * Script runs of `text`. With the theme family the split is the PDF's exactly; without one (page furniture that
 * does not know its face) only characters inside a fallback's script ranges leave the text face.
 */
function scriptRuns(text: string, primary: FontFamily | undefined): ScriptRun[] {
  const runs: ScriptRun[] = [];
  if (primary) {
    for (const r of splitByCoverage(text, primary, 'regular')) {
      const fallback = named(r.face.fallback);
      const last = runs[runs.length - 1];
      if (last && last.fallback === fallback && last.rtl === r.rtl) last.text += r.text;
      else runs.push({ text: r.text, fallback, rtl: r.rtl });
    }
    return runs;
  }
  let current: ScriptRun | null = null;
  for (const char of text) {
    const codePoint = char.codePointAt(0)!; // never empty
    if (current && isNeutral(codePoint)) {
      current.text += char;
      continue;
    }
    const fallback = named(fallbackFor(codePoint, true) ?? undefined);
    const rtl = isStrongRtl(codePoint);
    if (!current || current.fallback !== fallback || current.rtl !== rtl) {
      current = { text: '', fallback, rtl };
      runs.push(current);
    }
    current.text += char;
  }
  return runs;
}

/**
 * Spaces after right-to-left text leave its run: inside a w:rtl run Word would put them on the word's left, where the
 * PDF has none. They join the plain text that follows.
 */
function peelRtlSpaces(runs: ScriptRun[]): ScriptRun[] {
  const out: ScriptRun[] = [];
  for (const run of runs) {
    const last = out[out.length - 1];
    if (last && !last.rtl && !last.fallback && !run.rtl && !run.fallback) {
      last.text += run.text;
      continue;
    }
    const body = run.rtl ? run.text.replace(/\s+$/u, '') : run.text;
    if (body) out.push({ ...run, text: body });
    if (body.length < run.text.length) out.push({ text: run.text.slice(body.length), fallback: undefined, rtl: false });
  }
  return out;
}

/** The run properties that make Word pick the fallback's font for this run. */
function scriptFormat(run: ScriptRun): RunFormat {
  const out: { font?: IRunOptions['font']; rightToLeft?: boolean } = {};
  const face = run.fallback;
  if (face) {
    const name = face.word.font;
    if (face.word.slot === 'eastAsia') out.font = { eastAsia: name, hint: 'eastAsia' };
    else if (face.word.slot === 'cs') out.font = { cs: name, hint: 'cs' };
    else out.font = { ascii: name, hAnsi: name };
  }
  if (run.rtl) out.rightToLeft = true;
  return out;
}

/** Runs for `value` in `format`; `primary` is the theme family the text is set in, when the caller knows it. */
export function textRuns(value: string, format: RunFormat = {}, primary?: FontFamily): TextRun[] {
  const clean = value.replace(/\r\n?/g, '\n').replace(CONTROL, '');
  const runs: TextRun[] = [];
  clean.split('\n').forEach((line, index) => {
    const lineBreak = index > 0 ? { break: 1 } : {};
    const pieces = line === '' ? [] : peelRtlSpaces(scriptRuns(line, primary));
    if (pieces.length <= 1 && !(pieces[0]?.fallback || pieces[0]?.rtl)) {
      const children = tabbed(line);
      if (children.length > 0 || index > 0) runs.push(new TextRun({ ...format, ...lineBreak, children }));
      return;
    }
    pieces.forEach((piece, i) => {
      runs.push(new TextRun({ ...format, ...scriptFormat(piece), ...(i === 0 ? lineBreak : {}), children: tabbed(piece.text) }));
    });
  });
  return runs;
}

function tabbed(text: string): (string | Tab)[] {
  const children: (string | Tab)[] = [];
  text.split('\t').forEach((piece, i) => {
    if (i > 0) children.push(new Tab());
    if (piece) children.push(piece);
  });
  return children;
}
