/**
 * "Nothing else in the output folder is touched": an output folder seeded with a sentinel and an older output of the
 * document, and a snapshot of every file's bytes to compare after a build.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SENTINEL = 'sentinel.txt';

/** Writes `sentinel.txt` and an older NAME.pdf/.docx/.html, dated in the past. */
export function seedOutDir(dir: string, name: string): void {
  mkdirSync(dir, { recursive: true });
  const past = new Date('2020-01-01T00:00:00Z');
  const files: Record<string, string> = {
    [SENTINEL]: 'not the build’s file: must survive every build\n',
    [`${name}.pdf`]: '%PDF-1.4\n% an older output\n%%EOF\n',
    [`${name}.docx`]: 'an older docx',
    [`${name}.html`]: '<!doctype html><html><body>an older output</body></html>\n',
  };
  for (const [file, text] of Object.entries(files)) {
    writeFileSync(join(dir, file), text);
    utimesSync(join(dir, file), past, past);
  }
}

export type Snapshot = Map<string, { hash: string; mtimeMs: number }>;

export function snapshot(dir: string): Snapshot {
  const out: Snapshot = new Map();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (!entry.isFile()) {
      out.set(`${entry.name}/`, { hash: 'dir', mtimeMs: 0 });
      continue;
    }
    out.set(entry.name, { hash: createHash('sha256').update(readFileSync(path)).digest('hex'), mtimeMs: 0 });
  }
  return out;
}

/** Names added, removed or changed between two snapshots. */
export function changes(before: Snapshot, after: Snapshot): { added: string[]; removed: string[]; changed: string[] } {
  const added = [...after.keys()].filter((k) => !before.has(k)).sort();
  const removed = [...before.keys()].filter((k) => !after.has(k)).sort();
  const changed = [...after.keys()].filter((k) => before.has(k) && before.get(k)!.hash !== after.get(k)!.hash).sort();
  return { added, removed, changed };
}
