/**
 * Bytes to text. Invalid UTF-8 and control characters are cleaned with a warning that names where the first one was,
 * rather than failing: the words around them are still the author's. A file that is not UTF-8 text at all (UTF-16,
 * an image, a Word document) is refused with one error saying what it is.
 */
import type { VFile } from 'vfile';
import { reportError, reportWarning } from './diagnostics.js';
import { notTextReason } from './file-kind.js';

/**
 * A one-page briefing is a few kilobytes and a long multi-page one a few tens. Past this it is not a briefing, and
 * the Markdown parser would need many seconds for it (a 1 MB list takes over ten), stalling a whole batch.
 */
export const MAX_SOURCE_BYTES = 256 * 1024;

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`;
}

function pointAt(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: index - lineStart + 1 };
}

/** Returns the cleaned text, or null when the file cannot be a briefing (not text, too large, empty). */
export function decodeSource(input: string | Uint8Array, file: VFile): string | null {
  let strict: string | undefined = typeof input === 'string' ? input : undefined;
  if (typeof input !== 'string') {
    try {
      strict = new TextDecoder('utf-8', { fatal: true }).decode(input);
    } catch {
      strict = undefined;
    }
    // Before the size: a 3 MB photo passed as a source is a photo, not a source that is too long.
    const notText = notTextReason(input, strict !== undefined);
    if (notText) {
      reportError(file, notText, { line: 1, column: 1 }, 'not-text');
      return null;
    }
  }
  const size = typeof input === 'string' ? Buffer.byteLength(input) : input.byteLength;
  if (size > MAX_SOURCE_BYTES) {
    reportError(
      file,
      `source is ${formatSize(size)}; a briefing source may be at most ${formatSize(MAX_SOURCE_BYTES)}`,
      { line: 1, column: 1 },
      'source-too-large',
    );
    return null;
  }
  let text: string;
  if (strict !== undefined) {
    text = strict;
  } else {
    text = new TextDecoder('utf-8').decode(input as Uint8Array);
    const first = text.indexOf('\uFFFD');
    reportWarning(
      file,
      'source is not valid UTF-8: invalid bytes were replaced with U+FFFD (save the file as UTF-8)',
      pointAt(text, Math.max(0, first)),
      'invalid-utf8',
    );
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // Tab, line feed and carriage return are text; every other C0 control and DEL is not, and NUL breaks tools downstream.
  const controls = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
  const firstControl = text.search(controls);
  if (firstControl !== -1) {
    const count = text.match(controls)?.length ?? 0;
    reportWarning(
      file,
      `removed ${count} control character${count === 1 ? '' : 's'} (U+${text.charCodeAt(firstControl).toString(16).toUpperCase().padStart(4, '0')} first)`,
      pointAt(text, firstControl),
      'control-character',
    );
    text = text.replace(controls, '');
  }
  text = capIndentation(text, file);
  // "é" typed as e + U+0301 and as one character must look, measure and search the same; composed is what fonts cover.
  text = text.normalize('NFC');
  if (text.trim() === '') {
    reportError(file, 'source is empty: a briefing needs at least a title and some text', { line: 1, column: 1 }, 'empty-source');
    return null;
  }
  return text;
}

/**
 * Indentation past this many columns only ever means lists nested deeper than any page can show, and the Markdown
 * parser slows down sharply with each level (a list nested 400 deep takes seconds). Deeper lines are pulled back to
 * it; their words stay, and the model flattens deep nesting anyway.
 */
export const MAX_INDENT = 40;

function capIndentation(text: string, file: VFile): string {
  const deep = new RegExp(`^[ \\t]{${MAX_INDENT + 1},}`, 'gm');
  const first = text.search(deep);
  if (first === -1) return text;
  reportWarning(
    file,
    `lines indented more than ${MAX_INDENT} columns (lists nested this deep) are pulled back to ${MAX_INDENT}`,
    pointAt(text, first),
    'deep-indentation',
  );
  return text.replace(deep, (indent) => indent.replace(/\t/g, '    ').slice(0, MAX_INDENT));
}
