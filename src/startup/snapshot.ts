/**
 * The entry of the startup snapshot (scripts/bundle.mjs bundles it and builds dist/snapshot/*.blob from it at compile
 * time). Building it evaluates the CLI and the whole pipeline, then runs a warm-up briefing (./warm-up.ts); every start
 * of `briefing` (dist/briefing) and every batch worker process then deserialises that heap instead of loading,
 * compiling and warming up the code again.
 *
 * Kept out of the heap, made after deserialising: HarfBuzz (WebAssembly, loaded by subset-font on first use, see
 * src/render/subset.ts), TextDecoders (./decoders.ts), files, streams and timers.
 */
import { restoreTextDecoder } from './decoders.js';
import { realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startupSnapshot } from 'node:v8';
// Evaluated now, so that a start finds them evaluated (the CLI itself loads them only when it needs them).
import '../build/build.js';
import '../layout/fit.js';
import '../render/json.js';
import '../render/pdf/index.js';
import '../render/docx/index.js';
import '../render/html/index.js';
import '../batch/job.js';
import { runCli } from '../cli/cli.js';
import { serveWorker, WORKER_ENV } from '../batch/process-worker.js';
import { startedFromSnapshot } from './state.js';
import { warmUp } from './warm-up.js';

restoreTextDecoder();

/** dist/cli.js, where the snapshot was built: the CLI's paths (templates/, node_modules/) are relative to it. */
const BUILT_AT = realpathSync(fileURLToPath(new URL('../cli.js', import.meta.url)));

startupSnapshot.setDeserializeMainFunction(() => {
  // The launcher passes dist/cli.js as the script (it runs nothing: it says where the package is now).
  const script = process.argv[1];
  let here: string | undefined;
  try {
    here = script === undefined ? undefined : realpathSync(script);
  } catch {
    here = undefined;
  }
  if (here !== undefined && here !== BUILT_AT) {
    // The package moved after the snapshot was built: its paths are stale, so load the CLI from where it is now.
    createRequire(here)('./bundle/code-cache.cjs').loadWithCodeCache(join(dirname(here), 'bundle/cli.js'));
    return;
  }
  startedFromSnapshot.blob = snapshotBlob();
  if (process.env[WORKER_ENV] === '1') serveWorker();
  else runCli();
});

/** The blob this process started from, for the batch's worker processes to start from too. */
function snapshotBlob(): string | undefined {
  const at = process.execArgv.indexOf('--snapshot-blob');
  return at >= 0 ? process.execArgv[at + 1] : undefined;
}

const source = process.env.BRIEFING_WARM_UP;
if (source) {
  warmUp(source).catch((error: unknown) => {
    // A warm-up that fails makes a colder snapshot, not a wrong one: say so, and let the compile go on.
    console.error(`briefing: the snapshot's warm-up failed: ${(error as Error).stack ?? String(error)}`);
  });
}
