/**
 * Sweeps: thousands of sources through the whole pipeline in memory (parse, fit, PDF, DOCX, HTML; no files written),
 * each judged the way a user would judge the build: it built, or it stopped with an error at `path:line:column`.
 * Anything else (an exception, or an emitter failing, which the build reports as a bug) is an internal error.
 * A failing batch of inputs is cut down to the smallest part that still fails, so the report names one input.
 */
import { renderDocument } from '../../src/build/build.js';
import type { Format } from '../../src/render/types.js';

export const SWEEP_PATH = '/tmp/briefing-sweep/sweep.md';

export type Outcome =
  | { kind: 'built'; outputs: Map<Format, Uint8Array>; warnings: string[] }
  | { kind: 'refused'; errors: string[] }
  | { kind: 'internal'; error: string };

export async function buildInMemory(markdown: string, options: { template?: string; formats?: readonly Format[] } = {}): Promise<Outcome> {
  const formats = options.formats ?? ['pdf', 'docx', 'html'];
  try {
    const made = await renderDocument(new TextEncoder().encode(markdown), SWEEP_PATH, {
      outDir: '/tmp/briefing-sweep/out',
      formats,
      ...(options.template ? { template: options.template } : {}),
      allowOverflow: true,
      buildDate: new Date('2025-01-01T00:00:00Z'),
    });
    const messages = made.file.messages;
    const bug = messages.find((m) => m.ruleId === 'render-failed');
    if (bug) return { kind: 'internal', error: String(bug) };
    if (!made.ok) {
      const errors = messages.filter((m) => m.fatal).map(String);
      // A refusal must say where: a line and column in the source.
      const unplaced = messages.filter((m) => m.fatal && !(m.line && m.column));
      if (unplaced.length > 0 || errors.length === 0) return { kind: 'internal', error: `refused without a place: ${messages.map(String).join('; ')}` };
      return { kind: 'refused', errors };
    }
    const outputs = new Map<Format, Uint8Array>(made.rendered.map((r, i) => [formats[i]!, r.bytes]));
    return { kind: 'built', outputs, warnings: messages.filter((m) => !m.fatal).map(String) };
  } catch (error) {
    return { kind: 'internal', error: (error as Error).stack ?? String(error) };
  }
}

/**
 * The smallest part of `items` (by halving, then one at a time) for which `fails` still holds; `items` itself when no
 * part of it fails alone (the failure needs the combination).
 */
export async function smallestFailing<T>(items: readonly T[], fails: (part: readonly T[]) => Promise<boolean>): Promise<readonly T[]> {
  let current = items;
  while (current.length > 1) {
    const half = Math.ceil(current.length / 2);
    const first = current.slice(0, half);
    const second = current.slice(half);
    if (await fails(first)) current = first;
    else if (await fails(second)) current = second;
    else break;
  }
  return current;
}
