/**
 * How the parser reports: vfile messages with a place in the source file, so the CLI can print
 * `path:line:column: message`. Errors are `fatal: true` (the document is not built); warnings are `fatal: false`.
 */
import type { VFile } from 'vfile';
import type { Point, Position } from 'unist';

export type Place = Point | Position | undefined;

const SOURCE = 'briefing';

export function reportError(file: VFile, reason: string, place: Place, ruleId: string): void {
  const message = file.message(reason, { place, ruleId, source: SOURCE });
  message.fatal = true;
}

export function reportWarning(file: VFile, reason: string, place: Place, ruleId: string): void {
  const message = file.message(reason, { place, ruleId, source: SOURCE });
  message.fatal = false;
}

export function hasErrors(file: VFile): boolean {
  return file.messages.some((m) => m.fatal === true);
}
