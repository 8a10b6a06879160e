/** The preview server: loopback only, reload script in the served copy only, events after a rebuild. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startPreview, withReload, type PreviewServer } from '../../src/preview.js';

const PAGE = `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">\n<title>x</title>\n</head>\n<body><p>Hello</p></body>\n</html>\n`;

let server: PreviewServer | undefined;
let dir: string | undefined;
afterEach(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

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
