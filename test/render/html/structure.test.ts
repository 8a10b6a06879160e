import { describe, expect, it } from 'vitest';
import { seed, sourceBriefing } from '../../support/sources.js';
import { attributeValues, render } from './helpers.js';

function count(html: string, pattern: RegExp): number {
  return html.match(pattern)?.length ?? 0;
}

function headingLevels(html: string): number[] {
  return [...html.matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]));
}

describe('HTML document structure', () => {
  it('declares language, charset and title', async () => {
    const html = await render(seed());
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en-US">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<title>Secretary Blinken’s Meeting with Prime Minister Ishiba</title>');
  });

  it('takes lang from the model and refuses a malformed tag', async () => {
    const b = seed();
    b.meta.language = 'ja-JP';
    expect(await render(b)).toContain('<html lang="ja-JP">');
    b.meta.language = 'en" onload="x';
    expect(await render(b)).toContain('<html lang="en-US">');
  });

  it('has one header, main, article and footer landmark', async () => {
    const html = await render(seed());
    for (const tag of ['header', 'main', 'article', 'footer']) expect(count(html, new RegExp(`<${tag}[\\s>]`, 'g'))).toBe(1);
    expect(html.indexOf('<header')).toBeLessThan(html.indexOf('<main'));
    expect(html.indexOf('</main>')).toBeLessThan(html.indexOf('<footer'));
  });

  it('orders headings: one h1, labels and sections as h2, no skipped level', async () => {
    const html = await render(seed());
    const levels = headingLevels(html);
    expect(levels.filter((l) => l === 1)).toHaveLength(1);
    expect(levels[0]).toBe(1);
    levels.forEach((level, i) => {
      if (i > 0) expect(level).toBeLessThanOrEqual((levels[i - 1] ?? 1) + 1);
    });
    expect(html).toMatch(/<h2 class="label" id="summary-label">Summary<\/h2>/);
    expect(count(html, /<h2 class="section-title"/g)).toBe(6);
  });

  it('gives each section its model id, and every id is unique', async () => {
    const b = seed();
    const html = await render(b);
    for (const s of b.sections) expect(html).toContain(`<section class="flow" id="${s.id}"`);
    const ids = attributeValues(html, 'id');
    expect(new Set(ids).size).toBe(ids.length);
    for (const ref of attributeValues(html, 'aria-labelledby')) expect(ids).toContain(ref);
  });

  it('keeps ids unique when a section slug collides with a label id', async () => {
    const b = seed();
    b.sections[1]!.id = 'summary-label';
    b.sections[2]!.id = 'summary-label';
    const warnings: string[] = [];
    const ids = attributeValues(await render(b, { warnings }), 'id');
    expect(new Set(ids).size).toBe(ids.length);
    expect(warnings.some((w) => w.includes('not unique'))).toBe(true);
  });

  it('shows the pull quote as figure, blockquote and figcaption', async () => {
    const html = await render(seed());
    expect(html).toMatch(
      /<figure class="pull-quote">\n<blockquote><p>Japan has proven time and again its leadership on the global stage\. As partners,[^<]*<\/p><\/blockquote>\n<figcaption>— Antony J\. Blinken, U\.S\. Secretary of State<\/figcaption>/,
    );
  });

  it('puts classification banners inside the header and footer landmarks, only when set', async () => {
    const b = seed();
    expect(await render(b)).not.toContain('role="note"');
    b.meta.classification = 'Unclassified';
    const html = await render(b);
    expect(count(html, /<div class="banner banner-(top|bottom)" role="note" aria-label="Classification">Unclassified<\/div>/g)).toBe(2);
    const header = html.slice(html.indexOf('<header'), html.indexOf('</header>'));
    const footer = html.slice(html.indexOf('<footer'), html.indexOf('</footer>'));
    expect(header).toContain('banner-top');
    expect(footer).toContain('banner-bottom');
  });

  it('renders a real source with key points, lists and a table-free body', async () => {
    const html = await render(sourceBriefing('press-guidance-ports.md'));
    expect(html).toMatch(/<section class="key-points flow" aria-labelledby="key-points-label">\n<h2 class="label" id="key-points-label">Key points<\/h2>\n<ul class="depth-0">/);
    expect(html).toContain('<strong>Regional Ports Resilience Initiative</strong>');
    expect(count(html, /role="note"/g)).toBe(2);
  });

  it('prints the page size and margins from the layout', async () => {
    const html = await render(seed());
    expect(html).toContain('@page{size:612pt 792pt;margin:40pt 44pt 40pt 44pt}');
    const { loadTheme } = await import('../../../src/theme/load.js');
    expect(await render(seed(), { theme: loadTheme('embassy') })).toContain('@page{size:595.28pt 841.89pt;margin:42pt 48pt 42pt 48pt}');
  });
});
