import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseBriefing } from '../../src/parse/index.js';
import { messages, parse } from '../support/parse.js';

describe('decoding the source', () => {
  it('removes NUL and other control characters with a warning at the first one', () => {
    const result = parse('# T\n\nA\u0000B\u0007C text\n');
    expect(JSON.stringify(result.briefing)).toContain('ABC text');
    expect(messages(result)).toEqual(['3:2 warning control-character']);
  });

  it('replaces invalid UTF-8 with a warning and builds', () => {
    const bytes = Buffer.concat([Buffer.from('# T\n\nCaf'), Buffer.from([0xe9]), Buffer.from(' au lait\n')]);
    const result = parse(bytes as unknown as string);
    expect(JSON.stringify(result.briefing)).toContain('Caf\uFFFD au lait');
    expect(messages(result)).toEqual(['3:4 warning invalid-utf8']);
  });

  it('refuses an empty file', () => {
    const result = parse('  \n\n');
    expect(result.briefing).toBeNull();
    expect(messages(result)).toEqual(['1:1 error empty-source']);
  });

  it('refuses a 10 MB source within a second', () => {
    const started = performance.now();
    const result = parse(`# T\n\n${'word '.repeat(2_000_000)}`);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(messages(result)).toEqual(['1:1 error source-too-large']);
  });

  it('keeps emoji, right-to-left text and combining marks intact', () => {
    const text = 'Flags 🇯🇵 and 👍🏽, سلام عليكم, שלום, q\u0307 e\u0301te\u0301';
    // Composed where Unicode has a composed form (é), kept as typed where it has none (q̇).
    expect(JSON.stringify(parse(`# T\n\n${text}\n`).briefing)).toContain(text.normalize('NFC'));
    expect(text.normalize('NFC')).toContain('q\u0307 \u00e9t\u00e9');
  });
});

/** Files other programs made (LibreOffice, pandoc, poppler, iconv as Notepad's "Unicode"), given where a source belongs. */
const NOT_TEXT = fileURLToPath(new URL('../fixtures/not-text/', import.meta.url));
const COPY_TEXT = 'copy its text into a UTF-8 Markdown (.md) file and build that';
const NAME_SOURCE = "build the briefing's UTF-8 Markdown source instead";

function reasonsOf(bytes: Uint8Array): string[] {
  return parseBriefing(bytes, '/tmp/briefing-test/x.md').file.messages.map((m) => `${m.line}:${m.column} ${m.fatal ? 'error' : 'warning'} ${m.reason}`);
}

describe('a file that is not UTF-8 Markdown text', () => {
  it.each([
    ['notepad-utf16le.txt', 'this file is UTF-16 text, not UTF-8: save it as UTF-8 Markdown'],
    ['notepad-utf16be.txt', 'this file is UTF-16 text, not UTF-8: save it as UTF-8 Markdown'],
    ['libreoffice.docx', `this file is a Word document (.docx), not Markdown text: ${COPY_TEXT}`],
    ['pandoc.docx', `this file is a Word document (.docx), not Markdown text: ${COPY_TEXT}`],
    ['libreoffice.odt', `this file is an OpenDocument text (.odt), not Markdown text: ${COPY_TEXT}`],
    ['libreoffice.doc', `this file is an old-format Office document (.doc), not Markdown text: ${COPY_TEXT}`],
    ['libreoffice.rtf', `this file is an RTF (rich text) document, not Markdown text: ${COPY_TEXT}`],
    ['libreoffice.pdf', `this file is a PDF, not Markdown text: ${COPY_TEXT}`],
    ['pixel.png', `this file is a PNG image, not Markdown text: ${NAME_SOURCE}`],
    ['pixel.jpg', `this file is a JPEG image, not Markdown text: ${NAME_SOURCE}`],
  ])('refuses %s with one error saying what it is', (name, reason) => {
    expect(reasonsOf(new Uint8Array(readFileSync(join(NOT_TEXT, name))))).toEqual([`1:1 error ${reason}`]);
  });

  it('recognises UTF-16 without a byte-order mark, and UTF-32 by its mark', () => {
    const text = '---\ntitle: Press guidance\n---\n\nThe minister visits Tōkyō, 東京, on Monday.\n';
    expect(reasonsOf(new Uint8Array(Buffer.from(text, 'utf16le')))).toEqual(['1:1 error this file is UTF-16 text, not UTF-8: save it as UTF-8 Markdown']);
    const utf32 = Buffer.alloc(4 + text.length * 4);
    utf32.writeUInt32LE(0xfeff, 0);
    [...text].forEach((c, i) => utf32.writeUInt32LE(c.codePointAt(0)!, 4 + i * 4));
    expect(reasonsOf(new Uint8Array(utf32))).toEqual(['1:1 error this file is UTF-32 text, not UTF-8: save it as UTF-8 Markdown']);
  });

  it('calls bytes with no known signature binary data (not UTF-8 text with a stray NUL), and names a large picture before its size', () => {
    const noise = new Uint8Array(Array.from({ length: 600 }, (_, i) => (i * 151 + 7) % 256));
    expect(reasonsOf(noise)).toEqual([`1:1 error this file is binary data, not Markdown text: ${NAME_SOURCE}`]);
    const pasted = parseBriefing(new Uint8Array(Buffer.from('# T\n\nPasted\u0000 text with a stray NUL.\n')), '/tmp/briefing-test/x.md');
    expect(JSON.stringify(pasted.briefing)).toContain('Pasted text');
    expect(messages(pasted)).toEqual(['3:7 warning control-character']);
    const bigPng = new Uint8Array(600 * 1024);
    bigPng.set(readFileSync(join(NOT_TEXT, 'pixel.png')));
    expect(reasonsOf(bigPng)).toEqual([`1:1 error this file is a PNG image, not Markdown text: ${NAME_SOURCE}`]);
  });
});
