/**
 * The preview server: loopback only, reload script in the served copy only, events after a rebuild; a failed build
 * shown in the browser in place of the briefing until it builds again; briefings listed by title and date.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startPreview, withReload, type PreviewServer } from '../../src/watch/preview-server.js';
import { tinyPng } from '../support/png.js';

const CLI = join(import.meta.dirname, '../../dist/cli.js');

const PAGE = `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">\n<title>x</title>\n</head>\n<body><p>Hello</p></body>\n</html>\n`;

let server: PreviewServer | undefined;
let dir: string | undefined;
let child: ChildProcess | undefined;
afterEach(async () => {
  child?.kill('SIGTERM');
  child = undefined;
  await server?.close();
  server = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function until<T>(check: () => Promise<T | undefined> | T | undefined, ms: number, what: string): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Reads server-sent events until one of type `built` arrives; returns its data. */
async function nextBuiltEvent(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<string> {
  let text = '';
  while (!/event: built\ndata: .*\n/.test(text)) text += new TextDecoder().decode((await reader.read()).value);
  return /event: built\ndata: (.*)\n/.exec(text)![1]!;
}

const ERRORS = [
  "src/a.md:7:1: error: image \"chart.png\" not found (looked for /x/src/chart.png)",
  'src/a.md:1:1: warning: something else',
];

describe('preview', () => {
  it('serves the HTML with a reload script the file on disk does not have', async () => {
    dir = mkdtempSync(join(tmpdir(), 'briefing-preview-'));
    writeFileSync(join(dir, 'a.html'), PAGE);
    writeFileSync(join(dir, 'a.pdf'), '%PDF-1.7\n');
    writeFileSync(join(dir, '.briefing-cache.json'), '{}');
    server = await startPreview(dir, 0);
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);

    const index = await (await fetch(server.url)).text();
    expect(index).toContain('href="/a.html"');
    expect(index).toContain('href="/a.pdf"');

    const response = await fetch(`${server.url}a.html`);
    const html = await response.text();
    expect(html).toContain("new EventSource('/__events')");
    expect(html).toContain('<p>Hello</p>');
    // The document's own policy still holds, with the reload script let in by nonce.
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("img-src data:");
    expect(policy).toMatch(/script-src 'nonce-[^']+'/);
    expect(html).toMatch(new RegExp(`<script nonce="${/'nonce-([^']+)'/.exec(policy)![1]!.replace(/[+/=]/g, '\\$&')}">`));
    expect(readFileSync(join(dir, 'a.html'), 'utf8')).toBe(PAGE);

    expect((await fetch(`${server.url}a.pdf`)).headers.get('content-type')).toBe('application/pdf');
    expect((await fetch(`${server.url}.briefing-cache.json`)).status).toBe(404);
    expect((await fetch(`${server.url}..%2F..%2Fetc%2Fpasswd`)).status).toBe(404);
  });

  it('sends a built event to open pages', async () => {
    dir = mkdtempSync(join(tmpdir(), 'briefing-preview-'));
    server = await startPreview(dir, 0);
    const controller = new AbortController();
    const response = await fetch(`${server.url}__events`, { signal: controller.signal });
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const reader = response.body!.getReader();
    let text = '';
    await reader.read().then((r) => (text += new TextDecoder().decode(r.value)));
    server.notify(['a.html', 'a.pdf']);
    while (!text.includes('event: built')) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toContain('data: ["a.html","a.pdf"]');
    controller.abort();
  });

  it('adds the script to a page without a policy too', () => {
    const { html, policy } = withReload('<html><body>x</body></html>', 'x.html');
    expect(policy).toBeUndefined();
    expect(html).toMatch(/<script nonce="[^"]+">.*<\/script>\n<\/body>/);
  });
});

describe('preview of a failed build', () => {
  it('shows the messages on the index and in place of the page, tells the open page, and clears when it builds', async () => {
    dir = mkdtempSync(join(tmpdir(), 'briefing-preview-'));
    writeFileSync(join(dir, 'a.html'), PAGE);
    writeFileSync(join(dir, 'a.pdf'), '%PDF-1.7\n');
    server = await startPreview(dir, 0);
    const controller = new AbortController();
    const reader = (await fetch(`${server.url}__events`, { signal: controller.signal })).body!.getReader();
    await reader.read();

    server.update([{ name: 'a', source: 'src/a.md', failure: ERRORS }], []);
    expect(JSON.parse(await nextBuiltEvent(reader))).toEqual(expect.arrayContaining(['a.html', 'a.pdf']));
    const index = await (await fetch(server.url)).text();
    expect(index).toContain('<strong class="failed">src/a.md did not build</strong>');
    expect(index).toContain('src/a.md:7:1: error: image &#34;chart.png&#34; not found (looked for /x/src/chart.png)\nsrc/a.md:1:1: warning: something else');
    const page = await (await fetch(`${server.url}a.html`)).text();
    expect(page).toContain('<h1 class="failed">src/a.md did not build</h1>');
    expect(page).toContain('src/a.md:7:1: error: image &#34;chart.png&#34; not found (looked for /x/src/chart.png)');
    expect(page).not.toContain('<p>Hello</p>');
    // It reloads itself when the briefing is built again.
    expect(page).toContain(`includes("a.html"))location.reload()`);
    expect(await (await fetch(`${server.url}a.pdf`)).text()).toContain('src/a.md did not build');

    server.update([{ name: 'a', source: 'src/a.md', title: 'Budget talks', date: '2025-01-07' }], ['a.html', 'a.pdf']);
    expect(JSON.parse(await nextBuiltEvent(reader))).toEqual(expect.arrayContaining(['a.html', 'a.pdf']));
    expect(await (await fetch(`${server.url}a.html`)).text()).toContain('<p>Hello</p>');
    expect(await (await fetch(server.url)).text()).not.toContain('did not build');
    controller.abort();
  });

  it('lists briefings by title with their date, and other files apart', async () => {
    dir = mkdtempSync(join(tmpdir(), 'briefing-preview-'));
    for (const name of ['a.html', 'a.pdf', 'old.pdf']) writeFileSync(join(dir, name), 'x');
    server = await startPreview(dir, 0);
    server.update([{ name: 'a', source: 'src/a.md', title: 'Budget talks & next steps', date: '2025-01-07' }], []);
    const index = await (await fetch(server.url)).text();
    expect(index).toContain(
      '<li><strong>Budget talks &#38; next steps</strong> <time datetime="2025-01-07">2025-01-07</time> — <a href="/a.html">HTML</a> · <a href="/a.pdf">PDF</a> <span class="source">src/a.md</span></li>',
    );
    expect(index).toContain('<h2>Other files in this folder</h2>\n<ul>\n<li><strong>old</strong> <a href="/old.pdf">PDF</a></li>');
  });
});

describe('briefing preview, end to end', () => {
  it('shows a broken source in the browser with file:line, and the briefing again once it is fixed', async () => {
    dir = mkdtempSync(join(tmpdir(), 'briefing-preview-'));
    const source = join(dir, 'a.md');
    const good = '---\ntitle: Budget talks\ndate: 2025-01-07\n---\n\nSummary words.\n\n## Section\n\nBody words.\n';
    writeFileSync(source, good);
    let stderr = '';
    child = spawn(process.execPath, [CLI, 'preview', dir, '--out', join(dir, 'out'), '--format', 'html', '--port', '0'], { env: { ...process.env, CI: 'true' } });
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const url = await until(() => /preview on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stderr)?.[1], 20_000, 'the preview address');
    expect(await (await fetch(url)).text()).toContain('<strong>Budget talks</strong> <time datetime="2025-01-07">2025-01-07</time>');

    writeFileSync(source, good.replace('Body words.', '![A chart](chart.png)'));
    const expected = `${source}:10:1: error: image &#34;chart.png&#34; not found (looked for ${join(dir, 'chart.png')})`;
    const page = await until(async () => {
      const text = await (await fetch(`${url}a.html`)).text();
      return text.includes('did not build') ? text : undefined;
    }, 10_000, 'the failure page');
    expect(page).toContain(expected);
    expect(await (await fetch(url)).text()).toContain(expected);

    writeFileSync(join(dir, 'chart.png'), tinyPng(40, 20));
    const fixed = await until(async () => {
      const text = await (await fetch(`${url}a.html`)).text();
      return text.includes('did not build') ? undefined : text;
    }, 10_000, 'the briefing again');
    expect(fixed).toContain('Budget talks');
    expect(fixed).toContain('<img');
  });
});
