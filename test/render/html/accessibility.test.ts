/**
 * Real-client test: the HTML opened in headless Chromium (playwright-core) and checked with axe-core against
 * WCAG 2.1 A/AA and best practices, on a desktop window and on a phone, where nothing may scroll sideways.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Briefing } from '../../../src/model/briefing.js';
import { loadTheme } from '../../../src/theme/load.js';
import type { Theme } from '../../../src/theme/theme.js';
import { clientsAvailable } from '../../support/clients.js';
import { seed, sourceBriefing } from '../../support/sources.js';
import { render } from './helpers.js';

const available = clientsAvailable('chromium');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeResult {
  violations: Array<{ id: string; nodes: Array<{ target: unknown }> }>;
}

describe.skipIf(!available)('accessibility in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function check(briefing: Briefing, template: string | Theme, width: number): Promise<{ violations: string[]; scrollWidth: number }> {
    const html = await render(briefing, { theme: typeof template === 'string' ? loadTheme(template) : template });
    // The document forbids scripts by CSP; the test injects axe anyway, the reader's browser never would.
    const context = await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true, javaScriptEnabled: true });
    try {
      const page = await context.newPage();
      const requests: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith('data:') && !r.url().startsWith('about:')) requests.push(r.url());
      });
      await page.setContent(html, { waitUntil: 'load' });
      await page.evaluate(axeSource);
      // Strings, not functions: they run in the page, whose globals (axe, document) this Node project does not type.
      const result = (await page.evaluate(
        `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } })`,
      )) as AxeResult;
      const scrollWidth = (await page.evaluate('document.documentElement.scrollWidth')) as number;
      expect(requests).toEqual([]);
      return { violations: result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`), scrollWidth };
    } finally {
      await context.close();
    }
  }

  it('the seed briefing has no violations on a desktop window', async () => {
    expect((await check(seed(), 'default', 1100)).violations).toEqual([]);
  });

  it('the press guidance has no violations on a phone, and does not scroll sideways', async () => {
    const result = await check(sourceBriefing('press-guidance-ports.md'), 'default', 390);
    expect(result.violations).toEqual([]);
    expect(result.scrollWidth).toBeLessThanOrEqual(390);
  });

  it('the check itself sees a violation: footer text in a pale grey fails contrast', async () => {
    const pale: Theme = { ...loadTheme('default'), colours: { ...loadTheme('default').colours, muted: '#b0b0b0' } };
    const result = await check(seed(), pale, 1100);
    expect(result.violations.some((v) => v.startsWith('color-contrast'))).toBe(true);
  });

  it('the embassy template passes too (its own colours)', async () => {
    const b = sourceBriefing('press-guidance-ports.md');
    expect((await check(b, 'embassy', 1100)).violations).toEqual([]);
  });
});
