/**
 * What a source is when it is not UTF-8 text: UTF-16 or UTF-32 text (Windows Notepad's "Unicode"), an image, a Word
 * document or other binary data passed where a Markdown file belongs. Read from the bytes, before decoding, so
 * the writer gets one message naming the real cause instead of a page of replacement characters and "missing title".
 */

const SAVE_AS_UTF8 = 'save it as UTF-8 Markdown';
const COPY_TEXT = 'copy its text into a UTF-8 Markdown (.md) file and build that';
const NAME_SOURCE = "build the briefing's UTF-8 Markdown source instead";

function startsWith(bytes: Uint8Array, prefix: readonly number[] | string, at = 0): boolean {
  const codes = typeof prefix === 'string' ? [...prefix].map((c) => c.charCodeAt(0)) : prefix;
  return bytes.length >= at + codes.length && codes.every((code, i) => bytes[at + i] === code);
}

function contains(bytes: Uint8Array, text: string, within: number): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, within)).includes(text, 0, 'latin1');
}

/** Byte-order marks. UTF-32 LE's begins with UTF-16 LE's, so it is checked first. */
function unicodeByMark(bytes: Uint8Array): string | undefined {
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) return 'UTF-32';
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return 'UTF-16';
  return undefined;
}

/**
 * UTF-16 without a mark: Latin letters, digits, spaces and line breaks have a zero byte (the odd one in little-endian,
 * the even one in big-endian) and the other place almost never is zero; and the bytes decode as UTF-16.
 */
function utf16WithoutMark(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096) & ~1);
  if (sample.length < 8) return false;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) zeroEven++;
    if (sample[i + 1] === 0) zeroOdd++;
  }
  const pairs = sample.length / 2;
  const littleEndian = zeroOdd >= pairs / 4 && zeroEven <= zeroOdd / 10;
  const bigEndian = zeroEven >= pairs / 4 && zeroOdd <= zeroEven / 10;
  if (!littleEndian && !bigEndian) return false;
  // Swapped to little-endian, the one UTF-16 decoder every Node build has; `stream` forgives a pair cut at the end.
  const le = littleEndian ? sample : sample.map((_, i) => sample[i ^ 1]!);
  try {
    new TextDecoder('utf-16le', { fatal: true }).decode(le, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** A ZIP: Word (.docx) and OpenDocument (.odt) files are ZIPs; their part names sit near the start. */
function zipKind(bytes: Uint8Array): string {
  if (contains(bytes, 'application/vnd.oasis.opendocument.text', 128)) return `this file is an OpenDocument text (.odt), not Markdown text: ${COPY_TEXT}`;
  if (contains(bytes, 'word/', 64 * 1024)) return `this file is a Word document (.docx), not Markdown text: ${COPY_TEXT}`;
  return `this file is a ZIP archive, not Markdown text: ${NAME_SOURCE}`;
}

/** Signatures at the start of the file, each with what the file is and what to do instead. */
const MAGIC: readonly { test: (bytes: Uint8Array) => boolean; reason: (bytes: Uint8Array) => string }[] = [
  { test: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), reason: () => `this file is a PNG image, not Markdown text: ${NAME_SOURCE}` },
  { test: (b) => startsWith(b, [0xff, 0xd8, 0xff]), reason: () => `this file is a JPEG image, not Markdown text: ${NAME_SOURCE}` },
  { test: (b) => startsWith(b, 'GIF87a') || startsWith(b, 'GIF89a'), reason: () => `this file is a GIF image, not Markdown text: ${NAME_SOURCE}` },
  { test: (b) => startsWith(b, 'RIFF') && startsWith(b, 'WEBP', 8), reason: () => `this file is a WebP image, not Markdown text: ${NAME_SOURCE}` },
  { test: (b) => startsWith(b, '%PDF-'), reason: () => `this file is a PDF, not Markdown text: ${COPY_TEXT}` },
  { test: (b) => startsWith(b, [0x50, 0x4b, 0x03, 0x04]), reason: zipKind },
  {
    test: (b) => startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
    reason: () => `this file is an old-format Office document (.doc), not Markdown text: ${COPY_TEXT}`,
  },
  { test: (b) => startsWith(b, '{\\rtf'), reason: () => `this file is an RTF (rich text) document, not Markdown text: ${COPY_TEXT}` },
];

/**
 * Binary without a known signature. A NUL byte alone is not enough (pasted text carries stray control characters, which
 * decoding removes with a warning); a NUL in a file that is not valid UTF-8 is, and so is a file a third of which is
 * control bytes.
 */
function looksBinary(bytes: Uint8Array, validUtf8: boolean): boolean {
  const sample = bytes.subarray(0, 8192);
  let controls = 0;
  let nul = false;
  for (const byte of sample) {
    if (byte === 0) nul = true;
    if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) || byte === 0x7f) controls++;
  }
  return (nul && !validUtf8) || (sample.length > 0 && controls > sample.length / 3);
}

/** Why these bytes are not a UTF-8 Markdown source, or undefined when they may be one. */
export function notTextReason(bytes: Uint8Array, validUtf8: boolean): string | undefined {
  const unicode = unicodeByMark(bytes) ?? (utf16WithoutMark(bytes) ? 'UTF-16' : undefined);
  if (unicode) return `this file is ${unicode} text, not UTF-8: ${SAVE_AS_UTF8}`;
  const magic = MAGIC.find((m) => m.test(bytes));
  if (magic) return magic.reason(bytes);
  if (looksBinary(bytes, validUtf8)) return `this file is binary data, not Markdown text: ${NAME_SOURCE}`;
  return undefined;
}
