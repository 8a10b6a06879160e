import { describe, expect, it } from 'vitest';
import { messages, parse } from '../support/parse.js';

function firstParagraph(md: string) {
  const result = parse(`# T\n\n## S\n\n${md}\n`);
  const block = result.briefing?.sections[0]?.blocks[0];
  return { result, block };
}

describe('links', () => {
  it.each(['javascript:alert(1)', 'JavaScript:alert(1)', 'vbscript:msgbox', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd'])(
    'drops the %s URL but keeps the link text, warning on its line',
    (url) => {
      const { result, block } = firstParagraph(`Click [here now](${url}) please`);
      expect(block).toEqual({ type: 'paragraph', children: [{ type: 'text', value: 'Click here now please' }], position: { line: 5, column: 1 } });
      expect(messages(result)).toEqual(['5:7 warning unsafe-link']);
    },
  );

  it('keeps mailto and https links', () => {
    const { block } = firstParagraph('[a](mailto:press@example.org) [b](https://example.org)');
    expect(JSON.stringify(block)).toContain('"url":"mailto:press@example.org"');
    expect(JSON.stringify(block)).toContain('"url":"https://example.org"');
  });
});

describe('raw HTML', () => {
  it('becomes plain text with a warning, never markup', () => {
    const result = parse('# T\n\n## S\n\n<div onclick="x()"><script>alert(1)</script>Hello <b>there</b></div>\n\nInline <img src=x onerror=alert(1)> text\n');
    const json = JSON.stringify(result.briefing);
    expect(json).not.toContain('<');
    expect(json).toContain('Hello there');
    expect(json).not.toContain('alert(1)</');
    expect(messages(result)).toEqual(['5:1 warning raw-html', '7:8 warning raw-html']);
  });
});

describe('footnotes', () => {
  it('are shown in place as [label] with a warning, text kept', () => {
    const result = parse('# T\n\n## S\n\nClaim.[^1]\n\n[^1]: The evidence.\n');
    const json = JSON.stringify(result.briefing);
    expect(json).toContain('Claim.[1]');
    expect(json).toContain('[1] The evidence.');
    expect(messages(result).some((m) => m.endsWith('warning footnote'))).toBe(true);
  });
});
