/**
 * `briefing preview`: serves the output folder on 127.0.0.1 with a page listing each briefing (title, date, links to
 * its HTML, PDF and DOCX), and reloads an open HTML briefing when it is rebuilt (server-sent events). A briefing whose
 * build failed is served as its messages instead, until it builds again. The reload script is added to the copy
 * sent to the browser only; the file on disk stays the self-contained document a reader gets.
 */
import { randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, extname, resolve, sep } from 'node:path';
import { listenError } from '../io/environment.js';
import { failurePage, indexPage, type PreviewBriefing } from './preview-pages.js';

export interface PreviewServer {
  url: string;
  /** Tells open pages which output files changed (names like `x.html`); the index reloads on any. */
  notify(names: readonly string[]): void;
  /**
   * After a round: the briefings as they now are, and the output files it wrote. A briefing whose build failed is
   * shown as its messages in place of its outputs until it builds again; open pages that changed reload.
   */
  update(briefings: readonly PreviewBriefing[], written: readonly string[]): void;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
};

const CSP_META = /<meta\s+http-equiv=["']?Content-Security-Policy["']?\s+content=(?:"([^"]*)"|'([^']*)')\s*\/?>/i;

function reloadScript(nonce: string, page: string): string {
  return `<script nonce="${nonce}">new EventSource('/__events').addEventListener('built',(e)=>{const n=JSON.parse(e.data);if(${JSON.stringify(page)}===''||n.includes(${JSON.stringify(page)}))location.reload();});</script>`;
}

/**
 * The document's own policy, moved from its meta tag to a header, with one change: the reload script (by nonce) and
 * its event stream are allowed. Everything else the page may or may not load stays as the reader would get it.
 */
function servedPolicy(policy: string, nonce: string): string {
  const directives = new Map<string, string>();
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), values.join(' '));
  }
  directives.set('script-src', `'nonce-${nonce}'`);
  directives.set('connect-src', "'self'");
  return [...directives].map(([name, value]) => `${name} ${value}`.trim()).join('; ');
}

/** Adds the reload script; returns the page and the policy header it needs (if the page had one). */
export function withReload(html: string, page: string): { html: string; policy?: string } {
  const nonce = randomBytes(12).toString('base64');
  const meta = CSP_META.exec(html);
  let out = meta ? html.replace(meta[0], '') : html;
  const script = reloadScript(nonce, page);
  out = /<\/body>/i.test(out) ? out.replace(/<\/body>/i, `${script}\n</body>`) : `${out}${script}`;
  return meta ? { html: out, policy: servedPolicy(meta[1] ?? meta[2] ?? '', nonce) } : { html: out };
}

/** The output folder's files as the index lists them: not its dot-files (the cache, temporary writes). */
async function listFiles(outDir: string): Promise<string[]> {
  try {
    return (await readdir(outDir)).filter((n) => !n.startsWith('.')).sort();
  } catch {
    return []; // No output yet: an empty list until the first build lands.
  }
}

export async function startPreview(outDir: string, port = 4173): Promise<PreviewServer> {
  const root = resolve(outDir);
  const clients = new Set<ServerResponse>();
  let briefings: readonly PreviewBriefing[] | undefined;
  /** Briefings whose last build failed, by output name (the first source to claim a name keeps it). */
  let failed = new Map<string, PreviewBriefing>();

  const send = (res: ServerResponse, status: number, type: string, body: string | Uint8Array, headers: Record<string, string> = {}): void => {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
    res.end(body);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    if (path === '/__events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': connected\n\n');
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    if (path === '/') {
      const page = withReload(indexPage(outDir, await listFiles(root), briefings), '');
      send(res, 200, TYPES['.html']!, page.html);
      return;
    }
    const file = resolve(root, `.${path}`);
    // Only files directly in the output folder, none of its dot-files (the cache, temporary writes).
    if (!file.startsWith(root + sep) || file.slice(root.length + 1).includes(sep) || basename(file).startsWith('.')) {
      send(res, 404, 'text/plain; charset=utf-8', 'not found\n');
      return;
    }
    const failure = failed.get(basename(file, extname(file)));
    if (failure) {
      // Not the last good build's file: the reader would take it for the current one.
      send(res, 200, TYPES['.html']!, withReload(failurePage(failure), basename(file)).html);
      return;
    }
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch {
      send(res, 404, 'text/plain; charset=utf-8', 'not found\n');
      return;
    }
    const ext = extname(file).toLowerCase();
    if (ext === '.html') {
      const page = withReload(bytes.toString('utf8'), basename(file));
      send(res, 200, TYPES['.html']!, page.html, page.policy ? { 'content-security-policy': page.policy } : {});
      return;
    }
    send(res, 200, TYPES[ext] ?? 'application/octet-stream', bytes);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => send(res, 500, 'text/plain; charset=utf-8', `${(error as Error).message}\n`));
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', (error) => reject(listenError(error, port) ?? error));
    // Loopback only: drafts are not for the network.
    server.listen(port, '127.0.0.1', () => resolveListen());
  });
  const address = server.address() as AddressInfo;
  const notify = (names: readonly string[]): void => {
    const data = `event: built\ndata: ${JSON.stringify(names)}\n\n`;
    for (const client of clients) client.write(data);
  };
  return {
    url: `http://127.0.0.1:${address.port}/`,
    notify,
    update(next, written) {
      const before = failed;
      failed = new Map();
      for (const briefing of next) if (briefing.failure && !failed.has(briefing.name)) failed.set(briefing.name, briefing);
      const changed = new Set(written);
      // A page that starts or stops failing, or fails differently, reloads to show it.
      for (const name of new Set([...before.keys(), ...failed.keys()])) {
        if (JSON.stringify(before.get(name)?.failure) !== JSON.stringify(failed.get(name)?.failure)) {
          for (const ext of ['.html', '.pdf', '.docx', '.json']) changed.add(name + ext);
        }
      }
      const listed = JSON.stringify(briefings);
      briefings = next;
      // The index reloads on any event: send one when only the list changed (a new source, a title).
      if (changed.size > 0 || listed !== JSON.stringify(next)) notify([...changed]);
    },
    close() {
      for (const client of clients) client.end();
      clients.clear();
      return new Promise((done) => server.close(() => done()));
    },
  };
}

