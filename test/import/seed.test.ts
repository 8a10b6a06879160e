/**
 * The issue's own example: the article the first briefing was made from (shared/seeds/, beside the repository, as
 * CI lays it out) imported and built in one command. Its six headings become the six `##` sections, every word of
 * the article stays in the body (read by marked, not by our parser), the date, place and both principals with their
 * roles are in the front matter, and the PDF, the DOCX (laid out by LibreOffice) and the HTML (printed by Chromium)
 * are one page each.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, openHtml, printToPdf } from '../support/browser.js';
import { clientsAvailable } from '../support/clients.js';
import { runCli, type CliRun } from '../support/cli.js';
import { docxToPdf } from '../support/office.js';
import { pdfPages } from '../support/pdf.js';
import { sourceWords, splitFrontMatter, words } from '../support/words.js';
import { parseBriefing } from '../../src/parse/index.js';
import { ROOT } from './support.js';

const SEED_NAME = '000_bab678800cce4c5d.txt';

/** shared/seeds/ in the first folder up from the repository that has it (CI: `../shared`; a worktree: further up). */
function findSeed(): string {
  for (let dir = ROOT; ; dir = dirname(dir)) {
    const candidate = join(dir, 'shared', 'seeds', SEED_NAME);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new Error(`shared/seeds/${SEED_NAME} is not beside the repository or above it`);
  }
}

const SEED = findSeed();
const HEADINGS = [
  'A Partnership for Global Leadership',
  'Strengthening Trilateral Cooperation with South Korea',
  'Security Concerns: China’s Destabilizing Behavior and Taiwan Strait Tensions',
  'Reaffirming U.S. Commitment to Japan’s Defense',
  'Economic Ties and Future Collaboration',
  'A Shared Vision for the Future',
];
const NAME = '2025-01-07-blinken-ishiba-meeting';

let work: string;
let run: CliRun;
let source: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'briefing-import-seed-'));
  run = runCli(['import', SEED, '-o', work, '--build'], { cwd: work, env: { SOURCE_DATE_EPOCH: '1735689600' } });
  source = readFileSync(join(work, `${NAME}.md`), 'utf8');
});

describe('briefing import SEED --build', () => {
  it('writes the source, prints its findings and builds it (exit 0)', () => {
    expect(run.stderr).not.toMatch(/: (error|warning): /);
    expect(run.status, run.stderr).toBe(0);
    expect(readdirSync(work).sort()).toEqual([`.briefing-cache.json`, `${NAME}.docx`, `${NAME}.html`, `${NAME}.md`, `${NAME}.pdf`]);
    const lines = run.stdout.trim().split('\n');
    const target = join(work, `${NAME}.md`);
    expect(lines.slice(0, 6)).toEqual([
      `${target}:2:1: guessed: title “Blinken–Ishiba Meeting”, line 1 of ${SEED} (made from the names of the first two participants; the text has no title line)`,
      `${target}:3:1: guessed: kind “Readout”, line 1 of ${SEED}: “meeting”`,
      `${target}:4:1: guessed: date “2025-01-07”, line 1 of ${SEED}: “January 7, 2025”`,
      `${target}:5:1: guessed: location “Tokyo”, line 1 of ${SEED}: “in Tokyo”`,
      `${target}:7:1: guessed: participants “Antony J. Blinken, U.S. Secretary of State”, line 1 of ${SEED}: “U.S. Secretary of State Antony J. Blinken”`,
      `${target}:9:1: guessed: participants “Ishiba Shigeru, Japanese Prime Minister”, line 1 of ${SEED}: “Japanese Prime Minister Ishiba Shigeru”`,
    ]);
    expect(lines.filter((l) => l.includes(': found: section heading'))).toHaveLength(6);
    expect(lines.at(-1)).toBe(`imported ${SEED} → ${target}`);
  });

  it('has the front matter the text supports, each field with the comment saying where it came from', () => {
    const { briefing, file } = parseBriefing(source, join(work, `${NAME}.md`));
    expect(file.messages.map(String)).toEqual([]);
    expect(briefing!.meta).toMatchObject({
      title: 'Blinken–Ishiba Meeting',
      kind: 'Readout',
      date: '2025-01-07',
      location: 'Tokyo',
      participants: [
        { name: 'Antony J. Blinken', role: 'U.S. Secretary of State' },
        { name: 'Ishiba Shigeru', role: 'Japanese Prime Minister' },
      ],
    });
    expect(source).toContain('\ndate: 2025-01-07 # guessed from line 1: "January 7, 2025"\n');
    expect(briefing!.sections.map((s) => s.title.map((t) => ('value' in t ? t.value : '')).join(''))).toEqual(HEADINGS);
  });

  it('keeps every word of the article in the body, as marked reads it', () => {
    const article = readFileSync(SEED, 'utf8');
    const expected = [...new Set(words(article))];
    expect(expected.length).toBeGreaterThan(300);
    const body = new Set(sourceWords(splitFrontMatter(source).body));
    expect(expected.filter((w) => !body.has(w))).toEqual([]);
  });

  describe.skipIf(!clientsAvailable('pdfinfo', 'soffice', 'chromium'))('one page in every format', () => {
    let browser: Browser | undefined;
    afterAll(async () => {
      await browser?.close();
    });

    it('PDF: one page', () => {
      expect(pdfPages(join(work, `${NAME}.pdf`))).toBe(1);
    });

    it('DOCX: one page in LibreOffice', () => {
      const [pdf] = docxToPdf([join(work, `${NAME}.docx`)], join(work, 'libreoffice'));
      expect(pdfPages(pdf!)).toBe(1);
    });

    it('HTML: prints as one page in Chromium', async () => {
      browser = await launchChromium();
      const opened = await openHtml(browser, join(work, `${NAME}.html`));
      const pdf = join(work, 'chromium.pdf');
      await printToPdf(opened.page, pdf);
      expect(pdfPages(pdf)).toBe(1);
    });
  });
});
