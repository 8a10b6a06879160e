import { describe, expect, it } from 'vitest';
import { runOrdered } from '../../src/batch/ordered.js';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('runOrdered', () => {
  it('reports results in input order however they finish', async () => {
    const seen: number[] = [];
    const delays = [30, 1, 20, 1, 5];
    const results = await runOrdered(
      delays,
      3,
      async (ms, i) => {
        await sleep(ms);
        return i;
      },
      () => -1,
      (result) => seen.push(result),
    );
    expect(seen).toEqual([0, 1, 2, 3, 4]);
    expect(results).toEqual([0, 1, 2, 3, 4]);
  });

  it('turns a task that throws into a result and runs the rest', async () => {
    const results = await runOrdered(
      ['a', 'boom', 'c'],
      2,
      async (item) => {
        if (item === 'boom') throw new Error('worker died');
        return `built ${item}`;
      },
      (item, error) => `failed ${item}: ${(error as Error).message}`,
    );
    expect(results).toEqual(['built a', 'failed boom: worker died', 'built c']);
  });

  it('never runs more than the concurrency at once', async () => {
    let running = 0;
    let most = 0;
    await runOrdered(
      Array.from({ length: 10 }, (_, i) => i),
      2,
      async () => {
        running++;
        most = Math.max(most, running);
        await sleep(2);
        running--;
      },
      () => undefined,
    );
    expect(most).toBe(2);
  });
});
