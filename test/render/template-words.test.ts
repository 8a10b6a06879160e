/**
 * The template's words and the briefing's: `organisation`/`organization`, `footer` (or `footer: none`) and `header`
 * in the front matter replace the template's in all three formats, and the default template adds no words of its own
 * (no organisation, no footer line) to a briefing that gives none.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { clientsAvailable } from '../support/clients.js';
import { parse } from '../support/parse.js';
import { pdfText } from '../support/pdf.js';
import { buildInMemory } from '../support/sweep.js';
import { docxText, htmlToText } from '../support/words.js';

async function texts(markdown: string): Promise<Record<'pdf' | 'docx' | 'html', string>> {
  const built = await buildInMemory(markdown);
  if (built.kind !== 'built') throw new Error(JSON.stringify(built));
  const pdf = join(mkdtempSync(join(tmpdir(), 'briefing-words-')), 'x.pdf');
  writeFileSync(pdf, built.outputs.get('pdf')!);
  return {
    pdf: pdfText(pdf),
    docx: await docxText(built.outputs.get('docx')!),
    html: htmlToText(new TextDecoder().decode(built.outputs.get('html')!)),
  };
}

const BODY = 'A public readout of a public meeting.\n\n## The Meeting\n\nThe two sides met.\n';

describe.skipIf(!clientsAvailable('pdftotext'))('words of the template and of the briefing', () => {
  it('the default template adds no organisation and no footer line of its own', async () => {
    for (const text of Object.values(await texts(`---\ntitle: A Public Readout\n---\n\n${BODY}`))) {
      expect(text).not.toContain('Office of Press and Public Diplomacy');
      expect(text).not.toContain('For official use');
    }
  });

  it('organization (either spelling), footer and header in the front matter replace the template\'s in every format', async () => {
    const source = `---\ntitle: A Public Readout\ntemplate: embassy\norganization: Office of the Spokesperson\nfooter: Released to the press on arrival.\nheader: Readout\n---\n\n${BODY}`;
    for (const [format, text] of Object.entries(await texts(source))) {
      expect(text, format).toContain('Office of the Spokesperson');
      expect(text, format).not.toContain('Embassy Political Section');
      expect(text, format).toContain('Released to the press on arrival.');
      expect(text.toUpperCase(), format).toContain('READOUT');
    }
  });

  it('footer: none leaves the template\'s footer line out', async () => {
    const withLine = await texts(`---\ntitle: A Public Readout\ntemplate: embassy\n---\n\n${BODY}`);
    const without = await texts(`---\ntitle: A Public Readout\ntemplate: embassy\nfooter: none\n---\n\n${BODY}`);
    const line = "Not for onward distribution without the Embassy's consent.";
    for (const format of ['pdf', 'docx', 'html'] as const) {
      expect(withLine[format], format).toContain(line);
      expect(without[format], format).not.toContain(line);
    }
  });
});

it('a briefing with no footer words draws no footer rule in any format, as the layout sets no footer rows', async () => {
  const built = await buildInMemory(`---\ntitle: A Public Readout\n---\n\n${BODY}`);
  if (built.kind !== 'built') throw new Error(JSON.stringify(built));
  const html = new TextDecoder().decode(built.outputs.get('html')!);
  expect(html).not.toContain('class="foot-line"');
  expect(html).not.toContain('<footer>');
  const docx = unzipSync(built.outputs.get('docx')!);
  const footers = Object.entries(docx).filter(([name]) => /^word\/footer\d*\.xml$/.test(name));
  expect(footers).toHaveLength(1);
  expect(strFromU8(footers[0]![1])).not.toMatch(/<w:tbl>|<w:top /);
  // With words, the rule is back in both.
  const signed = await buildInMemory(`---\ntitle: A Public Readout\nprepared_by: The Desk\n---\n\n${BODY}`);
  if (signed.kind !== 'built') throw new Error(JSON.stringify(signed));
  expect(new TextDecoder().decode(signed.outputs.get('html')!)).toContain('class="foot-line"');
  const signedFooter = Object.entries(unzipSync(signed.outputs.get('docx')!)).find(([name]) => /^word\/footer\d*\.xml$/.test(name))![1];
  expect(strFromU8(signedFooter)).toMatch(/<w:top /);
});

it('footer parts too long to share a line are set one under the other in the DOCX too, as the layout set them', async () => {
  const long = 'Press Office, Bureau of Economic Affairs, with the Regional Desks';
  const footerOf = async (markdown: string): Promise<string> => {
    const built = await buildInMemory(markdown);
    if (built.kind !== 'built') throw new Error(JSON.stringify(built));
    return strFromU8(Object.entries(unzipSync(built.outputs.get('docx')!)).find(([name]) => /^word\/footer\d*\.xml$/.test(name))![1]);
  };
  const stacked = await footerOf(`---\ntitle: A Public Readout\nprepared_by: ${long}\ndistribution: Press office; Regional embassies; Public affairs sections\nsource: Internal planning notes for the launch week\n---\n\n${BODY}`);
  expect(stacked).not.toContain('<w:tbl>');
  expect(stacked).toMatch(/<w:jc w:val="left"\/>[\s\S]*Prepared by[\s\S]*<w:jc w:val="right"\/>[\s\S]*Source:/);
  const oneLine = await footerOf(`---\ntitle: A Public Readout\nprepared_by: The Desk\nsource: Notes\n---\n\n${BODY}`);
  expect(oneLine).toContain('<w:tbl>');
  // The template's footer line alone: one line under the rule, as the layout sets it, not an empty row above it.
  const lineOnly = await footerOf(`---\ntitle: A Public Readout\nfooter: Released to the press on arrival.\n---\n\n${BODY}`);
  expect(lineOnly).not.toContain('<w:tbl>');
  expect(lineOnly).toMatch(/<w:top [^>]*\/>[\s\S]*<w:jc w:val="center"\/>[\s\S]*Released to the press on arrival\./);
});

it('both spellings at once is an error at the second', () => {
  const { briefing, file } = parse('---\ntitle: T\norganisation: A\norganization: B\n---\n\nText.\n');
  expect(briefing).toBeNull();
  expect(file.messages.map(String)).toEqual(['/tmp/briefing-test/x.md:4:1: `organisation` and `organization` are the same field: keep one of them']);
});
