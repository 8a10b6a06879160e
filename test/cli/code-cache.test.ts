/**
 * The loader of the bundles (scripts/bundle-shims/code-cache.cjs): a V8 code cache that only ever saves time. Each
 * load runs in a fresh process, as V8 also keeps compiled scripts in memory, which would hide what the cache does.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const LOADER = fileURLToPath(new URL('../../scripts/bundle-shims/code-cache.cjs', import.meta.url));

function bundle(): string {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-code-cache-'));
  const file = join(dir, 'bundle.js');
  // A shebang, as the CLI's bundle has, and the parts of its CommonJS wrapper a bundle uses.
  writeFileSync(file, `#!/usr/bin/env node\nconst { basename } = require('node:path');\nmodule.exports = { answer: () => 6 * 7, file: __dirname + '/' + basename(__filename) };\n`);
  return file;
}

/** Loads the bundle in a fresh process, saves the cache if it was wanted, and says what happened. */
function load(file: string): { answer: number; file: string; cached: boolean } {
  const script = `const { exports, cached, save } = require(${JSON.stringify(LOADER)}).loadWithCodeCache(${JSON.stringify(file)});
save();
console.log(JSON.stringify({ answer: exports.answer(), file: exports.file, cached }));`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as { answer: number; file: string; cached: boolean };
}

const folder = (file: string): string[] => readdirSync(join(file, '..')).sort();

describe('loading a bundle with a code cache', () => {
  it('runs it as require() would, writes the cache, and uses it the next time', () => {
    const file = bundle();
    expect(load(file)).toEqual({ answer: 42, file, cached: false });
    const cache = folder(file).filter((name) => name.endsWith('.cache'));
    expect(cache).toHaveLength(1);
    // Nothing else: the cache is written to a temporary file and renamed.
    expect(folder(file)).toEqual(['bundle.js', cache[0]]);
    expect(load(file)).toEqual({ answer: 42, file, cached: true });
  });

  it('compiles as before when the cache is damaged, and replaces it', () => {
    const file = bundle();
    load(file);
    const [cache] = folder(file).filter((name) => name.endsWith('.cache'));
    writeFileSync(join(file, '..', cache!), 'not a code cache');
    expect(load(file)).toEqual({ answer: 42, file, cached: false });
    expect(load(file).cached).toBe(true);
  });
});
