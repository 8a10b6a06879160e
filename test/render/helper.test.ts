/**
 * The render helper thread (src/render/helper/): a build that hands DOCX and HTML to it writes the same bytes and
 * messages as one that renders everything in one thread, and a helper that dies costs nothing but time. Runs on the
 * compiled modules (`npm test` compiles first): the helper is a worker thread, which loads JavaScript.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as BuildModule from '../../src/build.js';
import type * as HelperModule from '../../src/render/helper/index.js';
import { SOURCE_DIR } from '../support/sources.js';

const dist = (path: string): string => pathToFileURL(join(import.meta.dirname, '../../dist', path)).href;
const { buildDocument } = (await import(dist('build.js'))) as typeof BuildModule;
const { RenderHelper } = (await import(dist('render/helper/index.js'))) as typeof HelperModule;

const SOURCES = ['2025-01-07-tokyo-readout.md', 'press-guidance-ports.md'].map((name) => join(SOURCE_DIR, name));
const FORMATS = ['pdf', 'docx', 'html'] as const;
let dir: string;

const options = (out: string): BuildModule.BuildOptions => ({ outDir: join(dir, out), formats: FORMATS, allowOverflow: false, buildDate: new Date(Date.UTC(2025, 0, 7)) });
const bytesOf = (result: BuildModule.DocumentResult): Record<string, Buffer> =>
  Object.fromEntries(result.outputs.map((path) => [basename(path), readFileSync(path)]));
const messagesOf = (result: BuildModule.DocumentResult): string[] => result.file.messages.map((m) => `${m.fatal ? 'error' : 'warning'}: ${m.reason}`);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'briefing-helper-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the render helper thread', () => {
  it('takes DOCX and HTML only when there is a PDF to draw meanwhile, and only with a second core', () => {
    const helper = RenderHelper.forBuild(['pdf', 'docx', 'html']);
    if (helper) {
      expect(['pdf', 'docx', 'html', 'json'].filter((f) => helper.takes(f as 'pdf'))).toEqual(['docx', 'html']);
      void helper.close();
    }
    expect(RenderHelper.forBuild(['docx', 'html'])).toBeUndefined();
    expect(RenderHelper.forBuild(['pdf', 'json'])).toBeUndefined();
  });

  it('writes the same bytes and messages as a build in one thread', async () => {
    const helper = RenderHelper.forBuild(FORMATS);
    if (!helper) {
      console.warn('skipped: the render helper needs two cores');
      return;
    }
    try {
      for (const source of SOURCES) {
        const alone = await buildDocument(source, options('alone'));
        const helped = await buildDocument(source, options('helped'), helper);
        expect(helped.ok).toBe(true);
        expect(bytesOf(helped)).toEqual(bytesOf(alone));
        expect(messagesOf(helped)).toEqual(messagesOf(alone));
      }
    } finally {
      await helper.close();
    }
  });

  it('renders here instead when the helper dies mid-build', async () => {
    const helper = RenderHelper.forBuild(FORMATS);
    if (!helper) return;
    const source = SOURCES[1]!;
    const alone = await buildDocument(source, options('alone-2'));
    const inside = helper as unknown as { worker: { terminate(): Promise<number> }; pending: Map<number, unknown> };
    const building = buildDocument(source, options('orphaned'), helper);
    // The helper's thread ends while its requests are out (as if it crashed or ran out of memory).
    while (inside.pending.size === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    await inside.worker.terminate();
    const orphaned = await building;
    expect(orphaned.ok).toBe(true);
    expect(bytesOf(orphaned)).toEqual(bytesOf(alone));
    expect(helper.takes('docx')).toBe(false);
  });
});
