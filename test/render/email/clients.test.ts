/**
 * Real-client tests of the email body: headless Chromium at 600 px and at a phone's 375 px, and again with every
 * <style> and class removed (what Gmail and Outlook do to mail): no sideways scrolling, no text under 13 px, every
 * word, axe-core clean; and the Nu HTML checker (vnu-jar on Debian's Java) reports no error.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inPage, launchChromium } from '../../support/browser.js';
import { clientsAvailable } from '../../support/clients.js';
import { emailBody, expectedWords, readoutBriefing, resolveCids, stripStylesAndClasses } from '../../support/email.js';
import { seed, SOURCE_DIR } from '../../support/sources.js';
import { missingWords, sourceWords } from '../../support/words.js';

const require = createRequire(import.meta.url);
const VNU_JAR = String(require('vnu-jar'));
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core: WCAG 2.0/2.1 A and AA and best practices, less the two rules that want the document's content inside
 * landmarks (a <main>): a mail client shows the body inside its own page, whose landmarks hold it, and a webmail
 * page with a second <main> is what those rules exist to prevent.
 */
async function axeViolations(page: import('playwright-core').Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  const tags = JSON.stringify(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']);
  return inPage<string[]>(
    page,
    `axe.run(document, { runOnly: { type: 'tag', values: ${tags} }, rules: { 'landmark-one-main': { enabled: false }, region: { enabled: false } } })
      .then((result) => result.violations.map((v) => v.id + ': ' + v.nodes.map((n) => JSON.stringify(n.target)).join(' ')))`,
  );
}

interface Measured {
  scrollWidth: number;
  smallText: string[];
  text: string;
  requests: string[];
}

describe.skipIf(!clientsAvailable('chromium'))('the email body in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function open(html: string, width: number): Promise<Measured & { violations: string[] }> {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    try {
      const page = await context.newPage();
      const requests: string[] = [];
      page.on('request', (r) => {
        if (!/^(data|about|cid):/.test(r.url())) requests.push(r.url());
      });
      await page.setContent(html, { waitUntil: 'load' });
      const measured = await inPage<Omit<Measured, 'requests'>>(
        page,
        `(() => {
          const smallText = [];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if (!node.textContent.trim()) continue;
            const size = parseFloat(getComputedStyle(node.parentElement).fontSize);
            if (size < 13) smallText.push(size + 'px: ' + node.textContent.trim().slice(0, 40));
          }
          return { scrollWidth: document.documentElement.scrollWidth, smallText, text: document.body.innerText };
        })()`,
      );
      const violations = await axeViolations(page);
      return { ...measured, requests, violations };
    } finally {
      await context.close();
    }
  }

  const cases = [
    { name: 'the email fixture', body: () => emailBody(readoutBriefing()), words: () => expectedWords() },
    { name: 'the seed', body: () => emailBody(seed()), words: () => sourceWords(readFileSync(`${SOURCE_DIR}2025-01-07-tokyo-readout.md`, 'utf8')) },
  ];
  for (const { name, body, words } of cases) {
    for (const width of [600, 375]) {
      for (const [stripped, blocked] of [[false, false], [true, false], [false, true]] as const) {
        const how = `${stripped ? ', styles and classes stripped' : ''}${blocked ? ', pictures blocked (as Outlook does until asked)' : ''}`;
        it(`${name} at ${width} px${how}: fits, is readable, has every word, passes axe`, async () => {
          const made = body();
          const html = blocked ? made.html : resolveCids(made);
          const result = await open(stripped ? stripStylesAndClasses(html) : html, width);
          expect(result.scrollWidth).toBeLessThanOrEqual(width);
          expect(result.smallText).toEqual([]);
          expect(result.requests).toEqual([]);
          expect(missingWords(words(), result.text)).toEqual([]);
          expect(result.violations).toEqual([]);
        });
      }
    }
  }
});

describe.skipIf(!clientsAvailable('java'))('the email body in the Nu HTML checker', () => {
  it('reports no error for the fixture or the seed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefing-vnu-'));
    const files = [
      ['fixture.html', emailBody(readoutBriefing()).html],
      ['seed.html', emailBody(seed()).html],
    ].map(([name, html]) => {
      const path = join(dir, name!);
      writeFileSync(path, html!);
      return path;
    });
    const out = execFileSync('java', ['-jar', VNU_JAR, '--format', 'json', '--stdout', '--exit-zero-always', ...files], { encoding: 'utf8', timeout: 120_000 });
    const messages = (JSON.parse(out) as { messages: { type: string; message: string; url: string; lastLine?: number }[] }).messages;
    expect(messages.filter((m) => m.type === 'error').map((m) => `${m.url.replace(/^.*\//, '')}:${m.lastLine}: ${m.message}`)).toEqual([]);
  });
});
