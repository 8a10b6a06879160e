import { describe, expect, it } from 'vitest';
import { sectionBlocks } from '../../support/parse.js';

describe('thematicBreak', () => {
  it('is a block of its own', () => {
    expect(sectionBlocks('a\n\n***\n\nb').map((b) => b.type)).toEqual(['paragraph', 'thematicBreak', 'paragraph']);
  });
});
