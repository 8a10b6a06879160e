/**
 * `npm run compile`, after tsc: bundles the CLI and the batch worker into dist/bundle/ with esbuild, and makes
 * dist/cli.js (the bin) a one-line entry into it. Resolving and compiling ~400 small ES modules (unified, micromark,
 * zod, our own) cost ~0.3 s of every cold run; one bundle with code splitting keeps what the CLI loads lazily (the
 * pipeline, each renderer) in chunks of their own, still loaded only when needed.
 *
 * Paths relative to a module (templates/, package.json, the worker) keep working because the bundle sits two levels
 * below the package root like dist/theme/load.js, and the worker entry sits beside the chunks that start the pool.
 * Packages with data files, wasm or their own workers stay external and load from node_modules as before.
 */
import { build } from 'esbuild';
import { rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));

// Chunk names carry content hashes: without a clean folder, every compile would leave the last one's chunks behind.
rmSync(new URL('../dist/bundle/', import.meta.url), { recursive: true, force: true });

await build({
  absWorkingDir: root,
  entryPoints: { cli: 'src/cli.ts', worker: 'src/batch/worker.ts' },
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['pdfkit', 'fontkit', 'docx', 'subset-font', 'piscina', 'esbuild'],
  // CommonJS dependencies inside an ES module bundle call require() for Node built-ins.
  banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
  logLevel: 'warning',
  legalComments: 'none',
});

writeFileSync(new URL('../dist/cli.js', import.meta.url), "#!/usr/bin/env node\n// The bundled CLI (scripts/bundle.mjs); dist/*/ keeps tsc's unbundled modules for the tests and the library API.\nimport './bundle/cli.js';\n", { mode: 0o755 });
