import { describe, expect, it } from 'vitest';
import { parse, messages, sectionBlocks } from '../../support/parse.js';

describe('list', () => {
  it('reads bullet and numbered lists with their start number', () => {
    const blocks = sectionBlocks('- a\n- b\n\n3. c\n4. d');
    expect(blocks).toMatchObject([
      { type: 'list', ordered: false, start: 1, items: [{ children: [{ type: 'paragraph' }] }, {}] },
      { type: 'list', ordered: true, start: 3 },
    ]);
  });

  it('nests lists and keeps task-list state', () => {
    const [list] = sectionBlocks('- [x] done\n  - inner\n- [ ] open');
    expect(list).toMatchObject({
      type: 'list',
      items: [{ checked: true, children: [{ type: 'paragraph' }, { type: 'list', items: [{}] }] }, { checked: false }],
    });
  });

  it('flattens lists nested beyond the limit, keeping every word, with one warning', () => {
    const depth = 400;
    const source = Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}- w${i}`).join('\n');
    const result = parse(`# T\n\n## S\n\n${source}\n`);
    expect(result.briefing).not.toBeNull();
    const text = JSON.stringify(result.briefing);
    for (const i of [0, 7, 8, 200, 399]) expect(text).toContain(`"w${i}"`);
    expect(messages(result).filter((m) => m.includes('nesting'))).toHaveLength(1);
  });
});
