/**
 * The email body's HTML and plain-text parts, read as markup and text: one column of layout tables, every style
 * inline, real tables with header scopes, pictures as cid: parts, the banner twice, every word, within Gmail's budget.
 */
import { describe, expect, it } from 'vitest';
import { HTML_BUDGET_BYTES } from '../../../src/render/email/index.js';
import { loadTheme } from '../../../src/theme/load.js';
import { emailBody, expectedWords, readoutBriefing } from '../../support/email.js';
import { seed } from '../../support/sources.js';
import { htmlToText, missingWords } from '../../support/words.js';

describe('email body (HTML part)', () => {
  const body = emailBody(readoutBriefing());
  const { html } = body;

  it('has no style element, class, script, CSS variable, web font or event handler', () => {
    expect(html).not.toMatch(/<style|\sclass=|<script|var\(--|@font-face|url\(|\son\w+=/i);
  });

  it('styles every element of the body inline and names the Word font first', () => {
    expect(html).toContain('font-family:Calibri,Carlito,sans-serif');
    const embassy = emailBody(readoutBriefing(), loadTheme('embassy')).html;
    expect(embassy).toMatch(/font-family:'Times New Roman',Tinos,serif/);
  });

  it('is one column at most the template’s width, held by layout tables marked role="presentation"', () => {
    expect(html).toContain('max-width:600px');
    const tables = [...html.matchAll(/<table\b[^>]*>/g)].map((m) => m[0]);
    const layout = tables.filter((t) => t.includes('role="presentation"'));
    // Every table but the briefing's own data table is for layout.
    expect(tables.length - layout.length).toBe(1);
    // Outlook's fixed-width column, inside conditional comments that other clients skip.
    expect(html).toContain('<!--[if mso]><table role="presentation" style="width:600px;margin:0 auto"><tr><td><![endif]-->');
  });

  it('keeps the data table a real one: header cells with scope, alignment per column', () => {
    expect(html).toMatch(/<th scope="col" style="[^"]*text-align:left">Country<\/th><th scope="col" style="[^"]*text-align:right">Ports<\/th><th scope="col" style="[^"]*text-align:center">Share<\/th>/);
  });

  it('shows the picture as a cid: part with its alt text and size, never remote or data:', () => {
    const images = [...html.matchAll(/<img\b[^>]*>/g)].map((m) => m[0]);
    expect(images).toHaveLength(1);
    const [part] = body.images;
    expect(part).toMatchObject({ contentType: 'image/png', filename: 'picture-1.png' });
    expect(part!.cid).toMatch(/^[0-9a-f]{16}\.1@briefing\.invalid$/);
    // 800 × 400 drawn as wide as the text (600 less the insets), its height in proportion.
    expect(images[0]).toBe(`<img src="cid:${part!.cid}" alt="A bar chart of port calls by country: Beta has the most" width="564" height="282" style="display:block;max-width:100%;height:auto;border:0;width:100%;max-width:564px">`);
    expect(html).not.toMatch(/src="(?!cid:)/);
  });

  it('puts lang and dir on the document and the wrapper', () => {
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en-US" dir="ltr">/);
    expect(html).toMatch(/<div role="article" aria-roledescription="email" aria-label="Port Access Talks with the Republic of Alpha" lang="en-US" dir="ltr" style=/);
    const arabic = readoutBriefing();
    arabic.meta.language = 'ar-EG';
    expect(emailBody(arabic).html).toMatch(/<html lang="ar-EG" dir="rtl">/);
  });

  it('shows the classification at the top and the bottom, and the cover note above the briefing', () => {
    const banners = [...html.matchAll(/<p role="note" aria-label="Classification"[^>]*>UNCLASSIFIED<\/p>/g)];
    expect(banners).toHaveLength(2);
    const text = htmlToText(html);
    expect(text.indexOf('UNCLASSIFIED')).toBeLessThan(text.indexOf('Colleagues'));
    expect(text.indexOf('Colleagues')).toBeLessThan(text.indexOf('Port Access Talks'));
    expect(text.lastIndexOf('UNCLASSIFIED')).toBeGreaterThan(text.indexOf('joint statement'));
  });

  it('has every word of the source and the note', () => {
    expect(missingWords(expectedWords(), htmlToText(html))).toEqual([]);
  });

  it('stays within the 80 KB budget for the seed, and says so when a body does not', () => {
    const seedHtml = emailBody(seed()).html;
    expect(Buffer.byteLength(seedHtml)).toBeLessThan(HTML_BUDGET_BYTES);
    const long = seed();
    long.sections = Array.from({ length: 100 }, (_, i) => ({ ...long.sections[i % long.sections.length]!, id: `s${i}` }));
    const warnings: string[] = [];
    emailBody(long, loadTheme('default'), warnings);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^email: the HTML body is \d+ KB, over the 80 KB past which Gmail may clip it; the attached PDF and Word file carry all of it$/);
  });
});

describe('email body (plain-text part)', () => {
  const { text } = emailBody(readoutBriefing());

  it('has every word of the source and the note', () => {
    expect(missingWords(expectedWords(), text)).toEqual([]);
  });

  it('underlines headings, writes links as text <url>, and never wraps a paragraph', () => {
    expect(text).toContain('Port Access Talks with the Republic of Alpha\n============================================\n');
    expect(text).toContain('\nPorts and shipping\n------------------\n');
    expect(text).toContain('\nPort calls by country\n~~~~~~~~~~~~~~~~~~~~~\n');
    expect(text).toContain('the published agreement <https://example.org/agreement>.');
    expect(text).toContain('Questions to the press desk <mailto:desk@example.org>.');
    expect(text).toContain('Deputy Spokesperson Ada Example met Minister Bo Sample in Geneva to discuss port access, shipping safety and old new inspection rules under Annex 4, and the published agreement <https://example.org/agreement>.\n');
  });

  it('writes lists, tasks, quotes, tables, code and pictures as plain text does', () => {
    expect(text).toContain('1. Alpha reopens its northern port\n2. Beta follows in the autumn\n   * with night pilots\n   * and a new tug service\n3. Inspections are published monthly');
    expect(text).toContain('- [x] Schedule agreed\n- [ ] Pilots trained');
    expect(text).toContain('> The minister noted that');
    expect(text).toContain('| Country | Ports | Share |\n| --- | --- | --- |\n| Alpha (ALP) | 4 | 30 % |');
    expect(text).toContain('    schedule --port north --from 2025-06-01');
    expect(text).toContain('[Picture: A bar chart of port calls by country: Beta has the most]\nPort calls, 2024');
  });

  it('starts and ends with the classification', () => {
    expect(text.startsWith('UNCLASSIFIED\n\n')).toBe(true);
    expect(text.endsWith('\n\nUNCLASSIFIED\n')).toBe(true);
  });
});
