/** A briefing whose every string tries to break out of HTML text, attributes or links. */
import { MODEL_VERSION, type Briefing } from '../../../src/model/briefing.js';

export const SCRIPT = '<script>alert("x")</script>';
export const UNSAFE_URLS = ['javascript:alert(1)', 'JaVaScRiPt:alert(2)', ' javascript:alert(3)', 'data:text/html,<b>x</b>', 'vbscript:msgbox', 'java\nscript:alert(4)', '//evil.example/x'];

export function hostileBriefing(): Briefing {
  return {
    version: MODEL_VERSION,
    meta: {
      title: `Title ${SCRIPT} & "quotes" 'single'`,
      subtitle: 'Sub <img src=x onerror=alert(1)>',
      kind: 'Kind </title><script>1</script>',
      classification: 'Secret"><script>2</script>',
      date: '2025-01-07',
      location: 'Tokyo & <Osaka>',
      participants: [{ name: 'Eve <b>', role: '"role" & co' }],
      preparedBy: 'Mallory "><svg onload=alert(1)>',
      distribution: "O'Brien & <team>",
      source: 'src </footer>',
      language: 'en-US',
      keywords: ['a"b', '<k>'],
      allowMultiPage: false,
    },
    summary: [{ type: 'paragraph', children: [{ type: 'text', value: `Summary ${SCRIPT} AT&T` }] }],
    keyPoints: [[{ type: 'text', value: 'Point </li></ul><script>3</script>' }]],
    sections: [
      {
        id: 'hostile"><script>4</script>',
        title: [{ type: 'text', value: `Section ${SCRIPT}` }],
        blocks: [
          {
            type: 'paragraph',
            children: [
              { type: 'text', value: 'Links: ' },
              ...UNSAFE_URLS.map((url, i) => ({ type: 'link' as const, url, children: [{ type: 'text' as const, value: `unsafe${i} ` }] })),
              { type: 'link', url: 'https://example.org/?a=1&b="2"', title: 'T "t" <t>', children: [{ type: 'text', value: 'safe' }] },
              { type: 'code', value: '</code><script>5</script>' },
            ],
          },
          { type: 'code', lang: 'js"><script>', value: '</pre><script>6</script>' },
          {
            type: 'image',
            alt: 'alt" onerror="alert(7)',
            src: 'x.png',
            mime: 'image/png',
            data: 'AAAA"><script>8</script>',
            width: 1,
            height: 1,
          },
          {
            type: 'table',
            align: [null],
            header: [{ children: [{ type: 'text', value: '<th>' }] }],
            rows: [[{ children: [{ type: 'text', value: '</table>' }] }]],
          },
        ],
      },
    ],
    quotes: [{ text: `Quote ${SCRIPT}`, speaker: 'Eve <b>', sectionId: null }],
    pullQuote: 0,
    pullQuoteCandidates: [],
  };
}
