/**
 * The warm-up run while the startup snapshot is built (./snapshot.ts): one briefing built as the CLI builds one (read,
 * rendered in every format, written into a scratch folder, reported), so the snapshot holds what a first build would
 * otherwise do on every start: the functions a build runs already compiled, the faces it draws with read and parsed,
 * the per-process caches of shaped words and Word parts filled. Everything it leaves behind is what a batch's earlier
 * documents leave behind for the next one, which builds the same bytes (the batch tests compare pooled and single
 * builds; test/startup/snapshot.test.ts compares builds with and without the snapshot).
 *
 * What it must not leave behind: native handles (its files are closed; zlib and Brotli run synchronously; the date
 * formatters are not kept, see src/render/furniture.ts) and HarfBuzz's WebAssembly, which does not exist while a
 * snapshot is built. The HTML is therefore made up to its font subsets, where it stops: subset-font is replaced
 * meanwhile by a stand-in that refuses (src/render/html/fonts.ts requires it per subset), and the renderer's error is
 * the warm-up's expected end. The bundled templates are read from a copy, so the template cache holds none of them and
 * a later edit to templates/ shows in the next build as it does without the snapshot.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runJob } from '../batch/job.js';
import { BUNDLED_TEMPLATES_DIR } from '../theme/load.js';
import type { Format } from '../render/types.js';

/** HTML on its own: it ends at its font subsets (see above), and a document that fails writes nothing. */
const BUILDS: Format[][] = [['json', 'pdf', 'docx'], ['html']];

/** Builds `source` (a Markdown file) `rounds` times, so the code a build runs is compiled and settled. */
export async function warmUp(source: string, rounds = 2): Promise<void> {
  // Node's own argument parser is loaded on first use: the CLI uses it on every start.
  parseArgs({ args: ['--quiet'], options: { quiet: { type: 'boolean' } } });
  const templates = mkdtempSync(join(tmpdir(), 'briefing-warm-up-'));
  const withoutHarfBuzz = refuseSubsets();
  try {
    cpSync(join(BUNDLED_TEMPLATES_DIR, 'default'), templates, { recursive: true });
    for (let round = 0; round < rounds; round++) {
      for (const formats of BUILDS) {
        // A build as the CLI runs one (read, render, write, report), into the scratch folder.
        await runJob(source, { outDir: templates, formats, template: templates, allowOverflow: true, buildDate: new Date(0) });
      }
    }
  } finally {
    withoutHarfBuzz.end();
    rmSync(templates, { recursive: true, force: true });
  }
}

/**
 * Puts a stand-in for subset-font into require()'s cache until `end()`: loading the real one would set up WebAssembly
 * (and its handlers) in the snapshot, and calling it would make it remember a failed load for good.
 */
function refuseSubsets(): { end(): void } {
  const require = createRequire(import.meta.url);
  const file = require.resolve('subset-font');
  const standIn = new Module(file);
  standIn.filename = file;
  standIn.loaded = true;
  standIn.exports = () => Promise.reject(new Error('no font subsets while the startup snapshot is built'));
  require.cache[file] = standIn;
  return {
    end: () => {
      delete require.cache[file];
    },
  };
}
