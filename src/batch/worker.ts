/** The piscina worker: builds one document per task. Fonts, themes and the parser load once per worker, not per task. */
import type { BuildOptions } from '../build/build.js';
import { runJob } from './job.js';
import type { JobResult } from './result.js';

export interface WorkerTask {
  source: string;
  options: BuildOptions;
}

export default function build(task: WorkerTask): Promise<JobResult> {
  return runJob(task.source, task.options);
}
