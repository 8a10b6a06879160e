/**
 * The render helper thread: renders the formats it is sent, one request at a time. It starts loading its renderers
 * (the docx library, HarfBuzz) the moment it starts, while the build's own thread is still parsing and fitting.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { rendererFor } from '../index.js';
import type { HelperData, RenderReply, RenderRequest } from './protocol.js';

const port = parentPort;
if (!port) throw new Error('the render helper must run in a worker thread');

const { preload } = workerData as HelperData;
// Loading errors surface again, with their message, when a request needs that renderer.
for (const format of preload) rendererFor(format).catch(() => {});

async function render(request: RenderRequest): Promise<RenderReply> {
  const warnings: string[] = [];
  try {
    const renderer = await rendererFor(request.format);
    const context = { buildDate: new Date(request.buildDate), toolVersion: request.toolVersion, warn: (m: string) => warnings.push(m) };
    const bytes = await renderer(request.briefing, request.layout, request.theme, context);
    return { id: request.id, ok: true, bytes, warnings };
  } catch (error) {
    return { id: request.id, ok: false, message: error instanceof Error ? error.message : String(error), warnings };
  }
}

// One at a time, in arrival order: the renderers share per-process caches and are not written to interleave.
let queue: Promise<void> = Promise.resolve();
port.on('message', (request: RenderRequest) => {
  queue = queue.then(async () => {
    const reply = await render(request);
    port.postMessage(reply, reply.ok ? [reply.bytes.buffer as ArrayBuffer] : []);
  });
});
