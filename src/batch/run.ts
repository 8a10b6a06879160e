/**
 * A batch: refuse name clashes, skip documents the cache says are current, build the rest (in-process or in the
 * pool), report every result in source order, record what was built, save the cache once at the end.
 */
import { basename, resolve } from 'node:path';
import type { BuildOptions } from '../build/build.js';
import { EnvironmentError } from '../io/environment.js';
import { outputPath } from '../build/sources.js';
import { TOOL_VERSION } from '../build/version.js';
import { BuildCache, cacheKey } from './cache.js';
import { internalFailure, isErrorLine, type JobResult } from './result.js';
import { runOrdered } from './ordered.js';
import { chooseRunner } from './pool.js';

export interface BatchOptions extends BuildOptions {
  /** --force: build every document, current or not. */
  force?: boolean;
  /** --jobs: documents built at once (0 or undefined: one per core; 1: in-process). */
  jobs?: number;
  /** SOURCE_DATE_EPOCH as given, part of the cache key. */
  sourceDateEpoch?: string | undefined;
}

export interface BatchSummary {
  results: JobResult[];
  /** Error lines that belong to no one source (the cache could not be saved): the batch failed too. */
  problems: string[];
  built: number;
  skipped: number;
  failed: number;
  ms: number;
}

type Planned = { source: string; done: JobResult } | { source: string; build: true };

function clash(source: string, earlier: string, options: BuildOptions): JobResult {
  const name = basename(outputPath(source, options.outDir, 'json'), '.json');
  return { source, status: 'failed', outputs: [], lines: [`${source}: error: has the same name as ${earlier}; both would write ${name}.* in ${options.outDir}`], ms: 0 };
}

export async function runBatch(
  sources: readonly string[],
  options: BatchOptions,
  onResult?: (result: JobResult, index: number) => void,
): Promise<BatchSummary> {
  const started = performance.now();
  const cache = await BuildCache.open(options.outDir);
  const key = cacheKey({
    toolVersion: TOOL_VERSION,
    formats: options.formats,
    template: options.template,
    allowOverflow: options.allowOverflow,
    sourceDateEpoch: options.sourceDateEpoch,
    templateFormats: options.templateFormats,
    mail: options.mail,
  });

  const claimed = new Map<string, string>();
  const plan: Planned[] = sources.map((source) => {
    const output = resolve(outputPath(source, options.outDir, 'json'));
    const earlier = claimed.get(output);
    if (earlier !== undefined && resolve(earlier) !== resolve(source)) return { source, done: clash(source, earlier, options) };
    claimed.set(output, source);
    const entry = options.force ? null : cache.current(source, key);
    if (entry) {
      const { title, date } = entry;
      return { source, done: { source, status: 'skipped', outputs: Object.keys(entry.outputs), lines: entry.warnings, inputs: entry.inputs, title, date, ms: 0 } };
    }
    return { source, build: true };
  });

  const toBuild = plan.filter((p) => 'build' in p).length;
  const runner = await chooseRunner(options, toBuild, options.jobs);
  let results: JobResult[];
  try {
    results = await runOrdered(
      plan,
      runner.concurrency,
      async (item) => ('done' in item ? item.done : runner.run(item.source)),
      (item, error) => internalFailure(item.source, error),
      (result, index) => {
        if (result.status === 'built' && result.inputs) {
          cache.record(result.source, key, result.inputs, result.outputs, result.lines.filter((l) => !isErrorLine(l)), result);
        } else if (result.status === 'failed') {
          cache.forget(result.source);
        }
        onResult?.(result, index);
      },
    );
  } finally {
    await runner.close();
  }
  const problems: string[] = [];
  try {
    await cache.save();
  } catch (error) {
    // The outputs are written; only the next run's skipping is lost. Said as what to do, never as a stack trace.
    if (!(error instanceof EnvironmentError)) throw error;
    problems.push(`briefing: ${error.message}`);
  }
  const count = (status: JobResult['status']): number => results.filter((r) => r.status === status).length;
  return { results, problems, built: count('built'), skipped: count('skipped'), failed: count('failed'), ms: performance.now() - started };
}
