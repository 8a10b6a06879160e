/**
 * The CLI's bundle (scripts/bundle.mjs) carries its dependencies: a cold build reads no module from node_modules,
 * where the bundle's shims do not apply (a library required at run time brought fontverter's WOFF codecs back in).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { CLI } from '../support/cli.js';

const SEED = fileURLToPath(new URL('../../source/2025-01-07-tokyo-readout.md', import.meta.url));

it('builds the seed in every format without loading a module from node_modules', () => {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-bundle-'));
  const report = join(dir, 'modules.json');
  const preload = join(dir, 'report.cjs');
  writeFileSync(preload, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(report)}, JSON.stringify(Object.keys(require.cache))));\n`);
  const run = spawnSync(process.execPath, ['--require', preload, CLI, 'build', SEED, '--out', join(dir, 'out')], { encoding: 'utf8', timeout: 120_000 });
  expect(run.status, run.stderr).toBe(0);
  const loaded = JSON.parse(readFileSync(report, 'utf8')) as string[];
  expect(loaded.filter((path) => path.includes('/node_modules/')).map((path) => path.split('/node_modules/').pop())).toEqual([]);
});
