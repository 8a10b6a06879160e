/** `briefing build --watch`: builds, then rebuilds a source after it is written, and every image a briefing names. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { watchBuild, type WatchHandle } from '../../src/watch/watch.js';
import { tinyPng } from '../support/png.js';

const CLI = join(import.meta.dirname, '../../dist/cli.js');
const body = (text: string): string => `---\ntitle: Watched\n---\n\n${text}\n\n## Section\n\nText.\n`;
/** Line 7 of the source names the picture. */
const withPicture = (src: string): string => `---\ntitle: Watched\n---\n\nSummary.\n\n![A grey square](${src})\n\n## Section\n\nText.\n`;

async function until(check: () => boolean, ms: number, what = 'the condition'): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

let child: ChildProcess | undefined;
let handle: WatchHandle | undefined;
let dir: string | undefined;
afterEach(() => {
  child?.kill('SIGTERM');
  child = undefined;
  handle?.close();
  handle = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Starts `briefing build DIR --watch` on JSON output; returns a function that reads everything it printed so far. */
async function startWatch(folder: string): Promise<() => string> {
  let stderr = '';
  child = spawn(process.execPath, [CLI, 'build', folder, '--out', join(folder, 'out'), '--format', 'json', '--watch'], { env: { ...process.env, CI: 'true' } });
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  await until(() => stderr.includes('watching for changes'), 20_000, 'the first round');
  return () => stderr;
}

const builtPicture = (output: string): boolean => existsSync(output) && /"type": ?"image"/.test(readFileSync(output, 'utf8'));

describe('briefing build --watch', () => {
  it('rebuilds a source after a write, and a new source when it appears', async () => {
    dir = mkdtempSync(join(tmpdir(), 'briefing-watch-'));
    writeFileSync(join(dir, 'a.md'), body('First version.'));
    const stderr = await startWatch(dir);
    const output = join(dir, 'out', 'a.json');
    expect(readFileSync(output, 'utf8')).toContain('First version.');

    writeFileSync(join(dir, 'a.md'), body('Second version.'));
    await until(() => readFileSync(output, 'utf8').includes('Second version.'), 10_000);

    writeFileSync(join(dir, 'b.md'), body('A new one.'));
    // The first file is not built again for the second one.
    await until(() => /built 1, skipped 1, failed 0/.test(stderr()), 10_000);
    expect(existsSync(join(dir, 'out', 'b.json'))).toBe(true);
  });

  it('builds again when an image the briefing names appears after it, in a folder that did not exist either', async () => {
    dir = mkdtempSync(join(tmpdir(), 'briefing-watch-'));
    const source = join(dir, 'a.md');
    writeFileSync(source, withPicture('img/chart.png'));
    const stderr = await startWatch(dir);
    expect(stderr()).toContain(`${source}:7:1: error: image "img/chart.png" not found (looked for ${join(dir, 'img', 'chart.png')})\n`);
    expect(stderr()).toMatch(/built 0, skipped 0, failed 1 in/);

    mkdirSync(join(dir, 'img'));
    writeFileSync(join(dir, 'img', 'chart.png'), tinyPng(40, 20));
    await until(() => builtPicture(join(dir!, 'out', 'a.json')), 10_000, 'a build with the picture');
    await until(() => /built 1, skipped 0, failed 0 in/.test(stderr()), 5_000, 'the summary');
  });

  it('reads an image caught half-written again when it changes, not only when the source is saved', async () => {
    dir = mkdtempSync(join(tmpdir(), 'briefing-watch-'));
    const source = join(dir, 'a.md');
    const png = tinyPng(40, 20);
    writeFileSync(join(dir, 'chart.png'), png.subarray(0, 10));
    writeFileSync(source, withPicture('chart.png'));
    const stderr = await startWatch(dir);
    expect(stderr()).toContain(`${source}:7:1: error: image "chart.png" is not a PNG or JPEG file\n`);

    writeFileSync(join(dir, 'chart.png'), png);
    await until(() => builtPicture(join(dir!, 'out', 'a.json')), 10_000, 'a build with the whole picture');
    await until(() => /built 1, skipped 0, failed 0 in/.test(stderr()), 5_000, 'the summary');
  });

  it('builds again when an image is written after the build read it but before anything watched its folder', async () => {
    // In-process, to write at exactly that moment: right after the first build's result, before the round watches.
    dir = mkdtempSync(join(tmpdir(), 'briefing-watch-'));
    const folder = dir;
    writeFileSync(join(folder, 'a.md'), withPicture('late/chart.png'));
    let printed = '';
    const stream = { isTTY: false, write: (text: string) => (printed += text) } as unknown as NodeJS.WriteStream;
    const statuses: string[] = [];
    handle = watchBuild([folder], { outDir: join(folder, 'out'), formats: ['json'], allowOverflow: false, buildDate: new Date(0), jobs: 1 }, {
      quiet: false,
      stream,
      onResult: (result) => {
        statuses.push(result.status);
        if (statuses.length === 1) {
          mkdirSync(join(folder, 'late'));
          writeFileSync(join(folder, 'late', 'chart.png'), tinyPng(40, 20));
        }
      },
    });
    await handle.ready;
    expect(printed).toContain('error: image "late/chart.png" not found');
    await until(() => statuses.length >= 2, 10_000, 'a second round');
    expect(statuses.slice(0, 2)).toEqual(['failed', 'built']);
    expect(builtPicture(join(folder, 'out', 'a.json'))).toBe(true);
  });
});
