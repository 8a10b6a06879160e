/**
 * One document's build as plain data, the same whether it ran in this thread or in a worker: messages are already
 * formatted lines, so nothing with methods or prototypes has to cross a thread boundary.
 */
import type { InputHashes } from './inputs.js';

export type JobStatus = 'built' | 'skipped' | 'failed';

export interface JobResult {
  source: string;
  status: JobStatus;
  outputs: string[];
  /** `path:line:column: error|warning: …`, errors first. */
  lines: string[];
  inputs?: InputHashes;
  ms: number;
}

export function isErrorLine(line: string): boolean {
  return line.includes(': error: ');
}

/** A failure that is not the source's fault (a worker that died, a bug that threw) still names the source. */
export function internalFailure(source: string, error: unknown, ms = 0): JobResult {
  const message = error instanceof Error ? error.message : String(error);
  return {
    source,
    status: 'failed',
    outputs: [],
    lines: [`${source}: error: internal error: ${message} (this is a bug in briefing; please report it with the source)`],
    ms,
  };
}
