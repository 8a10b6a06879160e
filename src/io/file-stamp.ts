/**
 * What a watcher compares to know whether a file changed since it was read: its size and modification time, or null
 * when it was not there. Taken before the read, so a write that lands during or after the read changes it.
 */
import { statSync } from 'node:fs';

/** Resolved path → stamp (null: not there). Plain data: it crosses from a worker thread. */
export type FileStamps = Record<string, string | null>;

export function fileStamp(path: string): string | null {
  try {
    const info = statSync(path);
    return info.isFile() ? `${info.size}:${info.mtimeMs}` : null;
  } catch {
    return null;
  }
}
