import { describe, expect, it } from 'vitest';
import { parse, sectionBlocks } from '../../support/parse.js';

describe('heading', () => {
  it('keeps ### and deeper inside a section as heading blocks', () => {
    const blocks = sectionBlocks('### Sub\n\ntext\n\n#### Deeper');
    expect(blocks.map((b) => (b.type === 'heading' ? b.depth : b.type))).toEqual([3, 'paragraph', 4]);
  });

  it('starts a section at every ## heading, with unique slugs', () => {
    const { briefing } = parse('# Title\n\n## Same\n\na\n\n## Same\n\nb');
    expect(briefing?.sections.map((s) => s.id)).toEqual(['same', 'same-1']);
  });

  it('treats a second # heading as a section, not a lost title', () => {
    const { briefing } = parse('# Title\n\n# Another\n\ntext');
    expect(briefing?.meta.title).toBe('Title');
    expect(briefing?.sections[0]?.title).toEqual([{ type: 'text', value: 'Another' }]);
  });
});
