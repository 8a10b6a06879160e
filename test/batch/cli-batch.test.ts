/** The CLI end to end (after `npm run compile`): a pooled batch with a broken file, and the incremental rerun. */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tinyPng } from '../support/png.js';

const run = promisify(execFile);
const CLI = join(import.meta.dirname, '../../dist/cli.js');

async function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stderr: string }> {
  try {
    const { stderr } = await run(process.execPath, [CLI, ...args], { env: { ...process.env, CI: 'true', ...env } });
    return { code: 0, stderr };
  } catch (error) {
    const e = error as { code: number; stderr: string };
    return { code: e.code, stderr: e.stderr };
  }
}

const body = (n: number): string => `---\ntitle: Briefing ${n}\n---\n\nSummary ${n}.\n\n## Section\n\nText.\n`;
let dir: string;

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error('run `npm run compile` first (npm test does)');
  dir = mkdtempSync(join(tmpdir(), 'briefing-cli-'));
  for (let i = 1; i <= 8; i++) writeFileSync(join(dir, `doc${i}.md`), body(i));
  writeFileSync(join(dir, 'doc4.md'), '---\ntitle: [unclosed\n---\nbody\n');
  writeFileSync(join(dir, 'doc6.md'), '\xff\xfe'.repeat(3));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('briefing build, batches', () => {
  it('builds the rest in the pool when some fail, and reports them in source order', async () => {
    const first = await cli(['build', dir, '--out', join(dir, 'out'), '--format', 'json', '--jobs', '2']);
    expect(first.code).toBe(1);
    const errors = first.stderr.split('\n').filter((l) => l.includes(': error: '));
    expect(errors.length).toBeGreaterThanOrEqual(2);
    expect(errors[0]).toMatch(/doc4\.md:2:\d+: error: /);
    expect(errors.at(-1)).toMatch(/doc6\.md(:\d+:\d+)?: error: /);
    expect(first.stderr).toMatch(/built 6, skipped 0, failed 2 in [\d.]+ s/);
    expect(readdirSync(join(dir, 'out')).filter((n) => n.endsWith('.json') && !n.startsWith('.')).sort()).toEqual(
      ['doc1', 'doc2', 'doc3', 'doc5', 'doc7', 'doc8'].map((n) => `${n}.json`),
    );
    // The same messages in the same order on a second, pooled --force run.
    const again = await cli(['build', dir, '--out', join(dir, 'out'), '--format', 'json', '--jobs', '2', '--force']);
    expect(again.stderr.split('\n').filter((l) => l.includes(': error: '))).toEqual(errors);
  });

  it('skips what is current, and prints no progress bar when not on a terminal', async () => {
    const out = join(dir, 'out2');
    await cli(['build', dir, '--out', out, '--format', 'json']);
    const rerun = await cli(['build', dir, '--out', out, '--format', 'json']);
    expect(rerun.code).toBe(1);
    expect(rerun.stderr).toMatch(/built 0, skipped 6, failed 2/);
    expect(rerun.stderr).not.toContain('\r');
  });

  it('refuses a bad --jobs as a usage error', async () => {
    const bad = await cli(['build', dir, '--jobs', 'many']);
    expect(bad.code).toBe(2);
  });
});

describe('a pooled batch', () => {
  it('writes the same bytes as building each file on its own, pictures included', async () => {
    // Each worker builds several briefings with a picture: ids or state carried from one briefing to the next in a
    // worker (the docx library numbered pictures per process) would make the batch differ from single builds.
    const pictures = mkdtempSync(join(tmpdir(), 'briefing-pictures-'));
    try {
      writeFileSync(join(pictures, 'grey.png'), tinyPng(40, 20, [0x5a, 0x5a, 0x5a]));
      const names = [1, 2, 3, 4].map((n) => `pic${n}`);
      for (const [n, name] of names.entries()) {
        writeFileSync(join(pictures, `${name}.md`), `${body(n)}\n![A grey square](grey.png "Figure ${n}")\n`);
      }
      const env = { SOURCE_DATE_EPOCH: '1736240000' };
      expect((await cli(['build', pictures, '--out', join(pictures, 'batch'), '--jobs', '2'], env)).code).toBe(0);
      for (const name of names) {
        expect((await cli(['build', join(pictures, `${name}.md`), '--out', join(pictures, 'single')], env)).code).toBe(0);
      }
      for (const name of names) {
        for (const format of ['pdf', 'docx', 'html']) {
          const file = `${name}.${format}`;
          expect(readFileSync(join(pictures, 'batch', file)).equals(readFileSync(join(pictures, 'single', file))), file).toBe(true);
        }
      }
    } finally {
      rmSync(pictures, { recursive: true, force: true });
    }
  });
});
