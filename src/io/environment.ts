/**
 * The environment's errors: what the machine refused (a folder the user may not write, a full disk, a port another
 * program holds), as one message that names the problem and the fix. Every place that writes or listens maps Node's
 * error codes here, so a user never sees `EACCES` or a stack trace for something that is not a bug in briefing.
 * An error with a code not listed here stays what it was: unexpected, and reported as a bug.
 */

/** A problem of the machine, not of a source and not of briefing. `exitCode` 2 when the command was asked wrongly. */
export class EnvironmentError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
    this.name = 'EnvironmentError';
  }
}

function codeOf(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Writing `path` (a file, or a folder written as `dir/`) failed: why, and what to do. */
const WRITE_MESSAGES: Record<string, (path: string) => string> = {
  EACCES: (path) => `cannot write to ${path}: permission denied: choose another --out folder or fix its permissions`,
  EPERM: (path) => `cannot write to ${path}: permission denied: choose another --out folder or fix its permissions`,
  EROFS: (path) => `cannot write to ${path}: the disk is read-only: choose another --out folder`,
  ENOSPC: (path) => `the disk is full while writing ${path}: free some space and build again`,
  EDQUOT: (path) => `your disk quota is used up while writing ${path}: free some space and build again`,
  EMFILE: (path) => `too many files are open while writing ${path}: close other programs or use fewer --jobs, and build again`,
  ENFILE: (path) => `too many files are open while writing ${path}: close other programs or use fewer --jobs, and build again`,
  EIO: (path) => `the disk reported a hardware error while writing ${path}: check the disk, or choose another --out folder`,
};

/** The environment error for a failed write of `path`, or undefined when the failure is not the machine's doing. */
export function writeError(error: unknown, path: string): EnvironmentError | undefined {
  if (error instanceof EnvironmentError) return error;
  const message = WRITE_MESSAGES[codeOf(error) ?? ''];
  return message ? new EnvironmentError(message(path)) : undefined;
}

/** The output folder cannot be made because `file` (the folder itself or one above it) is a file. A usage error. */
export function notAFolderError(outDir: string, file: string): EnvironmentError {
  const what = file === outDir ? `--out ${outDir} is a file` : `--out ${outDir}: ${file} is a file`;
  return new EnvironmentError(`${what}, not a folder: name a folder for the outputs`, 2);
}

/** Listening on 127.0.0.1:`port` failed. */
export function listenError(error: unknown, port: number): EnvironmentError | undefined {
  switch (codeOf(error)) {
    case 'EADDRINUSE':
      return new EnvironmentError(`port ${port} is in use; try --port 0 (any free port) or another --port`);
    case 'EACCES':
    case 'EPERM':
      return new EnvironmentError(`port ${port} needs administrator rights on this machine; try --port 0 (any free port) or a port above 1023`);
    default:
      return undefined;
  }
}
