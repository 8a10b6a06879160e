/**
 * Writing outputs. Atomic: write beside the target under a temporary name, then rename over it (rename is atomic on
 * POSIX). A write the machine refuses (permissions, a full disk) throws an EnvironmentError naming the file and the fix.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { notAFolderError, writeError } from './environment.js';

export async function writeFileAtomic(path: string, bytes: Uint8Array): Promise<void> {
  try {
    await mkdir(dirname(path), { recursive: true });
  } catch (error) {
    throw writeError(error, path) ?? error;
  }
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'w');
    try {
      // No fsync. The rename happens only after the write completed, so a crash or kill -9 of this process can never
      // leave a partial file under the final name: the page cache holds the whole file either way. fsync only
      // matters if the machine loses power before the kernel writes back, and then the loss is build output that the
      // next build regenerates from its sources (the build cache stamps outputs by size and mtime, so a truncated
      // output is rebuilt). It cost one disk flush per output file, three per
      // briefing, which dominates a batch on a real disk.
      await handle.writeFile(bytes);
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    // The temporary name means nothing to the user: the message names the file they asked for.
    throw writeError(error, path) ?? error;
  }
}

/** The first of `path` and the folders above it that exists, and whether it is a folder. */
async function nearestExisting(path: string): Promise<{ path: string; isFolder: boolean }> {
  for (let at = path; ; at = dirname(at)) {
    try {
      return { path: at, isFolder: (await stat(at)).isDirectory() };
    } catch {
      if (dirname(at) === at) return { path: at, isFolder: true };
    }
  }
}

/**
 * Makes the output folder and checks that it can be written, before anything is built: a folder that cannot take the
 * outputs is one message, not one per briefing. `--out` naming a file is a usage error.
 */
export async function prepareOutDir(outDir: string): Promise<void> {
  const shown = outDir.endsWith('/') ? outDir : `${outDir}/`;
  try {
    await mkdir(outDir, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOTDIR') {
      const found = await nearestExisting(outDir);
      if (!found.isFolder) throw notAFolderError(outDir, found.path);
    }
    throw writeError(error, shown) ?? error;
  }
  const probe = join(outDir, `.briefing-write-check.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await (await open(probe, 'w')).close();
  } catch (error) {
    throw writeError(error, shown) ?? error;
  } finally {
    await rm(probe, { force: true });
  }
}
