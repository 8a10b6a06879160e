/**
 * The `briefing` command (dist/briefing) starts from the startup snapshot that `npm run compile` built
 * (src/startup/snapshot.ts, scripts/bundle-shims/snapshot-blob.cjs), and without a usable one loads the CLI as before
 * (dist/cli.js). Either way a build gives the same bytes, the same messages and the same exit status. Every run here is
 * a fresh process, as a snapshot only matters at a process's start. `sh -x` shows which way the launcher went.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI } from '../support/cli.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const LAUNCHER = join(ROOT, 'dist/briefing');
const SOURCES = ['2025-01-07-tokyo-readout.md', 'press-guidance-ports.md'].map((name) => join(ROOT, 'source', name));
const ENV = { ...process.env, SOURCE_DATE_EPOCH: '1767225600', CI: 'true', NODE_OPTIONS: '' };

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  /** The launcher's own trace (sh -x): which Node command it ran. */
  trace: string;
}

/** The launcher at `launcher`, traced: its `exec` line says whether it started from a snapshot. */
function launch(launcher: string, args: readonly string[], cwd?: string): Run {
  const run = spawnSync('sh', ['-x', launcher, ...args], { env: ENV, encoding: 'utf8', timeout: 120_000, ...(cwd ? { cwd } : {}) });
  const trace = run.stderr.split('\n').filter((line) => line.startsWith('+'));
  const stderr = run.stderr.split('\n').filter((line) => !line.startsWith('+')).join('\n');
  return { status: run.status, stdout: run.stdout, stderr, trace: trace.join('\n') };
}

/** The CLI without a snapshot, as before: `node dist/cli.js`. */
function plain(args: readonly string[], cli = CLI): Omit<Run, 'trace'> {
  const run = spawnSync(process.execPath, [cli, ...args], { env: ENV, encoding: 'utf8', timeout: 120_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const fromSnapshot = (run: Run): boolean => /exec node .*--snapshot-blob \S+cli-v[\d.]+\.blob /.test(run.trace);

/** Every file in `dir` (not the build cache) with its bytes. */
function outputs(dir: string): Map<string, Buffer> {
  return new Map(
    readdirSync(dir)
      .filter((name) => !name.startsWith('.'))
      .sort()
      .map((name) => [name, readFileSync(join(dir, name))]),
  );
}

function expectSameOutputs(a: string, b: string): void {
  const left = outputs(a);
  const right = outputs(b);
  expect([...left.keys()]).toEqual([...right.keys()]);
  expect(left.size).toBeGreaterThan(0);
  for (const [name, bytes] of left) expect(bytes.equals(right.get(name)!), name).toBe(true);
}

const made: string[] = [];
const scratch = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-snapshot-'));
  made.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/**
 * A copy of the package in a fresh folder: dist/ copied (with its snapshot), the rest linked. Its snapshot was built
 * for the clone's dist/, so it is a package that moved after it was compiled.
 */
function packageCopy(): string {
  const dir = scratch();
  cpSync(join(ROOT, 'dist'), join(dir, 'dist'), { recursive: true, preserveTimestamps: true });
  copyFileSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
  for (const linked of ['templates', 'node_modules']) symlinkSync(join(ROOT, linked), join(dir, linked));
  return dir;
}

const snapshotDir = (pkg: string): string => join(pkg, 'dist/snapshot');
const snapshotBase = (pkg: string): string => join(snapshotDir(pkg), `cli-${process.version}`);

describe('the startup snapshot', () => {
  it('is built and proven by npm run compile, for this Node', () => {
    expect(existsSync(`${snapshotBase(ROOT)}.blob`)).toBe(true);
    expect(readFileSync(`${snapshotBase(ROOT)}.ok`, 'utf8').trim()).toBe(process.version);
  });

  it('starts the CLI: the same bytes as a build without it, in a fresh process', () => {
    const a = scratch();
    const b = scratch();
    const snap = launch(LAUNCHER, ['build', ...SOURCES, '--out', a]);
    expect(fromSnapshot(snap), snap.trace).toBe(true);
    const before = plain(['build', ...SOURCES, '--out', b]);
    expect(snap.status).toBe(0);
    expect(before.status).toBe(0);
    expectSameOutputs(a, b);
    // The summary's time differs; the rest of what it says does not.
    const words = (text: string): string => text.replace(/in \d+\.\d+ s/g, 'in N s').replace(new RegExp(a, 'g'), 'OUT').replace(new RegExp(b, 'g'), 'OUT');
    expect(words(snap.stderr)).toBe(words(before.stderr));
    expect(snap.stdout).toBe(before.stdout);
  }, 120_000);

  it('says and exits the same as the CLI without it, for help, version, usage errors and failed sources', () => {
    const out = scratch();
    const broken = join(out, 'broken.md');
    writeFileSync(broken, '---\ntitle: [unclosed\n---\n\nText.\n');
    for (const args of [['--help'], ['--version'], ['frobnicate'], ['build', '--format', 'rtf'], ['build', broken, '--out', join(out, 'o')]]) {
      const snap = launch(LAUNCHER, args);
      expect(fromSnapshot(snap), args.join(' ')).toBe(true);
      const before = plain(args);
      expect({ status: snap.status, stdout: snap.stdout, stderr: snap.stderr.replace(/in \d+\.\d+ s/, '') }, args.join(' ')).toEqual({
        status: before.status,
        stdout: before.stdout,
        stderr: before.stderr.replace(/in \d+\.\d+ s/, ''),
      });
    }
  }, 120_000);

  it('starts the workers of a batch too: a pooled batch gives the bytes of one-at-a-time builds without it', () => {
    const sources = scratch();
    for (let i = 0; i < 8; i++) copyFileSync(SOURCES[i % 2]!, join(sources, `${i}-${i % 2 ? 'ports' : 'seed'}.md`));
    const a = scratch();
    const b = scratch();
    const pooled = launch(LAUNCHER, ['build', sources, '--out', a, '--jobs', '2']);
    expect(fromSnapshot(pooled)).toBe(true);
    expect(pooled.status, pooled.stderr).toBe(0);
    expect(plain(['build', sources, '--out', b, '--jobs', '1']).status).toBe(0);
    expectSameOutputs(a, b);
  }, 120_000);
});

describe('a batch whose worker process dies', () => {
  it('reports the document it was building as failed, and builds the rest', async () => {
    const sources = scratch();
    for (let i = 0; i < 40; i++) copyFileSync(SOURCES[1]!, join(sources, `${String(i).padStart(2, '0')}-ports.md`));
    const out = scratch();
    const child = spawn(LAUNCHER, ['build', sources, '--out', out, '--jobs', '2'], { env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    // The launcher execs Node, so the CLI is the child itself; its worker is its child. Killed once it has built.
    let killed = false;
    while (!killed && child.exitCode === null) {
      const workers = existsSync(`/proc/${child.pid}/task/${child.pid}/children`) ? readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim() : '';
      if (workers && readdirSync(out).some((name) => name.endsWith('.pdf'))) {
        process.kill(Number(workers.split(' ')[0]), 'SIGKILL');
        killed = true;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const status = await exited;
    expect(killed).toBe(true);
    const failed = stderr.split('\n').filter((line) => line.includes(': error: '));
    // Killed between two documents it fails none; else exactly the one it was building.
    expect(failed.length).toBeLessThanOrEqual(1);
    for (const line of failed) expect(line).toMatch(/-ports\.md: error: internal error: the worker process building it stopped \(SIGKILL\) \(this is a bug in briefing; please report it with the source\)$/);
    expect(status).toBe(failed.length === 0 ? 0 : 1);
    expect(readdirSync(out).filter((name) => name.endsWith('.pdf'))).toHaveLength(40 - failed.length);
  }, 120_000);
});

describe('without a usable snapshot the launcher loads the CLI as before, silently', () => {
  /** A build in the package at `pkg` gives the clone's bytes, says nothing extra, and went the way `snapshot` says. */
  function buildsAsBefore(pkg: string, snapshot: boolean): void {
    const a = scratch();
    const b = scratch();
    const run = launch(join(pkg, 'dist/briefing'), ['build', SOURCES[1]!, '--out', a, '-q']);
    expect(fromSnapshot(run), run.trace).toBe(snapshot);
    expect(run.status).toBe(0);
    expect(run.stderr.trim()).toBe('');
    expect(plain(['build', SOURCES[1]!, '--out', b, '-q']).status).toBe(0);
    expectSameOutputs(a, b);
  }

  /** Keeps the fallback from building a snapshot in the background: a failed attempt is not retried. */
  const noRebuild = (pkg: string): void => writeFileSync(`${snapshotBase(pkg)}.failed`, 'not in this test\n');

  it('when the package moved after its snapshot was built (the snapshot sees it and loads from the new place)', () => {
    const pkg = packageCopy();
    buildsAsBefore(pkg, true);
    rmSync(pkg, { recursive: true, force: true });
  }, 120_000);

  it('when the snapshot is damaged (changed after it was proven)', () => {
    const pkg = packageCopy();
    noRebuild(pkg);
    writeFileSync(`${snapshotBase(pkg)}.blob`, Buffer.alloc(4096, 7));
    buildsAsBefore(pkg, false);
    rmSync(pkg, { recursive: true, force: true });
  }, 120_000);

  it('when there is only a snapshot for another Node', () => {
    const pkg = packageCopy();
    for (const ext of ['blob', 'ok']) copyFileSync(`${snapshotBase(pkg)}.${ext}`, join(snapshotDir(pkg), `cli-v0.0.1.${ext}`));
    for (const ext of ['blob', 'ok']) rmSync(`${snapshotBase(pkg)}.${ext}`);
    noRebuild(pkg);
    buildsAsBefore(pkg, false);
    rmSync(pkg, { recursive: true, force: true });
  }, 120_000);

  it('when it is missing, and then one for this Node is built in the background for the next run', async () => {
    const pkg = packageCopy();
    rmSync(snapshotDir(pkg), { recursive: true, force: true });
    buildsAsBefore(pkg, false);
    // The background build proves its snapshot before it counts; the next run of the launcher starts from it.
    const deadline = Date.now() + 150_000;
    while (!existsSync(`${snapshotBase(pkg)}.ok`) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 500));
    expect(readdirSync(snapshotDir(pkg)).sort()).toEqual([`cli-${process.version}.blob`, `cli-${process.version}.ok`]);
    const run = launch(join(pkg, 'dist/briefing'), ['--version']);
    expect(fromSnapshot(run)).toBe(true);
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    rmSync(pkg, { recursive: true, force: true });
  }, 200_000);
});

describe('the CLI without the snapshot keeps a code cache of a whole build', () => {
  const cacheOf = (pkg: string): string[] => readdirSync(join(pkg, 'dist/bundle')).filter((name) => /^cli\.js\..*\.cache$/.test(name));

  it('npm run compile writes it from a build in every format, and V8 takes it', () => {
    const [cache] = cacheOf(ROOT);
    expect(cache).toBeDefined();
    // A fresh process loading the CLI's bundle (which prints its version as it loads) finds the cache usable.
    const probe = `const { cached } = require(${JSON.stringify(join(ROOT, 'dist/bundle/code-cache.cjs'))}).loadWithCodeCache(${JSON.stringify(join(ROOT, 'dist/bundle/cli.js'))}); console.log(cached);`;
    const run = spawnSync(process.execPath, ['-e', probe, 'cli', '--version'], { encoding: 'utf8' });
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(run.stdout.trim().split('\n').sort()).toEqual([version, 'true'].sort());
  });

  it('a run that built nothing here (--help) writes none; a build writes one, smaller than the compile made', () => {
    const pkg = packageCopy();
    const compiled = readFileSync(join(pkg, 'dist/bundle', cacheOf(pkg)[0]!)).length;
    for (const name of cacheOf(pkg)) rmSync(join(pkg, 'dist/bundle', name));
    expect(plain(['--help'], join(pkg, 'dist/cli.js')).status).toBe(0);
    expect(cacheOf(pkg)).toEqual([]);
    const out = scratch();
    mkdirSync(out, { recursive: true });
    expect(plain(['build', SOURCES[1]!, '--out', out, '-f', 'json', '-q'], join(pkg, 'dist/cli.js')).status).toBe(0);
    const written = cacheOf(pkg);
    expect(written).toHaveLength(1);
    expect(readFileSync(join(pkg, 'dist/bundle', written[0]!)).length).toBeLessThan(compiled);
    rmSync(pkg, { recursive: true, force: true });
  }, 120_000);
});
