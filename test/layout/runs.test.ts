import { describe, expect, it } from 'vitest';
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

  it('gives Latin text a single run in the body face', () => {
    const runs = splitByCoverage('Reaffirming U.S. Commitment to Japan’s Defense', 'Carlito', 'bold');
    expect(runs).toHaveLength(1);
    expect(runs[0]!.face.key).toBe('Carlito-bold');
  });
});
