/**
 * Writing the new source and its pictures: never over an existing file unless asked (`--force`), and never a
 * half-written one. Without --force each file is written under a temporary name and hard-linked to its final name,
 * which fails if that name exists even when another process created it a moment ago; with --force it is renamed
 * over the old one (./write.ts).
 */
import { randomBytes } from 'node:crypto';
import { access, link, mkdir, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { writeFileAtomic } from './write.js';

export interface NewFile {
  path: string;
  bytes: Uint8Array;
}

export class FileExistsError extends Error {
  constructor(readonly path: string) {
    super(`${path} exists`);
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

async function writeExclusive(path: string, bytes: Uint8Array): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, bytes, { flag: 'wx' });
    await link(temp, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new FileExistsError(path);
    throw error;
  } finally {
    await rm(temp, { force: true });
  }
}

/** Writes `files` in order (the source last, so a source never points at a picture that is not there yet). */
export async function writeNewFiles(files: readonly NewFile[], force: boolean): Promise<void> {
  if (!force) {
    for (const file of files) if (await exists(file.path)) throw new FileExistsError(file.path);
  }
  for (const file of files) {
    await mkdir(dirname(file.path), { recursive: true });
    if (force) await writeFileAtomic(file.path, file.bytes);
    else await writeExclusive(file.path, file.bytes);
  }
}
