import { describe, expect, it } from 'vitest';
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
