/**
 * `npm run bench [-- --count N --runs R --memory-count M]`: how fast briefing builds, beside Pandoc on the same sources.
 * Prints numbers; asserts nothing. Batches run in fresh child processes so each peak-memory figure is that batch's own.
 *
 *   single   one briefing in every format, in a warm process (median of R runs after warm-up)
 *   cold     `node dist/cli.js build source/X.md` from a fresh process, wall time (median), for each source; and the
 *            first run after a compile on its own, which also makes the bundle's code cache
 *   batch    N copies of the sources, --force, the worker pool (median of R runs): per briefing, per second, peak RSS,
 *            and the rate after the first result (what the pool's start and warm-up cost)
 *   rebuild  the same batch again, unchanged: what the cache saves
 *   memory   M copies, once in the pool and once in one thread (--jobs 1), for peak RSS at scale
 *   pandoc   `pandoc X.md -o X.docx`, `-s --self-contained -o X.html`, `--pdf-engine=weasyprint -o X.pdf`
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { BuildOptions } from './build.js';
import { buildDateFromEnv, expandSources } from './sources.js';
import type { Format } from './render/types.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const CLI = join(ROOT, 'dist/cli.js');
const SELF = fileURLToPath(import.meta.url);
const WANTED: Format[] = ['pdf', 'docx', 'html'];

interface ChildResult {
  ms: number;
  /** From the start to the first document's result: starting the pool and warming it up. */
  firstMs: number;
  cpuMs: number;
  built: number;
  skipped: number;
  failed: number;
  maxRssMB: number;
}

/** Whether the bundled CLI has its code cache yet (the compile step removes it). */
function hasCodeCache(): boolean {
  // The loader the bin uses (copied beside the bundle by scripts/bundle.mjs) names the cache.
  const { codeCacheFile } = createRequire(import.meta.url)('./bundle/code-cache.cjs') as { codeCacheFile: (file: string) => string };
  return existsSync(codeCacheFile(join(ROOT, 'dist/bundle/cli.js')));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Briefings per second once the first result is in: what the batch runs at once the pool has started. */
const afterFirst = (count: number, totalMs: number, firstMs: number): number => ((count - 1) / (totalMs - firstMs)) * 1000;

const ms = (n: number): string => `${n.toFixed(n < 10 ? 2 : 0)} ms`;

function options(outDir: string, formats: readonly Format[]): BuildOptions {
  // Overflow allowed: a source that runs a few lines long must not stop a speed measurement (the work is the same).
  return { outDir, formats, allowOverflow: true, buildDate: buildDateFromEnv() };
}

/**
 * Child mode: one batch, timed inside the process, printed as JSON. It runs the bundled batch runner, the code the
 * CLI runs (its workers the bundled worker), and loads nothing else, so its peak memory is the CLI's.
 */
async function child(srcDir: string, outDir: string, formats: Format[], force: boolean, jobs: number | undefined): Promise<void> {
  const { runBatch } = (await import(new URL('./bundle/batch.js', import.meta.url).href)) as typeof import('./batch/run.js');
  const { sources } = await expandSources([srcDir]);
  const cpu = process.cpuUsage();
  const started = performance.now();
  let firstMs = 0;
  const summary = await runBatch(sources, { ...options(outDir, formats), force, ...(jobs ? { jobs } : {}) }, () => {
    firstMs ||= performance.now() - started;
  });
  const used = process.cpuUsage(cpu);
  const result: ChildResult = {
    ms: summary.ms,
    firstMs,
    cpuMs: (used.user + used.system) / 1000,
    built: summary.built,
    skipped: summary.skipped,
    failed: summary.failed,
    // resourceUsage covers the whole process, worker threads included.
    maxRssMB: process.resourceUsage().maxRSS / 1024,
  };
  console.log(JSON.stringify(result));
}

/** `jobs`: as --jobs (undefined: the default, a pool of one worker per core). */
function runChild(srcDir: string, outDir: string, formats: Format[], force: boolean, jobs?: number): ChildResult {
  const args = [SELF, '--child', srcDir, outDir, formats.join(','), force ? '1' : '0', String(jobs ?? 0)];
  const out = execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 24 });
  return JSON.parse(out.trim().split('\n').pop()!) as ChildResult;
}

function copies(sources: string[], count: number, dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) {
    const source = sources[i % sources.length]!;
    copyFileSync(source, join(dir, `${String(i).padStart(5, '0')}-${basename(source)}`));
  }
}

function has(command: string): boolean {
  return spawnSync('which', [command], { stdio: 'ignore' }).status === 0;
}

function timeCommand(command: string, args: string[]): number | string {
  const started = performance.now();
  const run = spawnSync(command, args, { encoding: 'utf8', timeout: 120_000 });
  if (run.status !== 0) return (run.stderr || run.error?.message || `exit ${run.status}`).trim().split('\n')[0]!;
  return performance.now() - started;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '200' },
      runs: { type: 'string', default: '3' },
      'memory-count': { type: 'string', default: '1000' },
      sources: { type: 'string', default: join(ROOT, 'source') },
    },
  });
  const count = Number(values.count);
  const runs = Math.max(1, Number(values.runs));
  const memoryCount = Number(values['memory-count']);
  const { sources } = await expandSources([values.sources]);
  if (sources.length === 0) throw new Error(`no sources in ${values.sources}`);
  // Loaded here, not at the top: a batch child must hold in memory only what the CLI's own main thread holds, or its
  // peak memory would count a pipeline the CLI never loads there.
  const { buildDocument } = await import('./build.js');
  const work = mkdtempSync(join(tmpdir(), 'briefing-bench-'));
  const lines: string[] = [];
  const say = (line = ''): void => {
    console.log(line);
    lines.push(line);
  };

  try {
    say(`briefing bench: ${sources.length} sources, ${availableParallelism()} cores (${cpus()[0]?.model ?? '?'}), Node ${process.version}`);
    say(`load average at start: ${loadavg().map((l) => l.toFixed(2)).join(' ')}  (other work on the machine inflates wall times; CPU times are given too)`);

    // Which emitters exist yet: measure those, say which were left out.
    const formats: Format[] = [];
    for (const format of WANTED) {
      const probe = await buildDocument(sources[0]!, options(join(work, 'probe'), [format]));
      if (probe.ok) formats.push(format);
      else say(`skipped format ${format}: ${probe.file.messages.find((m) => m.fatal)?.reason ?? 'failed'}`);
    }
    if (formats.length === 0) formats.push('json');
    const complete = WANTED.every((f) => formats.includes(f));
    say(`formats measured: ${formats.join(', ')}${complete ? '' : '  (NOT all three: figures and ratios are not the real ones yet)'}`);
    say();

    // Single briefing, warm process.
    const single: number[] = [];
    const singleCpu: number[] = [];
    for (const source of sources) {
      for (let i = 0; i < 2; i++) await buildDocument(source, options(join(work, 'warm'), formats));
      for (let i = 0; i < Math.max(5, runs * 3); i++) {
        const cpu = process.cpuUsage();
        const started = performance.now();
        const result = await buildDocument(source, options(join(work, 'warm'), formats));
        if (!result.ok) throw new Error(`${source} failed to build`);
        single.push(performance.now() - started);
        const used = process.cpuUsage(cpu);
        singleCpu.push((used.user + used.system) / 1000);
      }
    }
    const singleMs = median(single);
    say(`single briefing, warm process:   ${ms(singleMs)} wall, ${ms(median(singleCpu))} CPU (median, all formats measured)`);

    // A cold CLI run per source: what a writer waits for. The slowest source decides the target. The first run after
    // a compile also writes the CLI's V8 code cache (scripts/bundle-shims/code-cache.cjs); it is timed on its own.
    const coldRun = (source: string): number => {
      const t = timeCommand(process.execPath, [CLI, 'build', source, '--out', join(work, 'cold'), '--format', formats.join(','), '--allow-overflow', '--force', '-q']);
      if (typeof t === 'string') throw new Error(`cold build of ${basename(source)} failed: ${t}`);
      return t;
    };
    const codeCacheMade = !hasCodeCache();
    const firstColdMs = coldRun(sources[0]!); // not empty: checked above
    if (codeCacheMade) say(`cold, first run after a compile (no code cache yet, and writing it): ${ms(firstColdMs)} wall, ${basename(sources[0]!)}`);
    let coldMs = 0;
    for (const source of sources) {
      const cold: number[] = [];
      for (let i = 0; i < Math.max(3, runs); i++) cold.push(coldRun(source));
      const sourceMs = median(cold);
      coldMs = Math.max(coldMs, sourceMs);
      say(`cold \`briefing build ${basename(source)}\`: ${ms(sourceMs)} wall (median of ${cold.length})   target < 1000 ms  ${sourceMs < 1000 ? 'MET' : 'MISSED'}`);
    }

    // Batches in child processes.
    const batchDir = join(work, 'batch');
    copies(sources, count, batchDir);
    const full: ChildResult[] = [];
    for (let i = 0; i < runs; i++) full.push(runChild(batchDir, join(work, 'batch-out'), formats, true));
    const fullMs = median(full.map((r) => r.ms));
    const perSecond = (count / fullMs) * 1000;
    const peak = Math.max(...full.map((r) => r.maxRssMB));
    if (full.some((r) => r.failed > 0)) say(`warning: ${full[0]!.failed} of ${count} failed in the batch`);
    say(`batch of ${count}, pool of ${availableParallelism()}:        ${ms(fullMs)} wall (median of ${runs}), ${ms(fullMs / count)} per briefing, ${ms(median(full.map((r) => r.cpuMs)) / count)} CPU per briefing`);
    say(`  briefings per second:          ${perSecond.toFixed(1)}   target ≥ 50 on 2 cores  ${perSecond >= 50 ? 'MET' : 'MISSED'}`);
    const firstMs = median(full.map((r) => r.firstMs));
    say(`  of which starting the pool:    ${ms(firstMs)} to the first result; after it, ${afterFirst(count, fullMs, firstMs).toFixed(1)} per second`);
    say(`  peak memory (RSS):             ${peak.toFixed(0)} MB`);
    const again = runChild(batchDir, join(work, 'batch-out'), formats, false);
    say(`  rebuild, nothing changed:      ${ms(again.ms)} (${again.skipped} skipped, ${again.built} built) = ${((again.ms / fullMs) * 100).toFixed(1)}% of a full build`);

    if (memoryCount > 0) {
      const memoryDir = join(work, 'memory');
      copies(sources, memoryCount, memoryDir);
      const big = runChild(memoryDir, join(work, 'memory-out'), formats, true);
      say(`batch of ${memoryCount}:                  ${ms(big.ms)} wall, ${((memoryCount / big.ms) * 1000).toFixed(1)} per second (${afterFirst(memoryCount, big.ms, big.firstMs).toFixed(1)} after the first result), peak memory ${big.maxRssMB.toFixed(0)} MB   target < 300 MB  ${big.maxRssMB < 300 ? 'MET' : 'MISSED'}`);
      // The same in one thread: the pool's speed costs memory (each worker loads its own fonts and libraries).
      const alone = runChild(memoryDir, join(work, 'memory-out'), formats, true, 1);
      say(`  in one thread (--jobs 1):      ${ms(alone.ms)} wall, ${((memoryCount / alone.ms) * 1000).toFixed(1)} per second, peak memory ${alone.maxRssMB.toFixed(0)} MB`);
      rmSync(memoryDir, { recursive: true, force: true });
      rmSync(join(work, 'memory-out'), { recursive: true, force: true });
    }
    say();

    // Pandoc on the same sources, each conversion a process of its own as Pandoc is used.
    if (!has('pandoc')) {
      say('skipped Pandoc: `pandoc` is not installed');
    } else {
      const version = execFileSync('pandoc', ['--version'], { encoding: 'utf8' }).split('\n')[0]!;
      const major = version.match(/pandoc(?:\.exe)? (\d+)\.(\d+)/);
      const embed = major && (Number(major[1]) > 2 || Number(major[2]) >= 19) ? ['--embed-resources', '--standalone'] : ['--self-contained'];
      const weasy = has('weasyprint');
      const conversions: { name: string; args: (src: string, out: string) => string[] }[] = [
        { name: 'docx', args: (src, out) => [src, '-o', `${out}.docx`] },
        { name: 'html', args: (src, out) => [src, '-s', ...embed, '-o', `${out}.html`] },
      ];
      if (weasy) conversions.push({ name: 'pdf', args: (src, out) => [src, '--pdf-engine=weasyprint', '-o', `${out}.pdf`] });
      say(`${version}${weasy ? ' with WeasyPrint' : ''}`);
      if (!weasy) say('skipped Pandoc PDF: `weasyprint` is not installed (the Pandoc figure covers DOCX and HTML only)');
      mkdirSync(join(work, 'pandoc'), { recursive: true });
      let pandocPerBriefing = 0;
      for (const conversion of conversions) {
        const times: number[] = [];
        for (const source of sources) {
          for (let i = 0; i < runs; i++) {
            const t = timeCommand('pandoc', conversion.args(source, join(work, 'pandoc', basename(source, extname(source)))));
            if (typeof t === 'string') {
              say(`  pandoc ${conversion.name} failed on ${basename(source)}: ${t}`);
              continue;
            }
            times.push(t);
          }
        }
        if (times.length === 0) continue;
        const m = median(times);
        pandocPerBriefing += m;
        say(`  pandoc → ${conversion.name}: ${ms(m)} per briefing (median of ${times.length})`);
      }
      say(`  pandoc, ${conversions.map((c) => c.name).join(' + ')}: ${ms(pandocPerBriefing)} per briefing`);
      say();
      const ratio = (ours: number): string => `${(pandocPerBriefing / ours).toFixed(1)}×`;
      const fair = complete && weasy ? '' : '  (not like for like: see the skipped lines above)';
      say(`ratio, Pandoc ÷ briefing (higher is faster than Pandoc)${fair}:`);
      say(`  batch, per briefing:           ${ratio(fullMs / count)}   target ≥ 20×  ${pandocPerBriefing / (fullMs / count) >= 20 ? 'MET' : 'MISSED'}`);
      say(`  single briefing, warm:         ${ratio(singleMs)}`);
      say(`  single briefing, cold CLI:     ${ratio(coldMs)} (the slowest source)`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') {
  const [, , , srcDir, outDir, formats, force, jobs] = process.argv;
  await child(srcDir!, outDir!, formats!.split(',') as Format[], force === '1', Number(jobs) || undefined);
} else {
  await main();
}
