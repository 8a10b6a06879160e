/** Briefings for layout and PDF tests: the example sources parsed for real, and generated ones of any length. */
import type { Briefing, Section } from '../../src/model/briefing.js';

export { seed, sourceBriefing, SOURCE_DIR } from '../support/sources.js';

const SENTENCE = 'The delegation reviewed supply chains, maritime security and cooperation on critical minerals with partners.';

/** A briefing of `sections` sections of `paragraphs` paragraphs each (about 15 words a sentence, 3 a paragraph). */
export function generated(sections: number, paragraphs: number, meta: Partial<Briefing['meta']> = {}): Briefing {
  const body: Section[] = Array.from({ length: sections }, (_, s) => ({
    id: `section-${s + 1}`,
    title: [{ type: 'text', value: `Section ${s + 1}` }],
    blocks: Array.from({ length: paragraphs }, () => ({
      type: 'paragraph' as const,
      children: [{ type: 'text' as const, value: `${SENTENCE} ${SENTENCE} ${SENTENCE}` }],
    })),
  }));
  return {
    version: 1,
    meta: { title: 'Generated briefing', participants: [], language: 'en-US', keywords: [], allowMultiPage: false, ...meta },
    summary: [],
    keyPoints: [],
    sections: body,
    quotes: [],
    pullQuote: null,
    pullQuoteCandidates: [],
  };
}

/** A 1×1 PNG, for image blocks. */
const PIXEL = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

/** Every block and inline kind at least once, so each handler is exercised. */
export function allKinds(): Briefing {
  const base = generated(1, 1, {
    title: 'Every kind of block',
    kind: 'Test sheet',
    date: '2025-01-07',
    location: 'Tokyo',
    participants: [{ name: 'Ishiba Shigeru (石破茂)', role: 'Prime Minister of Japan' }],
    preparedBy: 'Test desk',
    keywords: ['kinds', 'handlers'],
  });
  const section: Section = {
    id: 'kinds',
    title: [{ type: 'text', value: 'Kinds' }],
    blocks: [
      {
        type: 'paragraph',
        children: [
          { type: 'text', value: 'Plain, ' },
          { type: 'strong', children: [{ type: 'text', value: 'strong' }] },
          { type: 'text', value: ', ' },
          { type: 'emphasis', children: [{ type: 'text', value: 'emphasised' }] },
          { type: 'text', value: ', ' },
          { type: 'strikethrough', children: [{ type: 'text', value: 'struck' }] },
          { type: 'text', value: ', ' },
          { type: 'code', value: 'inlineCode()' },
          { type: 'break' },
          { type: 'text', value: 'and a ' },
          { type: 'link', url: 'https://example.org/readout', children: [{ type: 'text', value: 'linked readout across words' }] },
          { type: 'text', value: '.' },
        ],
      },
      { type: 'heading', depth: 3, children: [{ type: 'text', value: 'Subheading' }] },
      {
        type: 'list',
        ordered: true,
        start: 1,
        items: [
          { children: [{ type: 'paragraph', children: [{ type: 'text', value: 'First numbered item' }] }] },
          {
            children: [
              { type: 'paragraph', children: [{ type: 'text', value: 'Second numbered item' }] },
              { type: 'list', ordered: false, start: 1, items: [{ checked: true, children: [{ type: 'paragraph', children: [{ type: 'text', value: 'Nested task done' }] }] }] },
            ],
          },
        ],
      },
      { type: 'blockquote', children: [{ type: 'paragraph', children: [{ type: 'text', value: 'A quoted passage from the communiqué.' }] }] },
      {
        type: 'table',
        align: ['left', 'right'],
        header: [{ children: [{ type: 'text', value: 'Port' }] }, { children: [{ type: 'text', value: 'Calls' }] }],
        rows: [
          [{ children: [{ type: 'text', value: 'Yokosuka' }] }, { children: [{ type: 'text', value: '12' }] }],
          [{ children: [{ type: 'text', value: 'Sasebo' }] }, { children: [{ type: 'text', value: '7' }] }],
        ],
      },
      { type: 'code', lang: 'text', value: 'line one\n  indented line two' },
      { type: 'image', alt: 'A single pixel', title: 'Harbour cranes at dusk', src: 'pixel.png', mime: 'image/png', data: PIXEL, width: 40, height: 20 },
      { type: 'thematicBreak' },
      { type: 'paragraph', children: [{ type: 'text', value: 'After the break.' }] },
    ],
  };
  return {
    ...base,
    summary: [{ type: 'paragraph', children: [{ type: 'text', value: 'A summary paragraph for the test sheet.' }] }],
    keyPoints: [[{ type: 'text', value: 'First key point' }], [{ type: 'text', value: 'Second key point' }]],
    sections: [section, ...base.sections],
    quotes: [{ text: 'Every kind is handled.', speaker: 'Ishiba Shigeru (石破茂)', sectionId: 'kinds' }],
    pullQuote: 0,
    pullQuoteCandidates: [],
  };
}
