/**
 * `briefing build --watch`: build once, then rebuild whenever a source, a new Markdown file or an image a briefing
 * uses changes. Every round is an incremental batch, so only what changed is built; the folders of the sources and
 * of their images are watched (not the files: editors save by writing a new file and renaming it over the old one).
 * Template edits need a restart: a process loads each template once.
 */
import { watch, type FSWatcher } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { expandSources } from './sources.js';
import type { JobResult } from './batch/result.js';
import { runReportedBatch, type ReportOptions } from './batch/reported.js';
import type { BatchOptions, BatchSummary } from './batch/run.js';

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

export function watchBuild(paths: readonly string[], options: BatchOptions, watchOptions: WatchOptions): WatchHandle {
  const watchers = new Map<string, FSWatcher>();
  let inputs = new Set<string>();
  let running = false;
  let pending = false;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  // --force applies to the first round; later rounds rebuild only what changed.
  let roundOptions = options;

  const relevant = (dir: string, name: string | null): boolean =>
    name === null || MARKDOWN.has(extname(name).toLowerCase()) || inputs.has(resolve(dir, name));

  const schedule = (): void => {
    if (closed) return;
    clearTimeout(timer);
    timer = setTimeout(() => void round(), watchOptions.debounceMs ?? 30);
  };

  const watchFolders = (folders: Set<string>): void => {
    for (const [dir, watcher] of watchers) {
      if (!folders.has(dir)) {
        watcher.close();
        watchers.delete(dir);
      }
    }
    for (const dir of folders) {
      if (watchers.has(dir)) continue;
      try {
        const watcher = watch(dir, (_event, name) => {
          if (relevant(dir, name === null ? null : String(name))) schedule();
        });
        watcher.on('error', () => watcher.close());
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
      for (const path of missing) (watchOptions.stream ?? process.stderr).write(`${path}: error: no such file or folder\n`);
      const built: JobResult[] = [];
      const results: JobResult[] = [];
      const summary = await runReportedBatch(sources, roundOptions, {
        ...watchOptions,
        missing: missing.length,
        onResult: (result) => {
          results.push(result);
          if (result.status === 'built') built.push(result);
          watchOptions.onResult?.(result);
        },
      });
      roundOptions = { ...options, force: false };
      inputs = new Set(results.flatMap((r) => Object.keys(r.inputs ?? {})));
      const folders = new Set<string>();
      for (const path of paths) folders.add(sources.includes(path) ? dirname(resolve(path)) : resolve(path));
      for (const path of missing) folders.add(dirname(resolve(path)));
      for (const input of inputs) folders.add(dirname(input));
      if (!closed) watchFolders(folders);
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
