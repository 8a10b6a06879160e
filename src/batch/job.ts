/** Builds one document and turns the outcome, whatever it is, into a `JobResult`. Loads the whole pipeline. */
import { buildDocument, type BuildOptions } from '../build/build.js';
import { formatFile } from '../build/report.js';
import { internalFailure, type JobResult } from './result.js';

export async function runJob(source: string, options: BuildOptions): Promise<JobResult> {
  const started = performance.now();
  try {
    const result = await buildDocument(source, options);
    const ms = performance.now() - started;
    const lines = formatFile(result.file);
    if (!result.ok) return { source, status: 'failed', outputs: [], lines, seen: result.seen, ms };
    const { title, date } = result.meta ?? {};
    return {
      source,
      status: 'built',
      outputs: result.outputs,
      lines,
      seen: result.seen,
      ms,
      ...(result.inputs ? { inputs: result.inputs } : {}),
      title,
      date,
    };
  } catch (error) {
    return internalFailure(source, error, performance.now() - started);
  }
}
