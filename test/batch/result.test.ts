/** A failure that is not the source's fault: the machine's is said as what to do, only a real bug as a bug. */
import { describe, expect, it } from 'vitest';
import { internalFailure } from '../../src/batch/result.js';
import { EnvironmentError } from '../../src/io/environment.js';

describe('internalFailure', () => {
  it("says the machine's problem without calling it a bug, and an unexpected exception a bug", () => {
    const full = internalFailure('a.md', new EnvironmentError('the disk is full while writing out/a.pdf: free some space and build again'));
    expect(full.lines).toEqual(['a.md: error: the disk is full while writing out/a.pdf: free some space and build again']);
    expect(full.status).toBe('failed');
    expect(internalFailure('a.md', new TypeError("Cannot read properties of undefined (reading 'x')")).lines).toEqual([
      "a.md: error: internal error: Cannot read properties of undefined (reading 'x') (this is a bug in briefing; please report it with the source)",
    ]);
  });
});
