/**
 * One document's build as plain data, the same whether it ran in this thread or in a worker: messages are already
 * formatted lines, so nothing with methods or prototypes has to cross a thread boundary.
 */
import { EnvironmentError } from '../io/environment.js';
import type { FileStamps } from '../io/file-stamp.js';
import type { InputHashes } from '../build/inputs.js';

export type JobStatus = 'built' | 'skipped' | 'failed';

export interface JobResult {
  source: string;
  status: JobStatus;
  outputs: string[];
  /** `path:line:column: error|warning: …`, errors first. */
  lines: string[];
  inputs?: InputHashes;
  /**
   * Every file the build looked at (the source, each image it names, found or not) with its stamp when it was read
   * (see file-stamp.ts; null: not there). Failed builds have it too: `--watch` watches these, and builds again when
   * one changed while it was being read.
   */
  seen?: FileStamps;
  /** From the model, when it was built (or, when skipped, when it was last built): what the preview lists. */
  title?: string;
  date?: string;
  ms: number;
}

export function isErrorLine(line: string): boolean {
  return line.includes(': error: ');
}

/**
 * A failure that is not the source's fault still names the source: the machine's (a full disk, a folder it may not
 * write), said as what to do; or briefing's own (a worker that died, a bug that threw), said as a bug.
 */
export function internalFailure(source: string, error: unknown, ms = 0): JobResult {
  const message = error instanceof Error ? error.message : String(error);
  const line =
    error instanceof EnvironmentError
      ? `${source}: error: ${message}`
      : `${source}: error: internal error: ${message} (this is a bug in briefing; please report it with the source)`;
  return { source, status: 'failed', outputs: [], lines: [line], ms };
}
