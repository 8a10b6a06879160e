/** Atomic output: write beside the target under a temporary name, then rename over it (rename is atomic on POSIX). */
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export async function writeFileAtomic(path: string, bytes: Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
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
    throw error;
  }
}
