import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from '../support/parse.js';

describe('briefing structure', () => {
  it('takes the title from the first # heading when front matter has none', () => {
    const { briefing } = parse('# The title\n\nLede.\n\n## One\n\nText.');
    expect(briefing?.meta.title).toBe('The title');
    expect(briefing?.summary).toMatchObject([{ type: 'paragraph', children: [{ value: 'Lede.' }] }]);
    expect(briefing?.sections.map((s) => s.id)).toEqual(['one']);
  });

  it('takes key points from a "Key takeaways" section made of one list', () => {
    const { briefing } = parse('# T\n\n## Key takeaways\n\n- one **bold**\n- two\n\n## Next\n\ntext');
    expect(briefing?.keyPoints).toHaveLength(2);
    expect(briefing?.sections.map((s) => s.id)).toEqual(['next']);
  });

  it('keeps a "Key points" section with more than a list as a section', () => {
    const { briefing } = parse('# T\n\n## Key points\n\nIntro.\n\n- one\n');
    expect(briefing?.keyPoints).toEqual([]);
    expect(briefing?.sections).toHaveLength(1);
  });

  it('uses front-matter summary and key points, the lede following the summary', () => {
    const { briefing } = parse('---\ntitle: T\nsummary: The **short** version.\nkey_points: [One, "Two *em*"]\n---\n\nLede words.\n\n## A\n\nx');
    expect(briefing?.summary).toMatchObject([
      { type: 'paragraph', children: [{ value: 'The ' }, { type: 'strong' }, { value: ' version.' }] },
      { type: 'paragraph', children: [{ value: 'Lede words.' }] },
    ]);
    expect(briefing?.keyPoints[1]).toMatchObject([{ value: 'Two ' }, { type: 'emphasis' }]);
    expect(briefing?.sections.map((s) => s.id)).toEqual(['a']);
  });

  it('folds the text under an empty ## heading into the section above, with a warning', () => {
    const result = parse('# T\n\n## A\n\none\n\n##\n\ntwo\n');
    expect(result.briefing?.sections).toHaveLength(1);
    expect(result.briefing?.sections[0]?.blocks).toHaveLength(2);
    expect(result.file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`)).toEqual(['7:1 empty-heading']);
  });

  it('is an error when there is a title but no text', () => {
    const result = parse('---\ntitle: T\n---\n');
    expect(result.briefing).toBeNull();
    expect(result.file.messages[0]?.reason).toContain('no text');
  });

  it('reads the shipped seed briefing: six sections, a summary, two principals', () => {
    const path = new URL('../../source/2025-01-07-tokyo-readout.md', import.meta.url);
    const { briefing, file } = parse(readFileSync(path, 'utf8'), path.pathname);
    expect(file.messages).toEqual([]);
    expect(briefing?.sections).toHaveLength(6);
    expect(briefing?.summary).toHaveLength(1);
    expect(briefing?.meta).toMatchObject({ date: '2025-01-07', location: 'Tokyo, Japan', kind: 'Meeting readout' });
    expect(briefing?.meta.participants.map((p) => p.name)).toEqual(['Antony J. Blinken', 'Ishiba Shigeru (石破茂)']);
  });
});
