/** The long-running commands: `build --watch` and `preview`. Both run until interrupted (Ctrl-C), then exit 0. */
import { basename } from 'node:path';
import type { JobResult } from '../batch/result.js';
import type { BatchOptions } from '../batch/run.js';
import type { PreviewBriefing } from './preview-pages.js';
import { outputPath } from '../build/sources.js';
import { optimiseForLongRuns } from '../startup/tiers.js';
import { watchBuild } from './watch.js';

interface ServeOptions {
  quiet: boolean;
}

/** A result as the preview lists it: by title and date when built (or current), by its messages when it failed. */
function previewBriefing(result: JobResult, outDir: string): PreviewBriefing {
  const name = basename(outputPath(result.source, outDir, 'html'), '.html');
  return { name, source: result.source, title: result.title, date: result.date, ...(result.status === 'failed' ? { failure: result.lines } : {}) };
}

function untilInterrupted(close: () => Promise<void> | void): Promise<number> {
  return new Promise((done) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void Promise.resolve(close()).then(() => done(0));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export async function runWatch(paths: readonly string[], options: BatchOptions, serve: ServeOptions): Promise<number> {
  optimiseForLongRuns();
  const watcher = watchBuild(paths, options, { quiet: serve.quiet });
  await watcher.ready;
  if (!serve.quiet) console.error('watching for changes (Ctrl-C to stop)');
  return untilInterrupted(() => watcher.close());
}

export async function runPreview(paths: readonly string[], options: BatchOptions, serve: ServeOptions & { port: number }): Promise<number> {
  optimiseForLongRuns();
  // Loaded here, not with the CLI: node:http cannot be evaluated while the startup snapshot is built
  // (src/startup/snapshot.ts), and a build has no use for it.
  const { startPreview } = await import('./preview-server.js');
  const server = await startPreview(options.outDir, serve.port);
  const watcher = watchBuild(paths, options, {
    quiet: serve.quiet,
    onRound: (summary, built) => server.update(summary.results.map((r) => previewBriefing(r, options.outDir)), built.flatMap((r) => r.outputs.map((o) => basename(o)))),
  });
  await watcher.ready;
  // Printed even with --quiet: without the address the command is useless.
  console.error(`preview on ${server.url} (Ctrl-C to stop)`);
  return untilInterrupted(async () => {
    watcher.close();
    await server.close();
  });
}
