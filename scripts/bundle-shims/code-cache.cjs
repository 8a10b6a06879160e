/**
 * Loads a bundle (scripts/bundle.mjs) with a V8 code cache beside it, `<bundle>.<V8 version>.cache`. A cold process
 * spends a good part of its time compiling JavaScript: the bundle's top level and then every function the first
 * document runs. With the cache, V8 takes the compiled bytecode instead (measured on the seed: about 70 ms less to
 * load the worker bundle and 20 ms less for its first document, per process and per worker thread).
 *
 * The cache is written once, after the first use that found none (or found one V8 refused): by the CLI when the
 * process exits, by a pool worker after its first task. It is never needed: a missing, stale or unwritable cache only
 * means compiling as before. V8 checks it against the source and the V8 flags, so it is also refused after a
 * recompile (the compile step empties dist/bundle/ anyway) or under other flags.
 *
 * CommonJS on purpose: this is what loads the bundles, before anything else of ours exists.
 */
'use strict';
const { readFileSync, renameSync, unlinkSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { dirname } = require('node:path');
const { setFlagsFromString } = require('node:v8');
const { Script } = require('node:vm');
const { threadId } = require('node:worker_threads');

// The font subsetter sets this flag when it loads (src/render/subset.ts says why). V8 refuses a cache made under
// other flags, so it is set here, before anything is compiled, for the cache to be made and used under the same.
setFlagsFromString('--liftoff-only');

/** Where the code cache of the bundle at `file` is kept: beside it, per V8 version. */
function codeCacheFile(file) {
  return `${file}.${process.versions.v8}.cache`;
}

/**
 * Runs the CommonJS bundle at `file` as `require(file)` would and returns its exports; `cached`, whether V8 took the
 * code cache; and `save()`, which writes the code cache now if it is wanted (a no-op otherwise, and after one call).
 */
function loadWithCodeCache(file) {
  const cacheFile = codeCacheFile(file);
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  // A shebang line is dropped as require() drops it; the line stays, so stack traces keep their line numbers.
  const source = readFileSync(file, 'utf8').replace(/^#!.*/, '');
  const script = new Script(Module.wrap(source), { filename: file, cachedData });
  const cached = cachedData !== undefined && script.cachedDataRejected === false;
  let wanted = !cached;
  const module = { exports: {}, filename: file, id: file, loaded: false };
  script.runInThisContext()(module.exports, Module.createRequire(file), module, file, dirname(file));
  module.loaded = true;
  const save = () => {
    if (!wanted) return;
    wanted = false;
    const temporary = `${cacheFile}.${process.pid}-${threadId}.tmp`;
    try {
      writeFileSync(temporary, script.createCachedData());
      renameSync(temporary, cacheFile);
    } catch {
      // A read-only install: it compiles every time, as without the cache.
      try {
        unlinkSync(temporary);
      } catch {
        // nothing was written
      }
    }
  };
  return { exports: module.exports, cached, save };
}

module.exports = { codeCacheFile, loadWithCodeCache };
