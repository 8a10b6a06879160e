/** `briefing new`: a source for each kind that builds as it is, names every front-matter field, and never overwrites. */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KINDS, namedFields, newSource } from '../../src/new/source.js';
import { FIELD_ALIASES, frontMatterSchema } from '../../src/parse/frontmatter.js';
import { parseBriefing } from '../../src/parse/index.js';
import { clientsAvailable } from '../support/clients.js';
import { runCli } from '../support/cli.js';
import { pdfPages } from '../support/pdf.js';

describe.each(KINDS)('briefing new --kind %s', (kind) => {
  it('parses with no message at all, and names every front-matter field the schema has', () => {
    const { briefing, file } = parseBriefing(newSource(kind, '2026-12-01'), '/tmp/new.md');
    expect(file.messages.map(String)).toEqual([]);
    expect(briefing?.meta.date).toBe('2026-12-01');
    expect(new Set(namedFields(kind))).toEqual(new Set(Object.keys(frontMatterSchema.shape).filter((field) => !(field in FIELD_ALIASES))));
  });

  it.skipIf(!clientsAvailable('pdfinfo'))('writes source/NAME.md, which builds on one page as it is', () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefing-new-'));
    const made = runCli(['new', '--kind', kind, 'draft'], { cwd: dir, env: { SOURCE_DATE_EPOCH: '1764547200' } });
    expect(made.status, made.stderr).toBe(0);
    expect(made.stdout).toContain('wrote source/draft.md');
    expect(readFileSync(join(dir, 'source/draft.md'), 'utf8')).toContain('date: 2025-12-01');
    const built = runCli(['build', 'source/draft.md', '--out', 'out'], { cwd: dir });
    expect(built.status, built.stderr).toBe(0);
    expect(built.stderr, 'no warning').toMatch(/^built 1, skipped 0, failed 0 in [\d.]+ s → out\n$/);
    expect(pdfPages(join(dir, 'out/draft.pdf'))).toBe(1);
  });
});

it('never overwrites without --force, and refuses an unknown kind or a path as a name', () => {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-new-'));
  expect(runCli(['new', 'memo', '-o', 'drafts'], { cwd: dir }).status).toBe(0);
  const again = runCli(['new', 'memo', '-o', 'drafts'], { cwd: dir });
  expect(again.status).toBe(1);
  expect(again.stderr).toBe('drafts/memo.md: error: the file exists: choose another name, or add --force to replace it\n');
  expect(runCli(['new', 'memo', '-o', 'drafts', '--force', '--kind', 'guidance'], { cwd: dir }).status).toBe(0);
  expect(readFileSync(join(dir, 'drafts/memo.md'), 'utf8')).toContain('kind: Press guidance');
  const unknown = runCli(['new', '--kind', 'letter', 'x'], { cwd: dir });
  expect(unknown.status).toBe(2);
  expect(unknown.stderr).toContain('briefing: unknown --kind "letter": choose from readout, guidance, memo');
  expect(runCli(['new', '../escape'], { cwd: dir }).status).toBe(2);
  expect(existsSync(join(dir, '..', 'escape.md'))).toBe(false);
});
