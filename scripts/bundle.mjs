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
 * The `briefing` command is dist/briefing, a small shell launcher: it starts the CLI from a startup snapshot
 * (dist/snapshot/, built here from dist/bundle/snapshot.js, see src/startup/snapshot.ts and
 * bundle-shims/snapshot-blob.cjs), in which the pipeline is already evaluated and warmed up, and otherwise runs
 * dist/cli.js as before. The CLI's code cache is written here too, from a build of the warm-up briefing: a first run
 * that only printed --help would otherwise make a cache of the few functions it ran.
 *
 * Paths relative to a module (templates/, package.json, the worker) keep working because the bundle sits two levels
 * below the package root like dist/theme/load.js, and the worker beside the CLI. dist/bundle/package.json makes
 * Node read the bundles as CommonJS inside this ES-module package. Only piscina stays external: it starts its own
 * worker threads from its own files.
 */
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const { FLAGS, buildSnapshot } = createRequire(import.meta.url)('./bundle-shims/snapshot-blob.cjs');
const out = new URL('../dist/bundle/', import.meta.url);
const dist = fileURLToPath(new URL('../dist/', import.meta.url));

// Clean folders: nothing of an earlier compile stays behind, no snapshot or code cache of older code.
rmSync(out, { recursive: true, force: true });
rmSync(new URL('../dist/snapshot/', import.meta.url), { recursive: true, force: true });
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

/**
 * subset-font finds HarfBuzz's WebAssembly with `require.resolve`, which a process started from the startup snapshot
 * does not have (its require loads only Node's own modules). Resolved from the bundle's own place instead, with a
 * require made for it, the bundled subset-font works there too, and such a process no longer loads subset-font and
 * its WOFF codecs from node_modules (20–30 ms of a cold DOCX or HTML build).
 */
const wasmFromBundle = {
  name: 'wasm-from-bundle',
  setup(build) {
    build.onLoad({ filter: /[\\/]subset-font[\\/]index\.js$/ }, async (args) => {
      const source = readFileSync(args.path, 'utf8');
      const call = "require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm')";
      if (!source.includes(call)) throw new Error(`subset-font no longer finds HarfBuzz with ${call}: see scripts/bundle.mjs`);
      return { contents: source.replace(call, "require('node:module').createRequire(importMetaUrl).resolve('harfbuzzjs/dist/harfbuzz-subset.wasm')"), loader: 'js' };
    });
  },
};

const common = {
  absWorkingDir: root,
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
  logLevel: 'warning',
  legalComments: 'none',
};

await build({
  ...common,
  // worker-code: the worker itself; dist/bundle/worker.js (below) loads it with its code cache for piscina.
  // import: `briefing import` (mammoth, rehype), which the CLI requires only for that command: in the CLI's bundle,
  // even unused, it made every cold build 10–20 ms slower (a third more code to read and set up).
  // send: `briefing send` (nodemailer's SMTP transport and its own copy of the pipeline), for the same reason.
  entryPoints: { cli: 'src/cli/cli.ts', 'worker-code': 'src/batch/worker.ts', import: 'src/import/command.ts', send: 'src/mail/command.ts' },
  plugins: [noWoffCodecs, wasmFromBundle],
});
// snapshot: the startup snapshot's entry, the CLI and the whole pipeline in one file (src/startup/snapshot.ts).
await build({ ...common, entryPoints: { snapshot: 'src/startup/snapshot.ts' }, plugins: [noWoffCodecs, wasmFromBundle] });

// Both load through code-cache.cjs, which runs a bundle as require() would, with a V8 code cache beside it.
copyFileSync(new URL('bundle-shims/code-cache.cjs', import.meta.url), new URL('code-cache.cjs', out));
// What builds a snapshot (here, and in the background for another Node), and the briefing its warm-up builds.
copyFileSync(new URL('bundle-shims/snapshot-blob.cjs', import.meta.url), new URL('snapshot-blob.cjs', out));
copyFileSync(new URL('warm-up.md', import.meta.url), new URL('warm-up.md', out));

// The CLI without a snapshot: not import(), as importing a CommonJS file from an ES module makes Node scan all of it
// for named exports first (~0.15 s for this one). When it had no code cache (or V8 refused it), the cache is written
// at exit, but only after a run that built a document in this process: other runs compile too little of the code.
// Started by the launcher for want of a snapshot for this Node, it has one built in the background at exit.
const entry = `#!/usr/bin/env node
// The bundled CLI (scripts/bundle.mjs); dist/*/ keeps tsc's unbundled modules for the tests and the library API.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
const require = createRequire(import.meta.url);
const snapshotMissing = process.env.BRIEFING_SNAPSHOT_MISSING === '1';
delete process.env.BRIEFING_SNAPSHOT_MISSING;
const { loadWithCodeCache } = require('./bundle/code-cache.cjs');
const { exports: cli, save } = loadWithCodeCache(fileURLToPath(new URL('./bundle/cli.js', import.meta.url)));
process.once('exit', () => {
  if (cli.codeCacheWorthSaving()) save();
  if (snapshotMissing) require('./bundle/snapshot-blob.cjs').buildInBackground(fileURLToPath(new URL('.', import.meta.url)));
});
`;
writeFileSync(new URL('../dist/cli.js', import.meta.url), entry, { mode: 0o755 });

// The command (package.json "bin"): sh, so that a start from the snapshot is one Node process, not two. It names
// dist/cli.js as the script, which a start from the snapshot does not run: it says where the package is.
const launcher = `#!/bin/sh
# The briefing command (scripts/bundle.mjs writes it). It starts the CLI from the startup snapshot built for this Node
# (dist/snapshot/, see scripts/bundle-shims/snapshot-blob.cjs) when there is a proven one that was not changed since,
# and otherwise runs dist/cli.js as before. Same arguments, same output, same exit status either way.
# Where the package is: npm links the command to dist/briefing; resolve the links (readlink -f, or one at a time).
self=$(readlink -f -- "$0" 2>/dev/null) || {
  self=$0
  while [ -L "$self" ]; do
    link=$(readlink -- "$self")
    case $link in /*) self=$link ;; *) self=\${self%/*}/$link ;; esac
  done
}
dist=\${self%/*}
snapshot="$dist/snapshot/cli-$(node --version)"
# NODE_OPTIONS may hold V8 flags, under which Node would refuse the snapshot: then it loads as before.
if [ -z "$NODE_OPTIONS" ] && [ -f "$snapshot.ok" ] && [ -f "$snapshot.blob" ] && ! [ "$snapshot.blob" -nt "$snapshot.ok" ]; then
  exec node ${FLAGS.join(' ')} --snapshot-blob "$snapshot.blob" "$dist/cli.js" "$@"
fi
export BRIEFING_SNAPSHOT_MISSING=1
exec node "$dist/cli.js" "$@"
`;

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

writeFileSync(new URL('../dist/briefing', import.meta.url), launcher, { mode: 0o755 });

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const failed = buildSnapshot(dist, version);
if (failed) console.warn(`warning: no startup snapshot, so \`briefing\` loads as before (slower): ${failed}`);

// The CLI's code cache, from a build of the warm-up briefing in all formats (what later runs without the snapshot
// load). It is written when that process exits.
const scratch = mkdtempSync(join(tmpdir(), 'briefing-compile-'));
try {
  const run = spawnSync(process.execPath, [join(dist, 'cli.js'), 'build', join(dist, 'bundle', 'warm-up.md'), '--out', scratch, '--allow-overflow', '--force', '-q'], {
    cwd: scratch,
    encoding: 'utf8',
  });
  if (run.status !== 0) console.warn(`warning: the code cache's build failed: ${run.stderr.trim()}`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
