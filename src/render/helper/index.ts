/**
 * A second thread for a build in this process (one or a few documents on a machine with two or more cores). A cold
 * build spends most of its time loading code and warming it up; the PDF needs pdfkit, the DOCX the docx library,
 * the HTML HarfBuzz. The helper loads the DOCX and HTML renderers while this thread parses and fits, then renders
 * those formats while this thread draws the PDF. Batches in the worker pool do not use it: there every core is busy.
 *
 * Every renderer is a function of (briefing, layout, theme, context), all plain data, so the bytes are the same in
 * either thread. If the helper cannot start or dies, the formats it was asked for are rendered here instead.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Layout } from '../../layout/layout.js';
import type { Briefing } from '../../model/briefing.js';
import type { Theme } from '../../theme/theme.js';
import type { Format, RenderContext } from '../types.js';
import type { HelperData, RenderReply, RenderRequest } from './protocol.js';

/** What the helper takes: the formats whose libraries cost most to load besides pdfkit, which stays here. */
const HELPED: readonly Format[] = ['docx', 'html'];

export class HelperUnavailable extends Error {}

interface Pending {
  resolve(reply: RenderReply): void;
  reject(error: Error): void;
}

export class RenderHelper {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private broken: Error | undefined;

  private constructor(readonly formats: ReadonlySet<Format>) {
    const data: HelperData = { preload: [...formats] };
    this.worker = new Worker(new URL('./thread.js', import.meta.url), { workerData: data });
    // Idle, the helper must not keep the process alive; while a request is out, it must (see `render`).
    this.worker.unref();
    this.worker.on('message', (reply: RenderReply) => this.settle(reply));
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`the render helper stopped (exit code ${code})`)));
  }

  /**
   * A helper for a build of `formats`, or none when it would not help: one core, or nothing for this thread to do
   * beside it (a build of only DOCX and HTML has no PDF to draw here meanwhile).
   */
  static forBuild(formats: readonly Format[]): RenderHelper | undefined {
    if (availableParallelism() < 2 || process.env.BRIEFING_RENDER_HELPER === '0') return undefined;
    const helped = formats.filter((f) => HELPED.includes(f));
    if (helped.length === 0 || helped.length === formats.length) return undefined;
    try {
      return new RenderHelper(new Set(helped));
    } catch {
      return undefined;
    }
  }

  /** Whether this helper serves a build of `formats`. */
  serves(formats: readonly Format[]): boolean {
    const helped = formats.filter((f) => HELPED.includes(f));
    return !this.broken && helped.length === this.formats.size && helped.every((f) => this.formats.has(f));
  }

  takes(format: Format): boolean {
    return this.formats.has(format) && !this.broken;
  }

  /**
   * Renders in the helper. Resolves with the bytes, or rejects with the renderer's own error message; rejects with
   * `HelperUnavailable` when the helper itself failed, so the caller renders here instead.
   */
  async render(format: Format, briefing: Briefing, layout: Layout, theme: Theme, context: RenderContext): Promise<Uint8Array> {
    if (this.broken) throw new HelperUnavailable(this.broken.message);
    const id = this.nextId++;
    const request: RenderRequest = { id, format, briefing, layout, theme, buildDate: context.buildDate.getTime(), toolVersion: context.toolVersion };
    const reply = await new Promise<RenderReply>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      if (this.pending.size === 1) this.worker.ref();
      try {
        this.worker.postMessage(request);
      } catch (error) {
        this.pending.delete(id);
        reject(new HelperUnavailable((error as Error).message));
      }
    });
    for (const warning of reply.warnings) context.warn(warning);
    if (!reply.ok) throw new Error(reply.message);
    return reply.bytes;
  }

  async close(): Promise<void> {
    this.broken ??= new Error('closed');
    await this.worker.terminate();
  }

  private settle(reply: RenderReply): void {
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    this.pending.delete(reply.id);
    if (this.pending.size === 0) this.worker.unref();
    waiting.resolve(reply);
  }

  private fail(error: Error): void {
    this.broken ??= error;
    for (const waiting of this.pending.values()) waiting.reject(new HelperUnavailable(error.message));
    this.pending.clear();
  }
}

let shared: RenderHelper | undefined;

/**
 * The process's helper for builds of `formats`: kept between builds (idle, it does not hold the process open), so
 * `--watch` rebuilds find its renderers warm, as this thread's are.
 */
export function sharedHelper(formats: readonly Format[]): RenderHelper | undefined {
  if (shared?.serves(formats)) return shared;
  void shared?.close();
  shared = RenderHelper.forBuild(formats);
  return shared;
}
