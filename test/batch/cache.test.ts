import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CACHE_FILE } from '../../src/batch/cache.js';
import { runBatch, type BatchOptions } from '../../src/batch/run.js';

const SOURCE = `---
title: Cache test
---

A short summary.

## Section

Some text.
`;

// One transparent pixel.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

let dir: string;
let options: BatchOptions;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'briefing-cache-'));
  writeFileSync(join(dir, 'a.md'), SOURCE);
  writeFileSync(join(dir, 'b.md'), SOURCE.replace('Cache test', 'Other'));
  options = { outDir: join(dir, 'out'), formats: ['json'], allowOverflow: true, buildDate: new Date(0), jobs: 1 };
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const sources = (): string[] => [join(dir, 'a.md'), join(dir, 'b.md')];
const statuses = async (extra: Partial<BatchOptions> = {}): Promise<string[]> =>
  (await runBatch(sources(), { ...options, ...extra })).results.map((r) => r.status);

describe('the build cache', () => {
  it('skips unchanged sources and rebuilds a changed one', async () => {
    expect(await statuses()).toEqual(['built', 'built']);
    expect(await statuses()).toEqual(['skipped', 'skipped']);
    writeFileSync(join(dir, 'a.md'), SOURCE.replace('Some text.', 'Changed text.'));
    expect(await statuses()).toEqual(['built', 'skipped']);
    expect(readFileSync(join(dir, 'out', 'a.json'), 'utf8')).toContain('Changed text.');
  });

  it('rebuilds everything with --force', async () => {
    await statuses();
    expect(await statuses({ force: true })).toEqual(['built', 'built']);
  });

  it('rebuilds when an output was deleted or edited', async () => {
    await statuses();
    rmSync(join(dir, 'out', 'a.json'));
    writeFileSync(join(dir, 'out', 'b.json'), '{}');
    expect(await statuses()).toEqual(['built', 'built']);
  });

  it('rebuilds when the options change (another format, SOURCE_DATE_EPOCH)', async () => {
    await statuses();
    expect(await statuses({ sourceDateEpoch: '1700000000' })).toEqual(['built', 'built']);
    expect(await statuses({ sourceDateEpoch: '1700000000' })).toEqual(['skipped', 'skipped']);
    expect(await statuses({ formats: ['json'], template: 'embassy' })).toEqual(['built', 'built']);
  });

  it('rebuilds when an image the source uses changes, even with the same size and mtime', async () => {
    writeFileSync(join(dir, 'pixel.png'), PNG);
    writeFileSync(join(dir, 'a.md'), `${SOURCE}\n![A pixel](pixel.png)\n`);
    expect(await statuses()).toEqual(['built', 'built']);
    const before = statSync(join(dir, 'pixel.png'));
    const changed = Buffer.from(PNG);
    changed.writeUInt8(changed.readUInt8(changed.length - 20) ^ 0xff, changed.length - 20);
    writeFileSync(join(dir, 'pixel.png'), changed);
    utimesSync(join(dir, 'pixel.png'), before.atime, before.mtime);
    expect(await statuses()).toEqual(['built', 'skipped']);
  });

  it('does not cache a failure, and reports it every time', async () => {
    writeFileSync(join(dir, 'a.md'), '---\ntitle: [unclosed\n---\nbody\n');
    for (let i = 0; i < 2; i++) {
      const summary = await runBatch(sources(), options);
      expect(summary.results.map((r) => r.status)).toEqual(['failed', i === 0 ? 'built' : 'skipped']);
      expect(summary.results[0]!.lines[0]).toMatch(/a\.md:2:\d+: error: /);
    }
  });

  it('keeps JSON alone apart from the fit: a briefing too long for one page is built and skipped; with the PDF it fails and its JSON stays as it was', async () => {
    const sentence = 'The delegation reviewed supply chains, maritime security and cooperation on critical minerals with partners. ';
    const body = Array.from({ length: 12 }, (_, i) => `## Section ${i + 1}\n\n${`${sentence.repeat(6)}\n\n`.repeat(3)}`).join('');
    writeFileSync(join(dir, 'a.md'), `---\ntitle: Too long\n---\n\nSummary.\n\n${body}`);
    const onePage = { ...options, allowOverflow: false };
    const json = join(dir, 'out', 'a.json');
    expect(await statuses(onePage)).toEqual(['built', 'built']);
    const written = { bytes: readFileSync(json), mtimeMs: statSync(json).mtimeMs };
    expect(await statuses(onePage)).toEqual(['skipped', 'skipped']);
    const both = await runBatch(sources(), { ...onePage, formats: ['pdf', 'json'] });
    expect(both.results.map((r) => r.status)).toEqual(['failed', 'built']);
    expect(both.results[0]!.lines[0]).toMatch(/a\.md:1:1: error: does not fit on one page/);
    expect({ bytes: readFileSync(json), mtimeMs: statSync(json).mtimeMs }).toEqual(written);
    // The failure is not cached, and JSON alone still builds it (b.md too: its entry is for the PDF and JSON now).
    expect(await statuses(onePage)).toEqual(['built', 'built']);
    expect(await statuses(onePage)).toEqual(['skipped', 'skipped']);
  });

  it('remembers the title and date of each briefing, so a skipped one is listed by them (the preview does)', async () => {
    writeFileSync(join(dir, 'a.md'), SOURCE.replace('title: Cache test', 'title: Cache test\ndate: 2025-01-07'));
    const pick = (summary: Awaited<ReturnType<typeof runBatch>>): unknown[] => summary.results.map((r) => [r.status, r.title, r.date]);
    expect(pick(await runBatch(sources(), options))).toEqual([['built', 'Cache test', '2025-01-07'], ['built', 'Other', undefined]]);
    expect(pick(await runBatch(sources(), options))).toEqual([['skipped', 'Cache test', '2025-01-07'], ['skipped', 'Other', undefined]]);
  });

  it('keeps the cache in the output folder and survives a corrupt one', async () => {
    await statuses();
    expect(JSON.parse(readFileSync(join(dir, 'out', CACHE_FILE), 'utf8'))).toHaveProperty('entries');
    writeFileSync(join(dir, 'out', CACHE_FILE), '{not json');
    expect(await statuses()).toEqual(['built', 'built']);
    expect(await statuses()).toEqual(['skipped', 'skipped']);
  });
});
