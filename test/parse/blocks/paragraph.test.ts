import { describe, expect, it } from 'vitest';
import { sectionBlocks } from '../../support/parse.js';

describe('paragraph', () => {
  it('joins soft line breaks with a space and keeps the source line', () => {
    const [p] = sectionBlocks('First line\nsecond line.');
    expect(p).toEqual({ type: 'paragraph', children: [{ type: 'text', value: 'First line second line.' }], position: { line: 7, column: 1 } });
  });

  it('carries every inline kind', () => {
    const [p] = sectionBlocks('A **strong** *em* ~~gone~~ `code` [link](https://example.org "t") end  \nnext');
    expect(p?.type).toBe('paragraph');
    if (p?.type !== 'paragraph') return;
    expect(p.children.map((c) => c.type)).toEqual(['text', 'strong', 'text', 'emphasis', 'text', 'strikethrough', 'text', 'code', 'text', 'link', 'text', 'break', 'text']);
    expect(p.children[9]).toEqual({ type: 'link', url: 'https://example.org', title: 't', children: [{ type: 'text', value: 'link' }] });
  });

  it('resolves reference links', () => {
    const [p] = sectionBlocks('See [the site][s].\n\n[s]: https://example.org/x');
    expect(p).toMatchObject({ children: [{ type: 'text', value: 'See ' }, { type: 'link', url: 'https://example.org/x' }, { type: 'text', value: '.' }] });
  });
});
