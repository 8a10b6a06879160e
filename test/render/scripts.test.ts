/**
 * The fallback chain through all three emitters: Korean, Japanese, emoji, Arabic and Hebrew come out as text (no
 * boxes), each in its own embedded face, and Word is told which font to use for each.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { fitBriefing } from '../../src/layout/fit.js';
import type { Layout } from '../../src/layout/layout.js';
import { renderDocx } from '../../src/render/docx/index.js';
import { renderHtml } from '../../src/render/html/index.js';
import { renderPdf } from '../../src/render/pdf/index.js';
import type { RenderContext } from '../../src/render/types.js';
import { loadTheme } from '../../src/theme/load.js';
import { parseBriefing } from '../../src/parse/index.js';
import { clientsAvailable } from '../support/clients.js';
import { SCRIPT_WORDS, scriptsBriefing } from '../support/scripts.js';

const context: RenderContext = { buildDate: new Date('2025-01-08T09:00:00Z'), toolVersion: '0.1.0-test', warn: () => {} };
const theme = loadTheme('default');
const briefing = scriptsBriefing();
let layout: Layout;
const fitWarnings: string[] = [];

beforeAll(() => {
  const result = fitBriefing(briefing, theme, { allowOverflow: false });
  if (!result.ok) throw new Error(result.message);
  layout = result.layout;
  fitWarnings.push(...result.warnings.map((w) => w.message));
});

it('has a glyph for every character: the fit reports no boxes', () => {
  expect(fitWarnings).toEqual([]);
});

describe.skipIf(!clientsAvailable('pdftotext', 'pdffonts'))('PDF', () => {
  let path = '';
  beforeAll(async () => {
    path = join(mkdtempSync(join(tmpdir(), 'briefing-scripts-')), 'scripts.pdf');
    writeFileSync(path, await renderPdf(briefing, layout, theme, context));
  });

  it('keeps every script in the extracted text', () => {
    // pdftotext wraps RTL text in embedding controls (U+202A–U+202E); the words themselves come out in logical order.
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }).replace(/[\u202a-\u202e]/g, '');
    for (const word of Object.values(SCRIPT_WORDS)) expect(text).toContain(word);
    expect(text).toContain('مرحبا بالعالم');
  });

  it('keeps combining marks with their letters in the extracted text, on a line that also holds CJK', async () => {
    // Found by the property test (seed 1678400424): pdftotext put the diaeresis of "æ̈" (drawn in the fallback face,
    // over its letter) on a line of its own. A letter now carries its marks' text as ActualText, and nothing is added
    // either side of it (a span over the whole fragment ended at the mark and let a space in before the period).
    const source = '---\ntitle: Marks\n---\n\n`vzyö`. **æç** [æñøük](https://example.org/) あ省京え い本 cæöææ̈ iyæpjfliw̧.\n\n## S\n\nPlain cæöææ̈ alone.\n';
    const { briefing: marked } = parseBriefing(source, 'marks.md');
    if (!marked) throw new Error('marks.md did not parse');
    const fit = fitBriefing(marked, theme, { allowOverflow: false });
    if (!fit.ok) throw new Error(fit.message);
    const file = join(mkdtempSync(join(tmpdir(), 'briefing-marks-')), 'marks.pdf');
    writeFileSync(file, await renderPdf(marked, fit.layout, theme, context));
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('い本 cæöææ̈ iyæpjfliw̧.');
    expect(text).toContain('Plain cæöææ̈ alone.');
  });

  it('reads Arabic letters that share a glyph as themselves: ن and ب are one dotless skeleton in Noto Sans Arabic', async () => {
    // "بفتح" draws the skeleton first as ب; the ن of "نحن" and the ز of "ملتزمون" came out of the text layer as ب and ر.
    const phrase = 'بفتح نحن ملتزمون بفتح المعبر الإنسانية';
    const { briefing: arabic } = parseBriefing(`---\ntitle: Arabic\n---\n\nHe said: «${phrase}» to us.\n\n## S\n\nمرحبا\n`, 'arabic.md');
    if (!arabic) throw new Error('arabic.md did not parse');
    const fit = fitBriefing(arabic, theme, { allowOverflow: false });
    if (!fit.ok) throw new Error(fit.message);
    const file = join(mkdtempSync(join(tmpdir(), 'briefing-arabic-')), 'arabic.pdf');
    writeFileSync(file, await renderPdf(arabic, fit.layout, theme, context));
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/[\u202a-\u202e]/g, '');
    expect(text).toContain(phrase);
  });

  it('embeds a subset of each fallback face it used', () => {
    const fonts = execFileSync('pdffonts', [path], { encoding: 'utf8' });
    for (const name of ['NotoSansKR-Regular', 'NotoSansJP-Regular', 'NotoEmoji-Regular', 'NotoSansArabic-Bold', 'NotoSansHebrew-Regular'])
      expect(fonts).toMatch(new RegExp(`[A-Z]{6}\\+${name}\\s`));
  });

  it('draws RTL words right to left: the second word of a phrase sits left of the first', () => {
    const words = execFileSync('pdftotext', ['-bbox', path, '-'], { encoding: 'utf8' });
    const x = (visual: string): number => Number(new RegExp(`xMin="([\\d.]+)"[^>]*>${visual}<`).exec(words)?.[1]);
    // pdftotext -bbox prints each word in drawing (visual) order, hence the reversed letters.
    const first = x([...'مرحبا'].reverse().join(''));
    const second = x([...'بالعالم'].reverse().join(''));
    expect(second).toBeLessThan(first);
  });
});

describe('DOCX', () => {
  let doc = '';
  beforeAll(async () => {
    const bytes = await renderDocx(briefing, layout, theme, context);
    doc = strFromU8(unzipSync(bytes)['word/document.xml']!);
  });

  it('names Malgun Gothic as the East Asian font of a Hangul run', () => {
    expect(doc).toContain(`<w:rFonts w:eastAsia="Malgun Gothic" w:hint="eastAsia"/></w:rPr><w:t xml:space="preserve">${SCRIPT_WORDS.korean}</w:t>`);
  });

  it('marks Arabic and Hebrew runs right to left in the complex-script font the PDF sets them in, emoji with Segoe UI Emoji', () => {
    expect(doc).toMatch(new RegExp(`<w:rFonts w:cs="Noto Sans Arabic" w:hint="cs"/><w:rtl/></w:rPr><w:t xml:space="preserve">${SCRIPT_WORDS.arabic}</w:t>`));
    expect(doc).toMatch(new RegExp(`<w:rFonts w:cs="Noto Sans Hebrew" w:hint="cs"/><w:rtl/></w:rPr><w:t xml:space="preserve">${SCRIPT_WORDS.hebrew} עולם</w:t>`));
    expect(doc).toMatch(new RegExp(`<w:rFonts w:ascii="Segoe UI Emoji" w:hAnsi="Segoe UI Emoji"/></w:rPr><w:t xml:space="preserve">${SCRIPT_WORDS.emoji} ?</w:t>`, 'u'));
  });
});

describe('HTML', () => {
  let html = '';
  beforeAll(async () => {
    html = new TextDecoder().decode(await renderHtml(briefing, layout, theme, context));
  });

  it('embeds each fallback face it uses and lists the chain in the font stacks', () => {
    for (const family of ['Noto Sans JP', 'Noto Sans KR', 'Noto Sans Arabic', 'Noto Sans Hebrew', 'Noto Emoji'])
      expect(html).toContain(`@font-face{font-family:"${family}"`);
    expect(html).toContain('--font-body:"Carlito", "Arimo Fallback", "Noto Sans JP", "Noto Sans KR", "Noto Sans Arabic", "Noto Sans Hebrew", "Noto Sans Symbols 2", "Noto Emoji", sans-serif;');
  });

  it('isolates right-to-left stretches so browsers order them as the PDF does', () => {
    expect(html).toContain(`<bdi>${SCRIPT_WORDS.arabic}</bdi>`);
    expect(html).toContain('<strong><bdi>مرحبا بالعالم</bdi></strong>');
    expect(html).toContain(`<bdi>${SCRIPT_WORDS.hebrew} עולם</bdi>`);
  });
});
