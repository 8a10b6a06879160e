/** `briefing import` as a user runs it: what it writes, what it refuses, and the exact words it says. */
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { FIXTURES } from './support.js';

let work: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'briefing-import-cli-'));
  copyFileSync(join(FIXTURES, 'media-note-travel.txt'), join(work, 'note.txt'));
});

const NAME = '2026-04-02-secretary-carvers-travel-to-canada-and-mexico.md';

describe('briefing import', () => {
  it('writes source/NAME.md by default, and says where each field came from', () => {
    const run = runCli(['import', 'note.txt'], { cwd: work });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    expect(readdirSync(join(work, 'source'))).toEqual([NAME]);
    expect(run.stdout.split('\n').slice(0, 4)).toEqual([
      `source/${NAME}:2:1: found: title “Secretary Carver’s Travel to Canada and Mexico”, line 1 of note.txt: “Secretary Carver’s Travel to Canada and Mexico”`,
      `source/${NAME}:3:1: found: kind “Media note”, line 2 of note.txt: “Media Note”`,
      `source/${NAME}:4:1: found: date “2026-04-02”, line 4 of note.txt: “April 2, 2026”`,
      `source/${NAME}:6:1: guessed: participants “Elena Carver, Secretary of State”, line 5 of note.txt: “Secretary of State Elena Carver”`,
    ]);
    expect(run.stdout.trim().split('\n').at(-1)).toBe(`imported note.txt → source/${NAME}`);
  });

  it('never overwrites a source without --force, and replaces it with --force', () => {
    expect(runCli(['import', 'note.txt'], { cwd: work }).status).toBe(0);
    const path = join(work, 'source', NAME);
    writeFileSync(path, 'edited by hand\n');
    const again = runCli(['import', 'note.txt'], { cwd: work });
    expect(again.status).toBe(1);
    expect(again.stderr).toBe(`source/${NAME}: error: already exists; import with --force to replace it, or with -o DIR to write elsewhere\n`);
    expect(readFileSync(path, 'utf8')).toBe('edited by hand\n');
    expect(readdirSync(join(work, 'source'))).toEqual([NAME]);
    const forced = runCli(['import', 'note.txt', '--force', '-q'], { cwd: work });
    expect(forced.status, forced.stderr).toBe(0);
    expect(readFileSync(path, 'utf8')).toMatch(/^---\ntitle: Secretary Carver’s Travel/);
  });

  it('reads text on standard input with -, and writes to -o DIR', () => {
    const run = runCli(['import', '-', '-o', 'drafts', '-q'], { cwd: work, input: readFileSync(join(work, 'note.txt'), 'utf8') });
    expect(run.status, run.stderr).toBe(0);
    expect(readdirSync(join(work, 'drafts'))).toEqual([NAME]);
  });

  it('refuses what it cannot read, writing nothing', () => {
    writeFileSync(join(work, 'fake.docx'), 'not a zip at all');
    const broken = runCli(['import', 'fake.docx'], { cwd: work });
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/^fake\.docx: error: cannot read it as a Word document \(.+\); save it again as \.docx, or import its text\n$/);
    const pdf = runCli(['import', 'brief.pdf'], { cwd: work });
    expect(pdf.status).toBe(2);
    expect(pdf.stderr).toBe('briefing: cannot import "brief.pdf": import a .txt, .docx or .html file, or - for text on standard input\nRun `briefing --help` for usage.\n');
    const missing = runCli(['import', 'gone.txt'], { cwd: work });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toBe('gone.txt: error: cannot read it: ENOENT\n');
    const none = runCli(['import'], { cwd: work });
    expect(none.status).toBe(2);
    expect(none.stderr).toBe('briefing: import wants one file: `briefing import FILE` (.txt, .docx, .html, or - for standard input)\nRun `briefing --help` for usage.\n');
    writeFileSync(join(work, 'blank.txt'), '\n\n  \n');
    const blank = runCli(['import', 'blank.txt'], { cwd: work });
    expect(blank.status).toBe(1);
    expect(blank.stderr).toBe('blank.txt: error: has no text to import\n');
    expect(readdirSync(work).sort()).toEqual(['blank.txt', 'fake.docx', 'note.txt']);
  });

  it('is in the help', () => {
    expect(runCli(['--help']).stdout).toContain('briefing import FILE [options]');
  });
});
