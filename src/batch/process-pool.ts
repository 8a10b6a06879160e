/**
 * A batch's pool when the CLI started from the startup snapshot (src/startup/snapshot.ts): this process builds
 * documents itself from the first moment, its pipeline already loaded and warm, and `workers` more processes start
 * from the same snapshot (./process-worker.ts) and take documents as soon as each says it is up. So the first results
 * come while the workers start, and a pool of two cores holds two heaps, not three (a main thread and two workers).
 *
 * A document whose worker dies (killed, out of memory) rejects, and is reported as failed like any other; a fresh
 * worker takes its place while documents are left.
 */
import { fork, type ChildProcess } from 'node:child_process';
import type { BuildOptions } from '../build/build.js';
import { optimiseForLongRuns } from '../startup/tiers.js';
import type { Runner } from './pool.js';
import type { JobResult } from './result.js';
import { WORKER_ENV, type WorkerRequest, type WorkerResponse } from './process-worker.js';

interface Waiting {
  source: string;
  resolve: (result: JobResult) => void;
  reject: (error: Error) => void;
}

interface Worker {
  child: ChildProcess;
  up: boolean;
  /** Its channel closed under a task (it is dying): the task went back to the queue. */
  lost: boolean;
  doing: (Waiting & { id: number }) | undefined;
}

/**
 * `execArgv`: this process's own Node options, the snapshot blob and the V8 flags it must be started with;
 * `script`, what the launcher names as the script (dist/cli.js).
 */
export async function snapshotPoolRunner(options: BuildOptions, workers: number, execArgv: readonly string[], script: string): Promise<Runner> {
  const { runJob } = await import('./job.js');
  const queue: Waiting[] = [];
  const pool = new Set<Worker>();
  let localBusy = false;
  let closing = false;
  // A worker that stops before it is up will not start the next time either: this process builds the rest alone.
  let broken = false;
  let nextId = 0;

  const start = (): void => {
    const child = fork(script, [], {
      execArgv: [...execArgv],
      env: { ...process.env, [WORKER_ENV]: '1' },
      // Dates (the build date) and typed arrays cross as they are.
      serialization: 'advanced',
      // Documents' messages come back as results; stderr stays for what only a dying process can say.
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    const worker: Worker = { child, up: false, lost: false, doing: undefined };
    pool.add(worker);
    child.on('message', (message: WorkerResponse | { up: true }) => {
      if ('up' in message) {
        worker.up = true;
      } else if (worker.doing && worker.doing.id === message.id) {
        const { resolve } = worker.doing;
        worker.doing = undefined;
        resolve(message.result);
      }
      dispatch();
    });
    const gone = (why: string): void => {
      if (!pool.delete(worker)) return;
      if (!worker.up && !worker.lost) broken = true;
      worker.doing?.reject(new Error(`the worker process building it stopped (${why})`));
      worker.doing = undefined;
      if (!closing && !broken && queue.length > 0) start();
      dispatch();
    };
    child.on('exit', (code, signal) => gone(signal ?? `exit code ${code}`));
    child.on('error', (error) => gone(error.message));
  };

  const dispatch = (): void => {
    for (const worker of pool) {
      if (queue.length === 0) return;
      if (!worker.up || worker.doing) continue;
      const waiting = queue.shift()!; // not empty: checked above
      const id = nextId++;
      worker.doing = { ...waiting, id };
      worker.child.send({ id, task: { source: waiting.source, options } } satisfies WorkerRequest, (error) => {
        if (!error || worker.doing?.id !== id) return;
        // The worker is going away: another builder takes the task, and the exit is handled when it comes.
        worker.up = false;
        worker.lost = true;
        worker.doing = undefined;
        queue.unshift(waiting);
        dispatch();
      });
    }
    // This process builds only what no worker is free for: it also reads the results and reports them.
    if (queue.length > 0 && !localBusy) {
      const waiting = queue.shift()!; // not empty: checked above
      localBusy = true;
      void runJob(waiting.source, options).then((result) => {
        // A batch: worth V8's optimising compiler from now on (src/startup/tiers.ts).
        optimiseForLongRuns();
        localBusy = false;
        waiting.resolve(result);
        dispatch();
      });
    }
  };

  for (let i = 0; i < workers; i++) start();
  return {
    concurrency: (workers + 1) * 2,
    run: (source) =>
      new Promise<JobResult>((resolve, reject) => {
        queue.push({ source, resolve, reject });
        dispatch();
      }),
    close: async () => {
      closing = true;
      await Promise.all(
        [...pool].map(
          (worker) =>
            new Promise<void>((resolve) => {
              if (worker.child.exitCode !== null || worker.child.signalCode !== null) return resolve();
              worker.child.once('exit', () => resolve());
              if (worker.child.connected) worker.child.disconnect();
            }),
        ),
      );
    },
  };
}
