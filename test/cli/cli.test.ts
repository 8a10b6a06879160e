import { mkdirSync, mkdtempSync, readdirSync as readdirAll, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const GOOD = '---\ntitle: A good briefing\ndate: 2025-01-07\n---\n\nSummary words.\n\n## Section\n\nBody words.\n';
const BAD_DATE = '---\ntitle: Broken\ndate: 2025-13-45\n---\n\nText.\n';

/** The outputs a reader sees; the build keeps its cache in a dot-file beside them. */
function readdirSync(path: string): string[] {
  return readdirAll(path).filter((name) => !name.startsWith('.'));
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'briefing-cli-'));
  mkdirSync(join(dir, 'src'));
});

function write(name: string, text: string): string {
  const path = join(dir, 'src', name);
  writeFileSync(path, text);
  return path;
}

describe('briefing CLI', () => {
  it('prints help and version, exit 0', () => {
    expect(runCli(['--help'])).toMatchObject({ status: 0, stdout: expect.stringContaining('briefing build [paths...]') });
    expect(runCli(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it.each([[['frobnicate']], [['build', '--format', 'odt']], [['build', '--no-such-flag']], [[]]])('exits 2 on a usage error: %j', (args) => {
    const run = runCli(args, { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^briefing: /);
  });

  it('builds a folder, one output per source and format, exit 0', () => {
    write('a.md', GOOD);
    write('b.md', GOOD.replace('A good', 'Another'));
    const run = runCli(['build', join(dir, 'src'), '--out', join(dir, 'out'), '--format', 'json'], { cwd: dir });
    expect(run.status).toBe(0);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['a.json', 'b.json']);
    expect(JSON.parse(readFileSync(join(dir, 'out', 'a.json'), 'utf8'))).toMatchObject({ version: 1, meta: { title: 'A good briefing' } });
    expect(run.stderr).toMatch(/built 2, (skipped 0, )?failed 0/);
  });

  it('defaults to source/ and output/ in the working folder', () => {
    mkdirSync(join(dir, 'source'));
    writeFileSync(join(dir, 'source', 'x.md'), GOOD);
    expect(runCli(['build', '--format', 'json'], { cwd: dir }).status).toBe(0);
    expect(readdirSync(join(dir, 'output'))).toEqual(['x.json']);
  });

  it('reports a broken source as path:line:column, writes nothing for it, builds the rest, exit 1', () => {
    write('a.md', GOOD);
    const bad = write('b.md', BAD_DATE);
    write('c.md', GOOD);
    const run = runCli(['build', join(dir, 'src'), '--out', join(dir, 'out'), '--format', 'json'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${bad}:3:7: error: front-matter \`date\` is not a real calendar date`);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['a.json', 'c.json']);
    expect(run.stderr).toMatch(/built 2, (skipped 0, )?failed 1/);
  });

  it('never overwrites an earlier output when the source breaks', () => {
    const source = write('a.md', GOOD);
    const out = join(dir, 'out');
    expect(runCli(['build', source, '--out', out, '--format', 'json']).status).toBe(0);
    const before = readFileSync(join(out, 'a.json'));
    const mtime = statSync(join(out, 'a.json')).mtimeMs;
    writeFileSync(source, BAD_DATE);
    expect(runCli(['build', source, '--out', out, '--format', 'json']).status).toBe(1);
    expect(readFileSync(join(out, 'a.json'))).toEqual(before);
    expect(statSync(join(out, 'a.json')).mtimeMs).toBe(mtime);
    expect(readdirSync(out)).toEqual(['a.json']);
  });

  it('writes the JSON of a briefing too long for one page with --format json alone (exit 0); with a page format too it fails whole (exit 1)', () => {
    const sentence = 'The delegation reviewed supply chains, maritime security and cooperation on critical minerals with partners. ';
    const body = Array.from({ length: 12 }, (_, i) => `## Section ${i + 1}\n\n${`${sentence.repeat(6)}\n\n`.repeat(3)}`).join('');
    const source = write('long.md', `---\ntitle: Too long\n---\n\nSummary.\n\n${body}`);
    const json = runCli(['build', source, '--out', join(dir, 'json'), '--format', 'json']);
    expect(json.status).toBe(0);
    expect(json.stderr).not.toContain('error');
    expect(readdirSync(join(dir, 'json'))).toEqual(['long.json']);
    const both = runCli(['build', source, '--out', join(dir, 'both'), '--format', 'pdf,json']);
    expect(both.status).toBe(1);
    expect(both.stderr).toContain(`${source}:1:1: error: does not fit on one page at the minimum 8.5 pt: `);
    expect(both.stderr).toMatch(/: \d+ lines over — cut about \d+ words, or set `pages: multi`\n/);
    expect(readdirSync(join(dir, 'both'))).toEqual([]);
  });

  it('reports a missing path and still builds the others, exit 1', () => {
    const source = write('a.md', GOOD);
    const run = runCli(['build', source, join(dir, 'nope.md'), '--out', join(dir, 'out'), '--format', 'json']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('nope.md: error: no such file or folder');
    expect(readdirSync(join(dir, 'out'))).toEqual(['a.json']);
  });

  it('refuses a file named on the command line whose name is not .md or .markdown; a folder still gives only those', () => {
    const notes = write('notes.txt', GOOD);
    const upper = write('UPPER.MD', GOOD);
    const long = write('long.Markdown', GOOD);
    const run = runCli(['build', notes, upper, long, '--out', join(dir, 'out'), '--format', 'json']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${notes}: error: not a Markdown file: a briefing source's name ends in .md or .markdown (rename it if it holds Markdown text)\n`);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['UPPER.json', 'long.json']);
    const folder = runCli(['build', join(dir, 'src'), '--out', join(dir, 'out2'), '--format', 'json']);
    expect(folder.status).toBe(0);
    expect(readdirSync(join(dir, 'out2')).sort()).toEqual(['UPPER.json', 'long.json']);
  });

  it('refuses two sources that would write the same output name', () => {
    mkdirSync(join(dir, 'other'));
    const first = write('same.md', GOOD);
    const second = join(dir, 'other', 'same.md');
    writeFileSync(second, GOOD);
    const run = runCli(['build', first, second, '--out', join(dir, 'out'), '--format', 'json']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${second}: error: has the same name as ${first}`);
  });

  it('reports an unknown template as an error for that document', () => {
    const source = write('a.md', GOOD);
    const run = runCli(['build', source, '--template', 'nope', '--out', join(dir, 'out'), '--format', 'json']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${source}:1:1: error: no template "nope"`);
  });
});
