import { describe, expect, it } from 'vitest';
import { sectionBlocks } from '../../support/parse.js';

describe('table', () => {
  it('keeps header, rows and column alignment', () => {
    const [table] = sectionBlocks('| a | b | c |\n| :-- | :-: | --: |\n| 1 | **2** | 3 |');
    expect(table).toMatchObject({
      type: 'table',
      align: ['left', 'center', 'right'],
      header: [{ children: [{ type: 'text', value: 'a' }] }, {}, {}],
      rows: [[{ children: [{ value: '1' }] }, { children: [{ type: 'strong' }] }, {}]],
    });
  });

  it('pads short rows so every row has a cell per column', () => {
    const [table] = sectionBlocks('| a | b |\n| - | - |\n| only |');
    expect(table?.type === 'table' && table.rows[0]).toHaveLength(2);
  });
});
