/** `briefing new [--kind readout|guidance|memo] NAME`: writes DIR/NAME.md, ready to edit, never over a file unless --force. */
import { join } from 'node:path';
import { FileExistsError, writeNewFiles } from '../io/write-new.js';
import { KINDS, kindLabel, newSource, type NewKind } from './source.js';

export class NewUsageError extends Error {}

export interface NewOptions {
  dir: string;
  kind: string | undefined;
  force: boolean;
  /** The date the new source carries: today (UTC with SOURCE_DATE_EPOCH, for reproducible sources). */
  date: Date;
  utc: boolean;
}

function isoDate(date: Date, utc: boolean): string {
  if (utc) return date.toISOString().slice(0, 10);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export async function runNew(name: string, options: NewOptions): Promise<number> {
  const kind = (options.kind ?? 'readout').toLowerCase();
  if (!(KINDS as readonly string[]).includes(kind)) throw new NewUsageError(`unknown --kind "${options.kind}": choose from ${KINDS.join(', ')}`);
  const file = /\.(md|markdown)$/i.test(name) ? name : `${name}.md`;
  if (file.includes('/') || file.includes('\\') || file.startsWith('.')) throw new NewUsageError(`"${name}" is not a plain file name: give a name such as ports-guidance, and -o DIR for the folder`);
  const path = join(options.dir, file);
  try {
    await writeNewFiles([{ path, bytes: new TextEncoder().encode(newSource(kind as NewKind, isoDate(options.date, options.utc))) }], options.force);
  } catch (error) {
    if (!(error instanceof FileExistsError)) throw error;
    console.error(`${path}: error: the file exists: choose another name, or add --force to replace it`);
    return 1;
  }
  const label = kindLabel(kind as NewKind).toLowerCase();
  console.log(`wrote ${path}: ${/^[aeiou]/.test(label) ? 'an' : 'a'} ${label} to fill in; every other front-matter field is there, commented out`);
  console.log(`build it with: briefing build ${path}`);
  return 0;
}
