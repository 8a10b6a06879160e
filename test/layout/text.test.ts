import { describe, expect, it } from 'vitest';
import { setLines, spansOf, type SpanStyle } from '../../src/layout/text.js';

const style: SpanStyle = { family: 'Carlito', bold: false, italic: false, size: 10, colour: '#000000', tracking: 0, marks: [] };
const env = { mono: 'Cousine' as const, linkColour: '#0000ff', monoScale: 0.9 };
const textOf = (lines: ReturnType<typeof setLines>): string[] => lines.map((l) => l.fragments.map((f) => f.text).join(''));

describe('setLines', () => {
  const words = 'Both leaders agreed on the necessity of strong trilateral ties to ensure peace, stability, and prosperity in the Indo-Pacific region.';

  it('breaks at spaces, never wider than the measure, keeping every word in order', () => {
    const lines = setLines([{ text: words, style }], 120);
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(120.001);
    expect(textOf(lines).join(' ').replace(/- /g, '-')).toBe(words);
  });

  it('measures with real advances: a wider measure gives fewer lines, bold text is wider', () => {
    expect(setLines([{ text: words, style }], 240).length).toBeLessThan(setLines([{ text: words, style }], 120).length);
    const regular = setLines([{ text: 'Strengthening', style }], 1000)[0]!.width;
    const bold = setLines([{ text: 'Strengthening', style: { ...style, bold: true } }], 1000)[0]!.width;
    expect(bold).toBeGreaterThan(regular);
    expect(regular).toBeGreaterThan(40);
    expect(regular).toBeLessThan(80);
  });

  it('cuts a word longer than the line by character', () => {
    const url = 'https://www.state.gov/secretary-blinkens-meeting-with-japanese-prime-minister-ishiba';
    const lines = setLines([{ text: url, style }], 100);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(100.001);
    expect(textOf(lines).join('')).toBe(url);
  });

  it('honours hard breaks and puts kanji in the fallback face within one line', () => {
    const spans = spansOf([{ type: 'text', value: 'Ishiba (石破茂)' }, { type: 'break' }, { type: 'text', value: 'Tokyo' }], style, env);
    const lines = setLines(spans, 500);
    expect(textOf(lines)).toEqual(['Ishiba (石破茂)', 'Tokyo']);
    expect(lines[0]!.fragments.map((f) => f.face.key)).toEqual(['Carlito-regular', 'NotoSansJP-regular', 'Carlito-regular']);
  });

  it('carries inline kinds onto fragments: strong is bold, links keep their node across lines', () => {
    const link = { type: 'link' as const, url: 'https://example.org', children: [{ type: 'text' as const, value: 'a long link text that wraps' }] };
    const spans = spansOf([{ type: 'strong', children: [{ type: 'text', value: 'Bold' }] }, { type: 'text', value: ' then ' }, link], style, env);
    const lines = setLines(spans, 60);
    const fragments = lines.flatMap((l) => l.fragments);
    expect(fragments[0]!.face.key).toBe('Carlito-bold');
    const linked = fragments.filter((f) => f.link);
    expect(new Set(linked.map((f) => f.link))).toEqual(new Set([link]));
    expect(lines.filter((l) => l.fragments.some((f) => f.link)).length).toBeGreaterThan(1);
    expect(linked.every((f) => f.marks.includes('link') && f.colour === '#0000ff')).toBe(true);
  });
});
