/** A batch as the CLI shows it: messages in source order, a progress bar on a terminal, one summary line at the end. */
import { relative } from 'node:path';
import { isErrorLine, type JobResult } from './result.js';
import { Progress, summaryLine } from './progress.js';
import { runBatch, type BatchOptions, type BatchSummary } from './run.js';

export interface ReportOptions {
  quiet: boolean;
  /** Paths that did not exist: counted as failed in the summary. */
  missing?: number;
  /** Also called for every result, in order (watch and preview use it). */
  onResult?: (result: JobResult) => void;
  stream?: NodeJS.WriteStream;
}

export async function runReportedBatch(sources: readonly string[], options: BatchOptions, report: ReportOptions): Promise<BatchSummary> {
  const stream = report.stream ?? process.stderr;
  const progress = Progress.for(report.quiet ? 0 : sources.length, stream);
  const summary = await runBatch(sources, options, (result) => {
    progress.print(result.lines.filter((line) => !report.quiet || isErrorLine(line)));
    progress.tick(relative('.', result.source));
    report.onResult?.(result);
  });
  progress.end();
  for (const problem of summary.problems) stream.write(`${problem}\n`);
  summary.failed += report.missing ?? 0;
  if (!report.quiet) stream.write(`${summaryLine(summary, options.outDir)}\n`);
  return summary;
}
