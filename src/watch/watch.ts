/**
 * `briefing build --watch`: build once, then rebuild whenever a source, a new Markdown file or an image a briefing
 * names changes. Every round is an incremental batch, so only what changed is built.
 *
 * What is watched is every file a briefing looked at in its last build, built or failed: its source and each image
 * it names, whether the image was there, half-written or missing. Folders are watched, not files (editors save by
 * writing a new file and renaming it over the old one); for a file whose folder does not exist yet, the nearest
 * folder above it that does, so the folder appearing starts the next round and that round watches it.
 *
 * An event that lands while nothing watches (a file written after a build read it, before its folder was watched)
 * is not lost: each build stamps what it read (size and mtime, or "not there"), and a round whose files no longer
 * match those stamps is followed by another. A file caught half-written is read again the same way once it changes.
 * Template edits need a restart: a process loads each template once.
 */
import { existsSync, statSync, watch, type FSWatcher } from 'node:fs';
import { dirname, extname, resolve, sep } from 'node:path';
import { fileStamp } from '../io/file-stamp.js';
import { expandSources } from '../build/sources.js';
import type { JobResult } from '../batch/result.js';
import { runReportedBatch, type ReportOptions } from '../batch/reported.js';
import type { BatchOptions, BatchSummary } from '../batch/run.js';

export interface WatchOptions extends ReportOptions {
  /** After every round (the first included), with the results that were built in it. */
  onRound?: (summary: BatchSummary, built: JobResult[]) => void;
  /** Quiet time after the last change before a round starts: editors write in several steps. */
  debounceMs?: number;
}

export interface WatchHandle {
  /** Resolves after the first round. */
  ready: Promise<BatchSummary>;
  close(): void;
}

const MARKDOWN = new Set(['.md', '.markdown']);

/** `path` if it is a folder, else the nearest folder above it that exists. */
function nearestFolder(path: string): string {
  for (let at = path; ; at = dirname(at)) {
    try {
      if (statSync(at).isDirectory()) return at;
    } catch {
      // Not there (yet): try the folder above.
    }
    if (dirname(at) === at) return at;
  }
}

/** Every file the round's briefings depend on: what they read in this build, or what the cache says they were built from. */
function filesOf(results: readonly JobResult[]): Set<string> {
  return new Set(results.flatMap((r) => [...Object.keys(r.seen ?? {}), ...Object.keys(r.inputs ?? {})]));
}

/** True when a file a build read has changed since it was read (or appeared, or went). */
function changedSinceRead(results: readonly JobResult[]): boolean {
  return results.some((r) => Object.entries(r.seen ?? {}).some(([path, stamp]) => fileStamp(path) !== stamp));
}

export function watchBuild(paths: readonly string[], options: BatchOptions, watchOptions: WatchOptions): WatchHandle {
  const stream = watchOptions.stream ?? process.stderr;
  const watchers = new Map<string, FSWatcher>();
  let files = new Set<string>();
  let running = false;
  let pending = false;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  // --force applies to the first round; later rounds rebuild only what changed.
  let roundOptions = options;

  const relevant = (dir: string, name: string | null): boolean => {
    if (name === null || MARKDOWN.has(extname(name).toLowerCase())) return true;
    const path = resolve(dir, name);
    if (files.has(path)) return true;
    // A folder on the way to a file a briefing names appeared (or went).
    for (const file of files) if (file.startsWith(path + sep)) return true;
    return false;
  };

  const schedule = (): void => {
    if (closed) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      round().catch((error: unknown) => {
        // A round that throws is a bug; say so, and keep watching (the next change tries again).
        stream.write(`briefing: internal error (this is a bug in briefing; please report it): ${(error as Error).stack ?? String(error)}\n`);
      });
    }, watchOptions.debounceMs ?? 30);
  };

  const watchFolders = (folders: Set<string>): void => {
    for (const [dir, watcher] of watchers) {
      if (!folders.has(dir)) {
        watcher.close();
        watchers.delete(dir);
      }
    }
    for (const dir of folders) {
      if (watchers.has(dir) || !existsSync(dir)) continue;
      try {
        const watcher = watch(dir, (_event, name) => {
          if (relevant(dir, name === null ? null : String(name))) schedule();
        });
        // A folder that was removed: forget its watcher, and let a round find out what is there now.
        watcher.on('error', () => {
          watcher.close();
          if (watchers.get(dir) === watcher) watchers.delete(dir);
          schedule();
        });
        watchers.set(dir, watcher);
      } catch {
        // A folder that vanished: the next round reports its sources as missing.
      }
    }
  };

  const round = async (): Promise<BatchSummary | undefined> => {
    if (running) {
      pending = true;
      return undefined;
    }
    running = true;
    try {
      const { sources, missing } = await expandSources(paths);
      for (const path of missing) stream.write(`${path}: error: no such file or folder\n`);
      const built: JobResult[] = [];
      const summary = await runReportedBatch(sources, roundOptions, {
        ...watchOptions,
        missing: missing.length,
        onResult: (result) => {
          if (result.status === 'built') built.push(result);
          watchOptions.onResult?.(result);
        },
      });
      roundOptions = { ...options, force: false };
      // A path that was not there counts as a file a briefing names: its appearing starts a round.
      files = new Set([...filesOf(summary.results), ...missing.map((path) => resolve(path))]);
      const folders = new Set<string>();
      for (const path of paths) folders.add(nearestFolder(sources.includes(path) ? dirname(resolve(path)) : resolve(path)));
      for (const path of missing) folders.add(nearestFolder(dirname(resolve(path))));
      for (const file of files) folders.add(nearestFolder(dirname(file)));
      if (!closed) watchFolders(folders);
      // Watched from here on; a change between a build's read and now had no watcher to tell.
      if (changedSinceRead(summary.results)) pending = true;
      watchOptions.onRound?.(summary, built);
      return summary;
    } finally {
      running = false;
      if (pending && !closed) {
        pending = false;
        schedule();
      }
    }
  };

  const ready = round().then((summary) => summary!);
  return {
    ready,
    close() {
      closed = true;
      clearTimeout(timer);
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}
