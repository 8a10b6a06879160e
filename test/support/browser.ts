/**
 * Chromium (the system one, driven by playwright-core) as the independent HTML reader: loads an output from disk with
 * every non-file request refused and counted, prints it, extracts its text, runs axe-core in the page.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

const require = createRequire(import.meta.url);

export const CHROMIUM_PATH = process.env.BRIEFING_CHROMIUM ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export interface OpenedPage {
  page: Page;
  /** Requests the page made for anything but the file itself and data: URLs (refused: the HTML must be self-contained). */
  outsideRequests: string[];
  /** Errors thrown by script in the page (there should be no script at all). */
  pageErrors: string[];
  dialogs: string[];
}

/** `bypassCSP` lets axe-core be injected into a page whose Content-Security-Policy (rightly) forbids script. */
export async function openHtml(browser: Browser, path: string, options: { bypassCSP?: boolean } = {}): Promise<OpenedPage> {
  const page = await browser.newPage({ bypassCSP: options.bypassCSP === true });
  const self = pathToFileURL(path).href;
  const outsideRequests: string[] = [];
  const pageErrors: string[] = [];
  const dialogs: string[] = [];
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url === self || url.startsWith('data:')) return route.continue();
    outsideRequests.push(url);
    return route.abort();
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(self, { waitUntil: 'load' });
  await inPage(page, 'document.fonts.ready.then(() => undefined)');
  return { page, outsideRequests, pageErrors, dialogs };
}

/** Prints as Chromium's print dialog would, honouring the document's @page size. */
export async function printToPdf(page: Page, path: string): Promise<void> {
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path, preferCSSPageSize: true, printBackground: true });
}

/**
 * Evaluates an expression in the page. Page code is passed as text: the project compiles without the DOM library, so
 * functions that touch `document` would not type-check here.
 */
export async function inPage<T>(page: Page, expression: string): Promise<T> {
  return (await page.evaluate(expression)) as T;
}

export function visibleText(page: Page): Promise<string> {
  return inPage<string>(page, 'document.body.innerText');
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core inside the page: WCAG 2.0/2.1 A and AA plus best practices. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  const tags = JSON.stringify(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']);
  return inPage<AxeViolation[]>(
    page,
    `axe.run(document, { runOnly: { type: 'tag', values: ${tags} } }).then((result) =>
      result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => JSON.stringify(n.target)) })))`,
  );
}

/** Well-formedness of XML by the browser's strict parser: the parser error text, or null when well-formed. */
export function xmlError(page: Page, xml: string): Promise<string | null> {
  return inPage<string | null>(
    page,
    `(() => {
      const doc = new DOMParser().parseFromString(${JSON.stringify(xml)}, 'application/xml');
      const error = doc.getElementsByTagName('parsererror')[0];
      return error ? (error.textContent || 'parser error') : null;
    })()`,
  );
}
