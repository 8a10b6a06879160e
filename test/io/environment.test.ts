/** The environment's errors as messages: each names the problem and the fix; a code not listed is not one of them. */
import { describe, expect, it } from 'vitest';
import { EnvironmentError, listenError, notAFolderError, writeError } from '../../src/io/environment.js';

const failure = (code: string): NodeJS.ErrnoException => Object.assign(new Error(`${code}: raw`), { code });

describe('the environment errors', () => {
  it.each([
    ['EACCES', 'cannot write to out/a.pdf: permission denied: choose another --out folder or fix its permissions'],
    ['EPERM', 'cannot write to out/a.pdf: permission denied: choose another --out folder or fix its permissions'],
    ['EROFS', 'cannot write to out/a.pdf: the disk is read-only: choose another --out folder'],
    ['ENOSPC', 'the disk is full while writing out/a.pdf: free some space and build again'],
    ['EDQUOT', 'your disk quota is used up while writing out/a.pdf: free some space and build again'],
    ['EMFILE', 'too many files are open while writing out/a.pdf: close other programs or use fewer --jobs, and build again'],
    ['EIO', 'the disk reported a hardware error while writing out/a.pdf: check the disk, or choose another --out folder'],
  ])('a write failing with %s', (code, message) => {
    const error = writeError(failure(code), 'out/a.pdf');
    expect(error).toBeInstanceOf(EnvironmentError);
    expect(error?.message).toBe(message);
    expect(error?.exitCode).toBe(1);
  });

  it('leaves an error it does not know alone, to be reported as a bug', () => {
    expect(writeError(failure('EINVAL'), 'out/a.pdf')).toBeUndefined();
    expect(writeError(new TypeError('x is undefined'), 'out/a.pdf')).toBeUndefined();
    expect(listenError(failure('EINVAL'), 80)).toBeUndefined();
  });

  it('a port', () => {
    expect(listenError(failure('EADDRINUSE'), 4173)?.message).toBe('port 4173 is in use; try --port 0 (any free port) or another --port');
    expect(listenError(failure('EACCES'), 80)?.message).toBe('port 80 needs administrator rights on this machine; try --port 0 (any free port) or a port above 1023');
  });

  it('an output folder that is a file is a usage error', () => {
    const error = notAFolderError('x.pdf', 'x.pdf');
    expect(error.message).toBe('--out x.pdf is a file, not a folder: name a folder for the outputs');
    expect(error.exitCode).toBe(2);
  });
});
