/** A briefing with every block and inline kind, nesting, and hostile text, built by hand (it needs an image). */
import { MODEL_VERSION, type Briefing, type Inline } from '../../../src/model/briefing.js';
import { tinyPng } from '../../support/png.js';

const t = (value: string): Inline => ({ type: 'text', value });
const p = (...children: Inline[]) => ({ type: 'paragraph' as const, children });

export function allKinds(): Briefing {
  return {
    version: MODEL_VERSION,
    meta: {
      title: 'Every kind of block',
      subtitle: 'A test briefing',
      kind: 'Background note',
      date: '2025-02-03',
      location: 'Geneva',
      classification: 'OFFICIAL-SENSITIVE',
      participants: [{ name: 'Ishiba Shigeru (石破茂)', role: 'Prime Minister of Japan' }, { name: 'Ana Ruiz' }],
      preparedBy: 'Policy Unit',
      distribution: 'Desk officers',
      source: 'Test fixture',
      language: 'en-GB',
      keywords: ['testing', 'kinds'],
      allowMultiPage: false,
    },
    summary: [p(t('Summary with '), { type: 'strong', children: [t('strong words')] }, t(' and a tab\there.'))],
    keyPoints: [[t('First key point')], [{ type: 'emphasis', children: [t('Second key point')] }]],
    sections: [
      {
        id: 'lists',
        title: [t('Lists and text')],
        blocks: [
          p(t('Plain, '), { type: 'emphasis', children: [t('emphasis')] }, t(', '), { type: 'strikethrough', children: [t('struck')] }, t(', '),
            { type: 'code', value: 'inlineCode()' }, t(', a '), { type: 'link', url: 'https://example.org/a', children: [t('link')] },
            t(', an empty link '), { type: 'link', url: 'https://example.org/empty', children: [] }, t(', a'), { type: 'break' },
            t('hard break, a bell\x07 and a\nnewline.')),
          { type: 'heading', depth: 3, children: [t('A third-level heading')] },
          {
            type: 'list', ordered: false, start: 1,
            items: [
              { children: [p(t('Bullet one')), { type: 'list', ordered: false, start: 1, items: [{ children: [p(t('Nested bullet'))] }] }] },
              { checked: true, children: [p(t('Done task')), p(t('Second paragraph of the task'))] },
            ],
          },
          { type: 'list', ordered: true, start: 1, items: [{ children: [p(t('First numbered'))] }, { children: [p(t('Second numbered'))] }] },
          { type: 'list', ordered: true, start: 4, items: [{ children: [p(t('Fourth numbered'))] }] },
          { type: 'heading', depth: 4, children: [t('A fourth-level heading')] },
        ],
      },
      {
        id: 'other',
        title: [t('Other blocks')],
        blocks: [
          { type: 'blockquote', children: [p(t('Quoted words'))] },
          {
            type: 'table', align: ['left', 'center', 'right'],
            header: [{ children: [t('Item')] }, { children: [t('Count')] }, { children: [t('Cost')] }],
            rows: [[{ children: [t('Ports')] }, { children: [t('12')] }, { children: [] }]],
          },
          { type: 'code', lang: 'ts', value: 'const a = 1;\n\tindented();\n' },
          { type: 'image', alt: 'A grey square', title: 'Figure title', src: 'grey.png', mime: 'image/png', data: tinyPng(40, 20, [0x5a, 0x5a, 0x5a]).toString('base64'), width: 40, height: 20 },
          { type: 'thematicBreak' },
          p(t('After the rule.')),
        ],
      },
    ],
    quotes: [{ text: 'A quoted line', speaker: 'Ishiba Shigeru (石破茂)', sectionId: null }],
    pullQuote: 0,
    pullQuoteCandidates: [],
  };
}
