/**
 * Every example of the CommonMark specification (the `commonmark-spec` package: 652 inputs written by the spec's
 * authors, not by us), each built as a briefing in all three formats. Each one builds, or is refused with an error at
 * `path:line:column`; none may crash. The words of an example that built must be in the PDF (pdftotext), the DOCX
 * (mammoth) and the HTML: the words the independent `marked` parser reads, where the spec's own expected HTML has them
 * too (where marked departs from the spec, as in `[a](<b)c`, the spec decides what the text is).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import commonmark from 'commonmark-spec';
import { describe, expect, it } from 'vitest';
import { clientsAvailable } from '../support/clients.js';
import { pdfText } from '../support/pdf.js';
import { buildInMemory } from '../support/sweep.js';
import { docxText, htmlToText, missingWords, sourceWords, words } from '../support/words.js';

interface Example {
  number: number;
  section: string;
  markdown: string;
  html: string;
}
const EXAMPLES: readonly Example[] = commonmark.tests;

function asBriefing(example: Example): string {
  return `---\ntitle: CommonMark example ${example.number}\n---\n\n${example.markdown}`;
}

/** Words the example has by both readings: marked's, and the text of the HTML the spec expects. */
function expectedWords(example: Example, source: string): string[] {
  const spec = new Set(words(htmlToText(example.html)));
  return sourceWords(source).filter((w) => spec.has(w) || w === 'commonmark' || w === 'example' || w === String(example.number));
}

describe.skipIf(!clientsAvailable('pdftotext'))('the CommonMark specification as briefings', () => {
  it(`${EXAMPLES.length} examples build or are refused with a place, and keep every word`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefing-commonmark-'));
    const problems: string[] = [];
    let built = 0;
    let refused = 0;
    for (const example of EXAMPLES) {
      const source = asBriefing(example);
      const outcome = await buildInMemory(source);
      const name = `example ${example.number} (${example.section}) ${JSON.stringify(example.markdown)}`;
      if (outcome.kind === 'internal') {
        problems.push(`${name}: internal error: ${outcome.error.split('\n')[0]}`);
        continue;
      }
      if (outcome.kind === 'refused') {
        refused++;
        continue;
      }
      built++;
      const expected = expectedWords(example, source);
      const pdf = join(dir, `${example.number}.pdf`);
      writeFileSync(pdf, outcome.outputs.get('pdf')!);
      const texts = {
        pdf: pdfText(pdf),
        docx: await docxText(outcome.outputs.get('docx')!),
        html: htmlToText(new TextDecoder().decode(outcome.outputs.get('html')!)),
      };
      for (const [format, text] of Object.entries(texts)) {
        const missing = missingWords(expected, text);
        if (missing.length > 0) problems.push(`${name}: ${format} lacks ${JSON.stringify(missing)}`);
      }
    }
    console.info(`CommonMark spec: ${built} examples built, ${refused} refused with a place, of ${EXAMPLES.length}`);
    expect(problems).toEqual([]);
    expect(built).toBeGreaterThan(EXAMPLES.length * 0.9);
  }, 600_000);
});
