/**
 * Runs tasks with bounded concurrency and reports each result in input order, as soon as everything before it is
 * done: messages then read the same on every run, however the work was scheduled. A task that rejects is turned
 * into a result by `onError`, so one failure never stops the rest.
 */
export async function runOrdered<T, R>(
  items: readonly T[],
  concurrency: number,
  run: (item: T, index: number) => Promise<R>,
  onError: (item: T, error: unknown) => R,
  onResult?: (result: R, index: number) => void,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  const done: boolean[] = new Array<boolean>(items.length).fill(false);
  let next = 0;
  let reported = 0;

  const report = (): void => {
    while (reported < items.length && done[reported]) {
      onResult?.(results[reported]!, reported);
      reported++;
    }
  };

  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      const item = items[index]!;
      try {
        results[index] = await run(item, index);
      } catch (error) {
        results[index] = onError(item, error);
      }
      done[index] = true;
      report();
    }
  };

  const lanes = Math.max(1, Math.min(concurrency, items.length));
  await Promise.all(Array.from({ length: lanes }, lane));
  return results;
}
