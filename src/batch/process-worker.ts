/**
 * A batch worker process, started from the startup snapshot (src/startup/snapshot.ts) with WORKER_ENV set: it builds
 * one document per message from the batch (./process-pool.ts) and answers with its result, as plain data. It starts
 * with the pipeline already loaded and warm, which a worker thread cannot: threads never start from a user snapshot.
 */
import { optimiseForLongRuns } from '../startup/tiers.js';
import { runJob } from './job.js';
import type { JobResult } from './result.js';
import type { WorkerTask } from './worker.js';

export const WORKER_ENV = 'BRIEFING_WORKER';

export interface WorkerRequest {
  id: number;
  task: WorkerTask;
}

export interface WorkerResponse {
  id: number;
  result: JobResult;
}

export function serveWorker(): void {
  process.on('message', (request: WorkerRequest) => {
    void runJob(request.task.source, request.task.options).then((result) => {
      process.send?.({ id: request.id, result } satisfies WorkerResponse);
      // More are coming: worth V8's optimising compiler from now on (src/startup/tiers.ts).
      optimiseForLongRuns();
    });
  });
  // The batch is gone (it ended, or was killed): nothing is left to build for.
  process.on('disconnect', () => process.exit(0));
  process.send?.({ up: true });
}
