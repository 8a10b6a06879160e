/** Messages as editors and CI annotate them: `path:line:column: error|warning: message`. */
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';

export function formatMessage(path: string, message: VFileMessage): string {
  const where = message.line ? `${path}:${message.line}:${message.column ?? 1}` : path;
  return `${where}: ${message.fatal ? 'error' : 'warning'}: ${message.reason}`;
}

/** Errors first, then warnings, each in source order. */
export function formatFile(file: VFile): string[] {
  const path = file.path ?? '<input>';
  const sorted = [...file.messages].sort(
    (a, b) => Number(b.fatal === true) - Number(a.fatal === true) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
  );
  return sorted.map((m) => formatMessage(path, m));
}
