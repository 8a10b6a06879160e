/**
 * The incremental-build cache, kept in the output folder as `.briefing-cache.json`. A document is current when the
 * options that shape its output are the same, every file it was built from still has the same content hash, and
 * every output it wrote is still there with the size and mtime it was written with (so a deleted or hand-edited
 * output is rebuilt). Outputs are checked by stat, not hashed: a rebuild of an unchanged folder must cost a small
 * fraction of a build, and hashing every PDF again would not.
 */
import { readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { writeFileAtomic } from '../io/write.js';
import { sha256 } from '../build/hash.js';
import type { InputHashes } from '../build/inputs.js';

export const CACHE_FILE = '.briefing-cache.json';
// 2: entries carry the briefing's title and date.
const CACHE_VERSION = 2;

interface OutputStamp {
  size: number;
  mtimeMs: number;
}

export interface CacheEntry {
  /** Hash of the tool version and the options (formats, template, overflow, SOURCE_DATE_EPOCH). */
  key: string;
  inputs: InputHashes;
  outputs: Record<string, OutputStamp>;
  /** The warnings printed when it was built, printed again when it is skipped so they are not forgotten. */
  warnings: string[];
  /** The model's title and date, for the preview's list of a folder whose briefings are all current. */
  title?: string;
  date?: string;
}

interface CacheFile {
  version: number;
  entries: Record<string, CacheEntry>;
}

/** Everything besides the files that changes what a build writes. */
export interface CacheKeyParts {
  toolVersion: string;
  formats: readonly string[];
  template: string | undefined;
  allowOverflow: boolean;
  /** SOURCE_DATE_EPOCH when set: outputs carry the build date. Without it the date is "now" and not part of the key. */
  sourceDateEpoch: string | undefined;
  /** No --format: the template's formats (its file is an input, hashed with the others). */
  templateFormats?: boolean;
  /** The eml's --to, --cc, --bcc, --from and --subject. */
  mail?: unknown;
}

export function cacheKey(parts: CacheKeyParts): string {
  return sha256(
    JSON.stringify([parts.toolVersion, [...parts.formats], parts.template ?? null, parts.allowOverflow, parts.sourceDateEpoch ?? null, parts.templateFormats === true, parts.mail ?? null]),
  );
}

function hashFile(path: string): string | null {
  try {
    return sha256(readFileSync(path));
  } catch {
    return null;
  }
}

function stamp(path: string): OutputStamp | null {
  try {
    const info = statSync(path);
    return { size: info.size, mtimeMs: info.mtimeMs };
  } catch {
    return null;
  }
}

export class BuildCache {
  private entries: Record<string, CacheEntry>;
  private dirty = false;

  private constructor(
    readonly path: string,
    entries: Record<string, CacheEntry>,
  ) {
    this.entries = entries;
  }

  /** A missing, unreadable or older-format cache is an empty one: the worst case is a full build. */
  static async open(outDir: string): Promise<BuildCache> {
    const path = join(outDir, CACHE_FILE);
    try {
      const parsed = JSON.parse(await readFile(path, 'utf8')) as Partial<CacheFile>;
      if (parsed.version === CACHE_VERSION && parsed.entries && typeof parsed.entries === 'object') {
        return new BuildCache(path, parsed.entries);
      }
    } catch {
      // Fall through to an empty cache.
    }
    return new BuildCache(path, {});
  }

  /** The entry when the source's outputs are current for this key, else null. */
  current(source: string, key: string): CacheEntry | null {
    const entry = this.entries[resolve(source)];
    if (!entry || entry.key !== key) return null;
    for (const [path, hash] of Object.entries(entry.inputs)) if (hashFile(path) !== hash) return null;
    for (const [path, recorded] of Object.entries(entry.outputs)) {
      const now = stamp(path);
      if (!now || now.size !== recorded.size || now.mtimeMs !== recorded.mtimeMs) return null;
    }
    return entry;
  }

  /** Records a successful build. Outputs are stamped now, right after they were written. */
  record(
    source: string,
    key: string,
    inputs: InputHashes,
    outputs: readonly string[],
    warnings: string[],
    meta: { title?: string; date?: string } = {},
  ): void {
    const stamps: Record<string, OutputStamp> = {};
    for (const output of outputs) {
      const s = stamp(output);
      if (!s) return; // Gone already: leave it uncached so the next run builds it.
      stamps[resolve(output)] = s;
    }
    this.entries[resolve(source)] = { key, inputs, outputs: stamps, warnings, title: meta.title, date: meta.date };
    this.dirty = true;
  }

  /** A failed build must not leave an older entry claiming its (older) outputs are current for the new source. */
  forget(source: string): void {
    const key = resolve(source);
    if (!(key in this.entries)) return;
    delete this.entries[key];
    this.dirty = true;
  }

  async save(): Promise<void> {
    if (!this.dirty) return;
    const file: CacheFile = { version: CACHE_VERSION, entries: this.entries };
    await writeFileAtomic(this.path, new TextEncoder().encode(`${JSON.stringify(file)}\n`));
    this.dirty = false;
  }
}
