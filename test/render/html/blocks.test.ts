import { describe, expect, it } from 'vitest';
import type { Block, Inline } from '../../../src/model/briefing.js';
import { seed } from '../../support/sources.js';
import { render } from './helpers.js';

/** The seed briefing with its first section's blocks replaced; returns that section's HTML. */
async function sectionHtml(blocks: Block[]): Promise<string> {
  const b = seed();
  b.sections = [{ id: 's', title: [{ type: 'text', value: 'S' }], blocks }];
  const html = await render(b);
  return html.slice(html.indexOf('<section class="flow'), html.indexOf('</section>\n</div>'));
}

const t = (value: string): Inline => ({ type: 'text', value });
const para = (...children: Inline[]): Block => ({ type: 'paragraph', children });

describe('block handlers', () => {
  it('paragraph and inline kinds', async () => {
    const html = await sectionHtml([
      para(
        t('a '),
        { type: 'strong', children: [t('b')] },
        { type: 'emphasis', children: [t('c')] },
        { type: 'strikethrough', children: [t('d')] },
        { type: 'code', value: 'e<f' },
        { type: 'break' },
        { type: 'link', url: 'mailto:x@example.org', children: [t('g')] },
      ),
    ]);
    expect(html).toContain('<p>a <strong>b</strong><em>c</em><s>d</s><code>e&lt;f</code><br><a href="mailto:x@example.org">g</a></p>');
  });

  it('emphasis inside a block quote turns upright, as in the PDF', async () => {
    const html = await sectionHtml([{ type: 'blockquote', children: [para(t('q '), { type: 'emphasis', children: [t('up')] })] }]);
    expect(html).toContain('<blockquote>\n<p>q <em class="upright">up</em></p>\n</blockquote>');
  });

  it('headings never skip a level', async () => {
    const html = await sectionHtml([
      { type: 'heading', depth: 5, children: [t('five')] },
      { type: 'heading', depth: 6, children: [t('six')] },
      { type: 'heading', depth: 3, children: [t('three')] },
    ]);
    expect(html).toContain('<h3 class="subhead">five</h3>');
    expect(html).toContain('<h4 class="subhead">six</h4>');
    expect(html).toContain('<h3 class="subhead">three</h3>');
  });

  it('nested and numbered lists, task items', async () => {
    const html = await sectionHtml([
      {
        type: 'list',
        ordered: true,
        start: 3,
        items: [
          { children: [para(t('three')), { type: 'list', ordered: false, start: 1, items: [{ children: [para(t('inner'))] }] }] },
          { checked: true, children: [para(t('done'))] },
        ],
      },
    ]);
    // Each list carries its depth, whose marker the stylesheet sets from the layout's markers.
    expect(html).toMatch(/<ol class="depth-0" start="3">\n<li><p>three<\/p>\n<ul class="depth-1">\n<li><p>inner<\/p><\/li>\n<\/ul><\/li>/);
    // A task item's box is the layout's character, not a drawing of the stylesheet's.
    expect(html).toContain('<li class="task-item"><span class="task" role="img" aria-label="done">\u2611</span><p>done</p></li>');
  });

  it('tables have a header row with column scope and alignment', async () => {
    const html = await sectionHtml([
      {
        type: 'table',
        align: ['left', 'right', null],
        header: [{ children: [t('A')] }, { children: [t('B')] }, { children: [t('C')] }],
        rows: [[{ children: [t('1')] }, { children: [t('2')] }, { children: [] }]],
      },
    ]);
    expect(html).toMatch(
      /<table>\n<colgroup>(?:<col style="width:[\d.]+%">){3}<\/colgroup>\n<thead>\n<tr><th scope="col" class="align-left">A<\/th><th scope="col" class="align-right">B<\/th><th scope="col" class="align-left">C<\/th><\/tr>\n<\/thead>\n<tbody>\n<tr><td class="align-left">1<\/td><td class="align-right">2<\/td><td class="align-left"><\/td><\/tr>\n<\/tbody>\n<\/table>/,
    );
  });

  it('code blocks are verbatim in pre/code with a language class', async () => {
    const html = await sectionHtml([{ type: 'code', lang: 'ts', value: 'if (a < b) {\n  x();\n}' }]);
    expect(html).toContain('<pre><code class="language-ts">if (a &lt; b) {\n  x();\n}</code></pre>');
  });

  it('images are data URIs with alt text, drawn at the size the layout gave them (a column wide at 8.5 pt: 252 pt)', async () => {
    const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg==';
    const html = await sectionHtml([
      { type: 'image', alt: 'A map of the port', title: 'Port', src: 'map.png', mime: 'image/png', data: png, width: 40, height: 20 },
    ]);
    expect(html).toContain(`<figure class="image"><img src="data:image/png;base64,${png}" alt="A map of the port" width="336" height="168" style="--width:252pt;--height:126pt"><figcaption>Port</figcaption></figure>`);
  });

  it('thematic break is an hr', async () => {
    expect(await sectionHtml([para(t('a')), { type: 'thematicBreak' }, para(t('b'))])).toContain('<p>a</p>\n<hr>\n<p>b</p>');
  });
});
