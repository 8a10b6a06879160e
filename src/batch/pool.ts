/**
 * Where documents build: in this thread for a few files (starting workers costs more than it saves), or in a piscina
 * pool sized to the cores for batches. A task that kills its worker rejects; piscina starts a fresh worker and the
 * caller reports that one document as failed.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { BuildOptions } from '../build/build.js';
import type { JobResult } from './result.js';
import type { WorkerTask } from './worker.js';
import { builtHere, startedFromSnapshot } from '../startup/state.js';
import { optimiseForLongRuns } from '../startup/tiers.js';

export interface Runner {
  /** How many documents to keep in flight. */
  readonly concurrency: number;
  run(source: string): Promise<JobResult>;
  close(): Promise<void>;
}

/** Batches up to this size stay in-process. */
export const IN_PROCESS_MAX = 3;

/** The pipeline loads on first use: a pooled batch's main thread never needs it. */
export async function inProcessRunner(options: BuildOptions): Promise<Runner> {
  const { runJob } = await import('./job.js');
  builtHere.yes = true;
  return { concurrency: 1, run: (source) => runJob(source, options), close: async () => {} };
}

/**
 * piscina loads only when a pool is wanted: a single-file build should not pay for it. With require(), not import():
 * the bundled CLI runs as a vm.Script (for its code cache), where a dynamic import() has no loader to go to.
 */
export async function poolRunner(options: BuildOptions, threads: number): Promise<Runner> {
  const { Piscina } = createRequire(import.meta.url)('piscina') as typeof import('piscina');
  const pool = new Piscina<WorkerTask, JobResult>({
    // A path, not a file URL: piscina then require()s the bundled CommonJS worker directly, where import() would
    // first scan all 2 MB of it for named exports (~0.1 s per worker). An ES-module worker (tsc's dist/) falls back
    // to import().
    filename: fileURLToPath(new URL('./worker.js', import.meta.url)),
    minThreads: threads,
    maxThreads: threads,
    // Each worker holds one document at a time; its own queue would only delay the ordered report.
    concurrentTasksPerWorker: 1,
  });
  return {
    // Two per thread keep every worker busy while the main thread reports and records.
    concurrency: threads * 2,
    run: (source) => pool.run({ source, options }),
    close: () => pool.close(),
  };
}

/** For a batch with nothing to build (all current): loads nothing, so an unchanged rebuild stays a cache check. */
const idleRunner: Runner = {
  concurrency: 1,
  run: (source) => Promise.reject(new Error(`${source}: nothing was to be built`)),
  close: async () => {},
};

/** `jobs` from --jobs (0 or undefined: one per core); documents: how many will actually build. */
export async function chooseRunner(options: BuildOptions, documents: number, jobs?: number): Promise<Runner> {
  if (documents === 0) return idleRunner;
  const threads = Math.min(jobs && jobs > 0 ? jobs : availableParallelism(), documents);
  const forced = jobs !== undefined && jobs > 1;
  if (threads <= 1 || (!forced && documents <= IN_PROCESS_MAX)) {
    const runner = await inProcessRunner(options);
    if (documents <= IN_PROCESS_MAX) return runner;
    // Many documents: worth V8's optimising compiler, which a start from the snapshot leaves off for a single build.
    return { ...runner, run: (source) => runner.run(source).finally(optimiseForLongRuns) };
  }
  // Started from the startup snapshot: worker processes start from it too, and this process builds as well.
  const { blob } = startedFromSnapshot;
  const script = process.argv[1];
  if (blob !== undefined && script !== undefined) {
    const { snapshotPoolRunner } = await import('./process-pool.js');
    return snapshotPoolRunner(options, threads - 1, process.execArgv, script);
  }
  return poolRunner(options, threads);
}
