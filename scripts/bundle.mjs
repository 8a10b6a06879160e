/**
 * `npm run compile`, after tsc: bundles the CLI and the batch worker into dist/bundle/ with esbuild, and makes
 * dist/cli.js (the bin) a one-line entry into it. A cold `briefing build X.md` spends much of its time loading code:
 * resolving and compiling ~400 small ES modules (unified, micromark, zod, our own) and the libraries' own module
 * graphs (pdfkit, fontkit, docx, HarfBuzz's loader). Each bundle is one CommonJS file with every dependency inside,
 * whitespace removed: measured on the seed, a cold build took 1.27 s from the earlier split ES-module bundle (with
 * the libraries loaded from node_modules) and 1.17 s from this (medians of 8 interleaved runs). Modules the CLI loads
 * lazily (the pipeline, each renderer) are still evaluated only when first needed.
 *
 * The bin and the pool's worker load their bundle through code-cache.cjs, with a V8 code cache written beside it on
 * first use; this step empties dist/bundle/, so a cache never outlives the code it was made from.
 *
 * Paths relative to a module (templates/, package.json, the worker) keep working because the bundle sits two levels
 * below the package root like dist/theme/load.js, and the worker beside the CLI. dist/bundle/package.json makes
 * Node read the bundles as CommonJS inside this ES-module package. Only piscina stays external: it starts its own
 * worker threads from its own files.
 */
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const out = new URL('../dist/bundle/', import.meta.url);

// A clean folder: nothing of an earlier compile stays behind.
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
writeFileSync(new URL('package.json', out), `${JSON.stringify({ type: 'commonjs' })}\n`);

/** The WOFF codecs the bundle leaves out (see bundle-shims/no-woff-codecs.cjs). */
const noWoffCodecs = {
  name: 'no-woff-codecs',
  setup(build) {
    const shim = fileURLToPath(new URL('bundle-shims/no-woff-codecs.cjs', import.meta.url));
    build.onResolve({ filter: /^(wawoff2|woff2sfnt-sfnt2woff|brotli\/decompress(\.js)?)$/ }, () => ({ path: shim }));
  },
};

await build({
  absWorkingDir: root,
  // batch: the batch runner alone, for `npm run bench` to measure batches exactly as the CLI runs them.
  // worker-code: the worker itself; dist/bundle/worker.js (below) loads it with its code cache for piscina.
  // import: `briefing import` (mammoth, rehype), which the CLI requires only for that command: in the CLI's bundle,
  // even unused, it made every cold build 10–20 ms slower (a third more code to read and set up).
  // send: `briefing send` (nodemailer's SMTP transport and its own copy of the pipeline), for the same reason.
  entryPoints: { cli: 'src/cli.ts', 'worker-code': 'src/batch/worker.ts', batch: 'src/batch/run.ts', import: 'src/import/command.ts', send: 'src/mail/command.ts' },
  outdir: 'dist/bundle',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // subset-font finds HarfBuzz's WebAssembly with require.resolve at run time, from node_modules.
  external: ['piscina', 'esbuild', 'harfbuzzjs/dist/harfbuzz-subset.wasm'],
  define: { 'import.meta.url': 'importMetaUrl' },
  inject: ['scripts/bundle-shims/import-meta-url.js'],
  // Identifiers stay: an internal error's stack trace must still name the functions.
  minifyWhitespace: true,
  minifySyntax: true,
  plugins: [noWoffCodecs],
  logLevel: 'warning',
  legalComments: 'none',
});

// Both load through code-cache.cjs, which runs a bundle as require() would, with a V8 code cache beside it.
copyFileSync(new URL('bundle-shims/code-cache.cjs', import.meta.url), new URL('code-cache.cjs', out));

// The bin: not import(), as importing a CommonJS file from an ES module makes Node scan all of it for named exports
// first (~0.15 s for this one). The CLI's cache is written when the process exits, if it had none.
const entry = `#!/usr/bin/env node
// The bundled CLI (scripts/bundle.mjs); dist/*/ keeps tsc's unbundled modules for the tests and the library API.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
const { loadWithCodeCache } = createRequire(import.meta.url)('./bundle/code-cache.cjs');
const { save } = loadWithCodeCache(fileURLToPath(new URL('./bundle/cli.js', import.meta.url)));
process.once('exit', save);
`;
writeFileSync(new URL('../dist/cli.js', import.meta.url), entry, { mode: 0o755 });

// piscina's worker (src/batch/pool.ts names ./worker.js beside the CLI). Its cache is written after its first task,
// once the result is on its way: piscina ends workers without an exit event.
const worker = `'use strict';
const { join } = require('node:path');
const { loadWithCodeCache } = require('./code-cache.cjs');
const { exports: code, save } = loadWithCodeCache(join(__dirname, 'worker-code.js'));
module.exports = async function build(task) {
  const result = await code.default(task);
  setImmediate(save);
  return result;
};
`;
writeFileSync(new URL('worker.js', out), worker);
