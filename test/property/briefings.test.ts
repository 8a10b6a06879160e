/**
 * Property: random briefings from a small Markdown grammar (headings, paragraphs, nested lists, tables, quotes, links,
 * emphasis, text in several scripts, the invisible and space characters pasted text carries, CRLF line ends) build
 * in all three formats without throwing, every output is valid (the PDF passes qpdf --check, every DOCX part is well-formed XML, the HTML loads and fetches nothing), and every source word
 * survives in each. 25 runs by default (BRIEFING_PROPERTY_RUNS to change); a failure prints fast-check's seed and path,
 * and BRIEFING_PROPERTY_SEED replays it (CI uses a fixed seed; see SEED below).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8 } from 'fflate';
import fc from 'fast-check';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocument } from '../../src/build/build.js';
import { launchChromium, openHtml, visibleText, xmlError } from '../support/browser.js';
import { clientsAvailable } from '../support/clients.js';
import { pdfText, qpdfCheck } from '../support/pdf.js';
import { unzip } from '../support/safety.js';
import { docxText, missingWords, sourceWords } from '../support/words.js';

const RUNS = Number(process.env.BRIEFING_PROPERTY_RUNS ?? 25);
/**
 * CI replays one fixed seed, so a landing is never decided by the luck of the draw; elsewhere every run explores new
 * briefings. BRIEFING_PROPERTY_SEED=N replays a printed seed, =random explores in CI too.
 */
const FIXED_CI_SEED = 20261127;
const SEED_SETTING = process.env.BRIEFING_PROPERTY_SEED;
const SEED =
  SEED_SETTING === 'random' ? undefined : SEED_SETTING ? Number(SEED_SETTING) : process.env.CI === 'true' ? FIXED_CI_SEED : undefined;

// ---------------------------------------------------------------------------------------------------------------
// The grammar. Words are letters only, so that marked and remark cannot disagree about what is syntax.

const LATIN = 'abcdefghijklmnopqrstuvwxyzéèüößñçåøæœ'.split('');
const GREEK = 'αβγδεζηθικλμνξοπρστυφχψω'.split('');
const CYRILLIC = 'абвгдежзийклмнопрстуфхцчшщыэюя'.split('');
const KANA_KANJI = 'あいうえおかきくけこ日本語東京会議外務省'.split('');

const latinWord = fc.array(fc.constantFrom(...LATIN), { minLength: 1, maxLength: 11 }).map((l) => l.join(''));
const wordArb = fc.oneof(
  { weight: 8, arbitrary: latinWord },
  { weight: 2, arbitrary: latinWord.map((w) => w[0]!.toUpperCase() + w.slice(1)) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...GREEK), { minLength: 2, maxLength: 8 }).map((l) => l.join('')) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...CYRILLIC), { minLength: 2, maxLength: 8 }).map((l) => l.join('')) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...KANA_KANJI), { minLength: 2, maxLength: 5 }).map((l) => l.join('')) },
  // Combining marks: a base letter and an accent written as two code points.
  { weight: 1, arbitrary: fc.tuple(latinWord, fc.constantFrom('\u0301', '\u0308', '\u0327')).map(([w, mark]) => `${w}${mark}`) },
);
/**
 * What text pasted from a web page or Word carries between and inside words: no-break, narrow no-break, thin and
 * ideographic spaces, zero-width spaces and joiners, soft hyphens, word joiners, byte-order marks, tabs, and sentence
 * spacing written as a no-break space then a space.
 */
const SEPARATORS = [' ', ' ', ' ', '\u00A0', '\u202F', '\u2009', '\u3000', '\t', '\u00A0 ', ' \u200B'];
const INSIDE_WORDS = ['\u200B', '\u200C', '\u200D', '\u00AD', '\u2060', '\uFEFF'];
const pastedWord = fc.oneof(
  { weight: 6, arbitrary: wordArb },
  { weight: 1, arbitrary: fc.tuple(latinWord, fc.constantFrom(...INSIDE_WORDS), latinWord).map(([a, inside, b]) => `${a}${inside}${b}`) },
);
const wordsOf = (word: fc.Arbitrary<string>) => (min: number, max: number): fc.Arbitrary<string> =>
  fc
    .tuple(fc.array(word, { minLength: min, maxLength: max }), fc.array(fc.constantFrom(...SEPARATORS), { minLength: max, maxLength: max }))
    .map(([w, separators]) => w.map((part, i) => (i === 0 ? part : `${separators[i]}${part}`)).join(''));
const words = wordsOf(pastedWord);
/**
 * Table cells take the pasted spaces but not the joined words: two words joined by a zero-width character are one
 * word of up to 23 letters, and a three-column table of those in a half-page column breaks words letter by letter
 * (a table too wide for its column: issue 12, which sets such a table across the page).
 */
const cellWords = wordsOf(wordArb);

const inline: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: words(1, 6) },
  { weight: 1, arbitrary: words(1, 3).map((t) => `**${t}**`) },
  { weight: 1, arbitrary: words(1, 3).map((t) => `*${t}*`) },
  { weight: 1, arbitrary: fc.tuple(words(1, 3), latinWord).map(([t, path]) => `[${t}](https://example.org/${path})`) },
  { weight: 1, arbitrary: latinWord.map((t) => `\`${t}\``) },
);
const sentence = fc.array(inline, { minLength: 1, maxLength: 4 }).map((parts) => `${parts.join(' ')}.`);
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 3 }).map((s) => s.join(' '));

function list(depth: number): fc.Arbitrary<string> {
  const item = depth < 3 ? fc.tuple(sentence, fc.option(fc.constant(null).chain(() => list(depth + 1)), { freq: 4 })) : fc.tuple(sentence, fc.constant(null));
  return fc.tuple(fc.boolean(), fc.array(item, { minLength: 1, maxLength: 3 })).map(([ordered, items]) =>
    items
      .map(([text, sub], i) => {
        const marker = ordered ? `${i + 1}. ` : '- ';
        const indent = ' '.repeat(marker.length);
        const nested = sub ? `\n${sub.split('\n').map((l) => indent + l).join('\n')}` : '';
        return `${marker}${text}${nested}`;
      })
      .join('\n'),
  );
}

const table = fc.integer({ min: 2, max: 3 }).chain((cols) =>
  fc.tuple(fc.array(cellWords(1, 2), { minLength: cols, maxLength: cols }), fc.array(fc.array(cellWords(1, 3), { minLength: cols, maxLength: cols }), { minLength: 1, maxLength: 3 })).map(
    ([header, rows]) => [`| ${header.join(' | ')} |`, `|${' --- |'.repeat(cols)}`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n'),
  ),
);

const block = fc.oneof(
  { weight: 4, arbitrary: paragraph },
  { weight: 2, arbitrary: list(1) },
  { weight: 1, arbitrary: table },
  { weight: 1, arbitrary: paragraph.map((p) => `> ${p}`) },
  { weight: 1, arbitrary: words(1, 4).map((t) => `### ${t}`) },
);

const section = fc.tuple(words(1, 4), fc.array(block, { minLength: 1, maxLength: 3 })).map(([title, blocks]) => `## ${title}\n\n${blocks.join('\n\n')}`);

export const briefingSource = fc
  .tuple(fc.array(fc.constantFrom(...LATIN.slice(0, 26)), { minLength: 3, maxLength: 12 }), paragraph, fc.array(section, { minLength: 1, maxLength: 3 }), fc.boolean())
  .map(([title, lede, sections, crlf]) => {
    const source = `---\ntitle: Briefing ${title.join('')}\n---\n\n${lede}\n\n${sections.join('\n\n')}\n`;
    return crlf ? source.replace(/\n/g, '\r\n') : source; // saved on Windows
  });

// ---------------------------------------------------------------------------------------------------------------

const haveClients = clientsAvailable('qpdf', 'pdftotext', 'chromium');
let browser: Browser | undefined;
let xmlPage: Page | undefined;

describe.skipIf(!haveClients)('random briefings', () => {
  beforeAll(async () => {
    browser = await launchChromium();
    xmlPage = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it(`build valid PDF, DOCX and HTML that keep every word (${RUNS} runs)`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefing-property-'));
    let n = 0;
    await fc.assert(
      fc.asyncProperty(briefingSource, async (markdown) => {
        const name = `random-${n++}`;
        const source = join(dir, `${name}.md`);
        writeFileSync(source, markdown);
        const result = await buildDocument(source, { outDir: dir, formats: ['pdf', 'docx', 'html'], allowOverflow: true, buildDate: new Date('2025-01-01T00:00:00Z') });
        expect(result.ok, result.file.messages.map(String).join('\n')).toBe(true);
        const expected = sourceWords(markdown);

        const pdf = join(dir, `${name}.pdf`);
        const check = qpdfCheck(pdf);
        expect(check.ok, check.output).toBe(true);
        expect(missingWords(expected, pdfText(pdf)), 'PDF').toEqual([]);

        const docxBytes = readFileSync(join(dir, `${name}.docx`));
        const parts = unzip(new Uint8Array(docxBytes));
        expect(Object.keys(parts)).toContain('word/document.xml');
        for (const [part, bytes] of Object.entries(parts)) {
          if (!/\.(xml|rels)$/.test(part)) continue;
          expect(await xmlError(xmlPage!, strFromU8(bytes)), part).toBeNull();
        }
        expect(missingWords(expected, await docxText(new Uint8Array(docxBytes))), 'DOCX').toEqual([]);

        const opened = await openHtml(browser!, join(dir, `${name}.html`));
        try {
          expect(opened.outsideRequests).toEqual([]);
          expect(opened.pageErrors).toEqual([]);
          expect(missingWords(expected, await visibleText(opened.page)), 'HTML').toEqual([]);
        } finally {
          await opened.page.close();
        }
      }),
      { numRuns: RUNS, ...(SEED !== undefined ? { seed: SEED } : {}), endOnFailure: true },
    );
  }, 600_000);
});
