/**
 * Builds the CLI's startup snapshot, dist/snapshot/cli-<Node version>.blob, from dist/bundle/snapshot.js (see
 * src/startup/snapshot.ts): at `npm run compile` (scripts/bundle.mjs), and in the background after a run of the CLI
 * that found none for the Node it runs on (the launcher, dist/briefing, then loads the CLI as before). A blob serves
 * exactly one Node binary, the one that built it, so its name carries the Node version and the compile step empties
 * dist/snapshot/ as it empties dist/bundle/.
 *
 * A blob only counts once it has been proven: it is built under a temporary name, a process is started from it
 * (`--version`), and only then is it renamed into place and its stamp (`.ok`) written. The launcher uses a blob only
 * when its stamp is there and the blob is not newer than it, so a missing, half-written or since-modified blob means
 * loading as before, never a crash.
 *
 * CommonJS on purpose, like code-cache.cjs: it runs without the bundles.
 */
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

/**
 * V8 flags of every process started from the snapshot (and of the build): V8 refuses a snapshot made under other
 * flags. --liftoff-only: see src/render/html/fonts.ts. --max-opt=1: no optimising compiler for a single build (see
 * src/startup/tiers.ts, which turns it back on for batches). --initial-old-space-size=64 (MB): the heap starts at
 * ~20 MB, and V8's first limit above it made a cold build spend ~15 ms in a full collection of it.
 */
const FLAGS = ['--liftoff-only', '--max-opt=1', '--initial-old-space-size=64'];
/** A build that has been running this long has died: another may start. */
const STALE_LOCK_MS = 5 * 60 * 1000;

/** The blob, its stamp, its lock and its failure note for this Node, in the package's dist/ folder. */
function snapshotFiles(dist, version = process.version) {
  const base = join(dist, 'snapshot', `cli-${version}`);
  return { blob: `${base}.blob`, stamp: `${base}.ok`, lock: `${base}.lock`, failed: `${base}.failed` };
}

/**
 * Builds and proves the blob for this Node. Returns null when it is in place, else why not (the CLI then loads as
 * before). `expectedVersion`: what `briefing --version` prints.
 */
function buildSnapshot(dist, expectedVersion) {
  const files = snapshotFiles(dist);
  mkdirSync(join(dist, 'snapshot'), { recursive: true });
  const temporary = `${files.blob}.${process.pid}.tmp`;
  const fail = (why) => {
    rmSync(temporary, { force: true });
    try {
      writeFileSync(files.failed, `${why}\n`);
    } catch {
      // a read-only install: nothing to remember it in
    }
    return why;
  };
  const build = spawnSync(process.execPath, [...FLAGS, '--snapshot-blob', temporary, '--build-snapshot', join(dist, 'bundle', 'snapshot.js')], {
    env: { ...process.env, BRIEFING_WARM_UP: join(dist, 'bundle', 'warm-up.md') },
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (build.status !== 0) return fail(`building it failed (${build.signal ?? `exit code ${build.status}`}): ${lastLines(build.stderr)}`);
  const proof = spawnSync(process.execPath, [...FLAGS, '--snapshot-blob', temporary, join(dist, 'cli.js'), '--version'], { encoding: 'utf8' });
  if (proof.status !== 0 || proof.stdout.trim() !== expectedVersion) {
    return fail(`a start from it failed (${proof.signal ?? `exit code ${proof.status}`}): ${lastLines(proof.stderr || proof.stdout)}`);
  }
  renameSync(temporary, files.blob);
  writeFileSync(files.stamp, `${process.version}\n`);
  rmSync(files.failed, { force: true });
  return null;
}

function lastLines(text) {
  return (text ?? '').trim().split('\n').slice(-6).join('\n');
}

/**
 * After a run that found no blob for this Node: builds one in a detached process, unless one is being built, or the
 * last attempt failed (the next compile tries again). Never throws: the run it follows has done its work.
 */
function buildInBackground(dist) {
  const files = snapshotFiles(dist);
  try {
    statSync(files.failed);
    return;
  } catch {
    // no failure noted
  }
  try {
    mkdirSync(join(dist, 'snapshot'), { recursive: true });
    try {
      closeSync(openSync(files.lock, 'wx'));
    } catch (error) {
      if (error.code !== 'EEXIST' || Date.now() - statSync(files.lock).mtimeMs < STALE_LOCK_MS) return;
      writeFileSync(files.lock, '');
    }
    spawn(process.execPath, [__filename, dist], { detached: true, stdio: 'ignore' }).unref();
  } catch {
    // a read-only install: it loads as before every time
  }
}

module.exports = { FLAGS, snapshotFiles, buildSnapshot, buildInBackground };

// The background build: `node snapshot-blob.cjs DIST`.
if (require.main === module) {
  const dist = process.argv[2];
  const { lock } = snapshotFiles(dist);
  try {
    const { version } = JSON.parse(readFileSync(join(dist, '..', 'package.json'), 'utf8'));
    buildSnapshot(dist, version);
  } finally {
    rmSync(lock, { force: true });
  }
}
