import { describe, expect, it } from 'vitest';
import { parse, sectionBlocks } from '../../support/parse.js';

describe('blockquote', () => {
  it('holds blocks', () => {
    expect(sectionBlocks('> quoted\n>\n> - item')).toMatchObject([
      { type: 'blockquote', children: [{ type: 'paragraph' }, { type: 'list' }] },
    ]);
  });

  it('survives 1,000 levels of nesting without losing the innermost words', () => {
    const result = parse(`# T\n\n## S\n\n${'>'.repeat(1000)} innermost words\n`);
    expect(JSON.stringify(result.briefing)).toContain('innermost words');
  });
});
