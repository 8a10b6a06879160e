/**
 * The HTML's list markers and page furniture as the layout decides them: one class per depth, whose rule the
 * stylesheet writes from the layout's markers; a short list kept in one column; and a multi-page print that repeats
 * the footer on every page and numbers the pages.
 */
import { describe, expect, it } from 'vitest';
import { layoutAtSize } from '../../../src/layout/fit.js';
import type { Block, Briefing } from '../../../src/model/briefing.js';
import { loadTheme } from '../../../src/theme/load.js';
import { generated } from '../../layout/support.js';
import { render } from './helpers.js';

const theme = loadTheme('default');
const p = (value: string): Block => ({ type: 'paragraph', children: [{ type: 'text', value }] });
const list = (ordered: boolean, items: Block[][]): Block => ({ type: 'list', ordered, start: 1, items: items.map((children) => ({ children })) });

function briefingWith(blocks: Block[]): Briefing {
  const b = generated(1, 1);
  b.sections = [{ id: 's', title: [{ type: 'text', value: 'S' }], blocks }];
  return b;
}

describe('HTML lists', () => {
  it('mark each depth as the layout does: 1. / a. / i. counters and • / – / ◦ bullets', async () => {
    const inner = list(true, [[p('three')]]);
    const html = await render(briefingWith([list(true, [[p('one'), list(false, [[p('two'), inner]])]])]));
    expect(html).toMatch(/<ol class="depth-0">[\s\S]*<ul class="depth-1">[\s\S]*<ol class="depth-2">/);
    expect(html).toContain('@counter-style briefing-lower-letter{system:symbolic;symbols:"a" "b"');
    expect(html).toContain('ol.depth-0{list-style-type:briefing-decimal}');
    expect(html).toContain('ol.depth-1{list-style-type:briefing-lower-letter}');
    expect(html).toContain('ol.depth-2{list-style-type:briefing-lower-roman}');
    expect(html).toContain('ul.depth-0{list-style-type:"\\2022 \\a0 \\a0 "}');
    expect(html).toContain('ul.depth-1{list-style-type:"\\2013 \\a0 \\a0 "}');
    expect(html).toContain('ul.depth-2{list-style-type:"\\25e6 \\a0 \\a0 "}');
    expect(html).toContain(`--bullet-colour:${theme.colours.accent};--number-colour:${theme.colours.text};`);
  });

  it('keep a list the layout keeps whole from breaking across columns', async () => {
    const short = list(false, [[p('a')], [p('b')]]);
    const layout = { ...layoutAtSize(theme, 10), unsplit: new Set([short]) } as ReturnType<typeof layoutAtSize>;
    const html = await render(briefingWith([short]), { layout });
    expect(html).toContain('<ul class="depth-0 unsplit">');
    expect(html).toContain('.unsplit{break-inside:avoid}');
  });

  it('print the footer on every page of a multi-page briefing and number the pages', async () => {
    const multi = await render(briefingWith([p('x')]), { layout: layoutAtSize(theme, 10, 3) });
    expect(multi).toMatch(/@page\{[^@]*;@bottom-center\{content:"Page " counter\(page\) " of " counter\(pages\);/);
    expect(multi).toContain('footer{position:fixed;bottom:0;left:0;right:0;margin:0}');
    const one = await render(briefingWith([p('x')]), { layout: layoutAtSize(theme, 10, 1) });
    expect(one).not.toContain('@bottom-center');
    expect(one).not.toContain('position:fixed');
  });
});
