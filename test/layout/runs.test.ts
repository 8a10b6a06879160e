import { describe, expect, it } from 'vitest';
import { setLines, type SpanStyle } from '../../src/layout/text.js';
import { splitByCoverage } from '../../src/layout/runs.js';

describe('splitByCoverage', () => {
  it('sends the kanji the body face lacks to the CJK fallback, run by run', () => {
    const runs = splitByCoverage('Ishiba Shigeru (石破茂), Prime Minister', 'Carlito', 'regular');
    expect(runs.map((r) => [r.text, r.fallback, r.face.familyName])).toEqual([
      ['Ishiba Shigeru (', false, 'Carlito'],
      ['石破茂', true, 'Noto Sans JP'],
      ['), Prime Minister', false, 'Carlito'],
    ]);
  });

  it('keeps the weight in the fallback and sets italics upright (the CJK face has none)', () => {
    expect(splitByCoverage('石破茂', 'Tinos', 'bold')[0]!.face.key).toBe('NotoSansJP-bold');
    expect(splitByCoverage('いしば', 'Arimo', 'boldItalic')[0]!.face.key).toBe('NotoSansJP-bold');
    expect(splitByCoverage('石破', 'Carlito', 'italic')[0]!.face.key).toBe('NotoSansJP-regular');
  });

  it('leaves no character in a face that lacks it, when either face has it', () => {
    const text = 'Tokyo 東京 とうきょう — “quoted” 石破茂 · Ålesund';
    for (const run of splitByCoverage(text, 'Tinos', 'regular'))
      for (const char of run.text) {
        if (char === ' ') continue;
        expect(run.face.font.hasGlyphForCodePoint(char.codePointAt(0)!), `${char} in ${run.face.key}`).toBe(true);
      }
  });

  it('moves a mark the body face lacks, with its letter, to a fallback face that has both', () => {
    const runs = splitByCoverage('aq\u0307b', 'Carlito', 'regular');
    expect(runs.map((r) => [r.text, r.face.familyName, r.missing])).toEqual([
      ['a', 'Carlito', []],
      ['q\u0307', 'Arimo Fallback', []],
      ['b', 'Carlito', []],
    ]);
    // Arimo has combining marks: nothing moves.
    expect(splitByCoverage('aq\u0307b', 'Arimo', 'regular').map((r) => r.text)).toEqual(['aq\u0307b']);
  });

  it('gives Latin text a single run in the body face', () => {
    const runs = splitByCoverage('Reaffirming U.S. Commitment to Japan’s Defense', 'Carlito', 'bold');
    expect(runs).toHaveLength(1);
    expect(runs[0]!.face.key).toBe('Carlito-bold');
  });

  it('walks the fallback chain: Hangul to Noto Sans KR, Arabic and Hebrew (RTL), emoji to Noto Emoji', () => {
    const runs = splitByCoverage('Hi 안녕하세요 سلام שלום 👍', 'Carlito', 'regular');
    expect(runs.map((r) => [r.text, r.face.familyName, r.rtl])).toEqual([
      ['Hi ', 'Carlito', false],
      ['안녕하세요 ', 'Noto Sans KR', false],
      ['سلام ', 'Noto Sans Arabic', true],
      ['שלום ', 'Noto Sans Hebrew', true],
      ['👍', 'Noto Emoji', false],
    ]);
    expect(runs[1]!.face.fallback?.word).toEqual({ slot: 'eastAsia', font: 'Malgun Gothic' });
  });

  it('keeps the primary face when it has the glyph (Arimo has Hebrew), still marking the run RTL', () => {
    const [, hebrew] = splitByCoverage('Hi שלום', 'Arimo', 'regular');
    expect([hebrew!.face.key, hebrew!.rtl, hebrew!.fallback]).toEqual(['Arimo-regular', true, false]);
  });

  it('keeps a variation selector with its emoji, and reports characters no face has', () => {
    const runs = splitByCoverage('ok 👍\ufe0f 𓀀', 'Carlito', 'regular');
    expect(runs.map((r) => [r.text, r.face.familyName, r.missing])).toEqual([
      ['ok ', 'Carlito', []],
      ['👍\ufe0f ', 'Noto Emoji', []],
      ['𓀀', 'Carlito', ['𓀀']],
    ]);
  });

  it('places an RTL phrase right to left in the line, without its trailing space', () => {
    const style: SpanStyle = { family: 'Carlito', bold: false, italic: false, size: 10, colour: '#000', tracking: 0, marks: [] };
    const bold: SpanStyle = { ...style, bold: true };
    const [line] = setLines([{ text: 'Say سلام ', style }, { text: 'عليكم', style: bold }, { text: ' now', style }], 1000);
    const [say, salam, alaykum, now] = line!.fragments;
    expect([say!.text, salam!.text, alaykum!.text, now!.text]).toEqual(['Say ', 'سلام', 'عليكم', 'now']);
    // The second word of the phrase is drawn first (leftmost), the first word after it, then the Latin text.
    expect(alaykum!.x).toBeCloseTo(say!.width, 6);
    expect(salam!.x).toBeGreaterThan(alaykum!.x + 0.5 * alaykum!.width);
    expect(salam!.x + salam!.width).toBeLessThanOrEqual(now!.x + 1e-6);
  });
});
