/**
 * The environment's errors, with the CLI as a real process on a real machine that says no: `--out` naming a file, a
 * folder it may not write, a full disk, a read-only disk, a port another program holds. Each is one message naming
 * the problem and the fix, exit 1 (2 when the command was asked wrongly), and never a stack trace or "bug".
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLI, runCli, type CliRun } from '../support/cli.js';
import { canDropPrivileges, canMountTmpfs, runCliOnTmpfs, runCliUnprivileged } from '../support/confined.js';

const GOOD = '---\ntitle: A good briefing\ndate: 2025-01-07\n---\n\nSummary words.\n\n## Section\n\nBody words.\n';

let dir: string;
let source: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'briefing-env-'));
  source = join(dir, 'a.md');
  writeFileSync(source, GOOD);
});
afterEach(() => {
  chmodSync(dir, 0o700);
  rmSync(dir, { recursive: true, force: true });
});

/** What no environment error may print: a stack frame, or a claim that it is briefing's fault. */
function expectNoBugTalk(run: CliRun): void {
  expect(run.stderr).not.toMatch(/^\s+at /m);
  expect(run.stderr).not.toContain('bug in briefing');
  expect(run.stderr).not.toContain('internal error');
}

describe('an output folder that cannot be one', () => {
  it('--out naming a file is a usage error, exit 2', () => {
    const file = join(dir, 'x.pdf');
    writeFileSync(file, '%PDF-1.7\n');
    const run = runCli(['build', source, '--out', file, '--format', 'json']);
    expect(run.stderr).toBe(`briefing: --out ${file} is a file, not a folder: name a folder for the outputs\n`);
    expect(run.status).toBe(2);
  });

  it('--out through a file names the file, exit 2', () => {
    const file = join(dir, 'x.pdf');
    writeFileSync(file, '%PDF-1.7\n');
    const run = runCli(['build', source, '--out', join(file, 'out'), '--format', 'json']);
    expect(run.stderr).toBe(`briefing: --out ${join(file, 'out')}: ${file} is a file, not a folder: name a folder for the outputs\n`);
    expect(run.status).toBe(2);
  });
});

describe.skipIf(!canDropPrivileges())('an output folder the user may not write', () => {
  it('is one message before anything is built, exit 1', () => {
    const out = join(dir, 'out');
    mkdirSync(out);
    chmodSync(out, 0o555);
    const run = runCliUnprivileged(['build', source, '--out', out, '--format', 'json']);
    expect(run.stderr).toBe(`briefing: cannot write to ${out}/: permission denied: choose another --out folder or fix its permissions\n`);
    expect(run.status).toBe(1);
    expect(existsSync(join(out, 'a.json'))).toBe(false);
  });

  it('and so is a folder it may not make', () => {
    chmodSync(dir, 0o500);
    const out = join(dir, 'out');
    const run = runCliUnprivileged(['build', source, '--out', out, '--format', 'json']);
    expect(run.stderr).toBe(`briefing: cannot write to ${out}/: permission denied: choose another --out folder or fix its permissions\n`);
    expect(run.status).toBe(1);
  });
});

describe.skipIf(!canMountTmpfs())('a full or read-only disk', () => {
  it('a PDF that does not fit fails its briefing with what to do, exit 1', () => {
    const out = join(dir, 'out');
    mkdirSync(out);
    // 8 KB: room for the empty write check, not for the ~16 KB PDF.
    const run = runCliOnTmpfs(out, 8, ['build', source, '--out', out, '--format', 'pdf']);
    expectNoBugTalk(run);
    expect(run.stderr).toContain(`${source}: error: the disk is full while writing ${join(out, 'a.pdf')}: free some space and build again\n`);
    expect(run.stderr).toMatch(/built 0, skipped 0, failed 1 in/);
    expect(run.status).toBe(1);
  });

  it('a build cache that does not fit is said the same way, after the outputs were written, exit 1', () => {
    const out = join(dir, 'out');
    mkdirSync(out);
    // One 4 KB page: the JSON output fits, the cache written after it does not.
    const run = runCliOnTmpfs(out, 4, ['build', source, '--out', out, '--format', 'json']);
    expectNoBugTalk(run);
    expect(run.stderr).toMatch(
      new RegExp(`^briefing: the disk is full while writing ${join(out, '.briefing-cache.json').replace(/[.]/g, '\\.')}: free some space and build again\nbuilt 1, skipped 0, failed 0 in `),
    );
    expect(run.status).toBe(1);
  });

  it('a read-only disk is one message, exit 1', () => {
    const out = join(dir, 'out');
    mkdirSync(out);
    const run = runCliOnTmpfs(out, 64, ['build', source, '--out', out, '--format', 'json'], { readOnly: true });
    expect(run.stderr).toBe(`briefing: cannot write to ${out}/: the disk is read-only: choose another --out folder\n`);
    expect(run.status).toBe(1);
  });
});

describe('briefing preview on a port that is taken', () => {
  let holder: Server | undefined;
  afterEach(() => new Promise<void>((done) => (holder ? holder.close(() => done()) : done())));

  it('says which port and what to try, exit 1', async () => {
    holder = createServer();
    const port = await new Promise<number>((done) => holder!.listen(0, '127.0.0.1', () => done((holder!.address() as { port: number }).port)));
    // The kernel holds the port for this process while the CLI runs; if the CLI served anyway, the timeout ends it.
    const child = spawnSync(process.execPath, [CLI, 'preview', dir, '--out', join(dir, 'out'), '--port', String(port)], { encoding: 'utf8', timeout: 30_000 });
    const run: CliRun = { status: child.status, stdout: child.stdout, stderr: child.stderr };
    expect(run.stderr).toBe(`briefing: port ${port} is in use; try --port 0 (any free port) or another --port\n`);
    expect(run.status).toBe(1);
  });
});
