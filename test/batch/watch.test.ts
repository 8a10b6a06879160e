/** `briefing build --watch` as a process: builds, then rebuilds a source after it is written. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const CLI = join(import.meta.dirname, '../../dist/cli.js');
const body = (text: string): string => `---\ntitle: Watched\n---\n\n${text}\n\n## Section\n\nText.\n`;

async function until(check: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}

let child: ChildProcess | undefined;
let dir: string | undefined;
afterEach(() => {
  child?.kill('SIGTERM');
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('briefing build --watch', () => {
  it('rebuilds a source after a write, and a new source when it appears', async () => {
    dir = mkdtempSync(join(tmpdir(), 'briefing-watch-'));
    writeFileSync(join(dir, 'a.md'), body('First version.'));
    let stderr = '';
    child = spawn(process.execPath, [CLI, 'build', dir, '--out', join(dir, 'out'), '--format', 'json', '--watch'], { env: { ...process.env, CI: 'true' } });
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    await until(() => stderr.includes('watching for changes'), 20_000);
    const output = join(dir, 'out', 'a.json');
    expect(readFileSync(output, 'utf8')).toContain('First version.');

    writeFileSync(join(dir, 'a.md'), body('Second version.'));
    await until(() => readFileSync(output, 'utf8').includes('Second version.'), 10_000);

    writeFileSync(join(dir, 'b.md'), body('A new one.'));
    // The first file is not built again for the second one.
    await until(() => /built 1, skipped 1, failed 0/.test(stderr), 10_000);
    expect(existsSync(join(dir, 'out', 'b.json'))).toBe(true);
  });
});
