#!/usr/bin/env node
/**
 * `briefing build [paths…] [--out DIR] [--format LIST] [--template NAME] [--allow-overflow]`
 * Exit codes: 0 every document built, 1 any failed (the others still build), 2 usage error.
 */
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { startupSnapshot } from 'node:v8';
import { buildDateFromEnv, expandSources } from './sources.js';
import { runReportedBatch } from './batch/reported.js';
import type { BatchOptions } from './batch/run.js';
import { EnvironmentError } from './environment.js';
import { NewUsageError, runNew } from './new/command.js';
import { runPreview, runWatch } from './serve.js';
import { prepareOutDir } from './write.js';
import { FORMATS, type Format } from './render/types.js';
import { TOOL_VERSION } from './version.js';
import { builtHere } from './startup/state.js';

const DEFAULT_FORMATS: readonly Format[] = ['pdf', 'docx', 'html'];

const HELP = `briefing ${TOOL_VERSION}: Markdown briefings to one-page PDF, Word and HTML

Usage:
  briefing build [paths...] [options]   build each Markdown file (folders: every *.md in them; default: source/)
  briefing preview [paths...] [options] build, watch, and serve the outputs on http://127.0.0.1:PORT/ with live reload
  briefing import FILE [options]        a .txt, .docx or .html file (- : text on standard input) to a source,
                                        DIR/NAME.md (-o DIR, default source/), printing what it found and guessed
  briefing new [--kind K] NAME          a new source to fill in, DIR/NAME.md (-o DIR, default source/); K is
                                        readout (default), guidance or memo; every front-matter field is in it

Options:
  -o, --out DIR          where to write NAME.pdf / NAME.docx / NAME.html (default: output/)
  -f, --format LIST      comma-separated, from: ${FORMATS.join(', ')} (default: ${DEFAULT_FORMATS.join(',')})
  -t, --template NAME    a template in templates/ or a folder path (default: the front matter's, else "default")
      --allow-overflow   let a briefing too long for one page flow onto more pages (warns instead of failing)
      --force            rebuild every briefing, even those whose outputs are current; import, new: replace NAME.md
  -j, --jobs N           documents built at once in a batch (default: one per core; 1 builds in this process)
  -w, --watch            build, then rebuild whenever a source or one of its images changes
  -p, --port N           preview: the port on 127.0.0.1 (default 4173; 0 picks a free one)
      --build            import: build the new source at once (into output/, or into DIR with -o)
  -q, --quiet            print errors only, no warnings or summary
  -h, --help             show this help
  -v, --version          print the version

Exit status: 0 all built, 1 some document failed (the rest are still built), 2 wrong usage.
Set SOURCE_DATE_EPOCH for byte-identical rebuilds.`;

class UsageError extends Error {}

function parseFormats(value: string | undefined): Format[] {
  if (value === undefined) return [...DEFAULT_FORMATS];
  const asked = value.split(',').map((f) => f.trim().toLowerCase()).filter(Boolean);
  const unknown = asked.filter((f) => !(FORMATS as readonly string[]).includes(f));
  if (unknown.length > 0 || asked.length === 0) {
    throw new UsageError(`unknown format ${unknown.join(', ') || '(none)'}; choose from ${FORMATS.join(', ')}`);
  }
  return FORMATS.filter((f) => asked.includes(f));
}

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string', short: 'o' },
        format: { type: 'string', short: 'f' },
        template: { type: 'string', short: 't' },
        'allow-overflow': { type: 'boolean' },
        force: { type: 'boolean' },
        jobs: { type: 'string', short: 'j' },
        watch: { type: 'boolean', short: 'w' },
        port: { type: 'string', short: 'p' },
        quiet: { type: 'boolean', short: 'q' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
        build: { type: 'boolean' },
        kind: { type: 'string' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  if (values.version) {
    console.log(TOOL_VERSION);
    return 0;
  }
  const [command, ...paths] = positionals;
  if (command !== 'build' && command !== 'preview' && command !== 'import' && command !== 'new') {
    throw new UsageError(command === undefined ? 'missing command: try `briefing build`' : `unknown command "${command}": try \`briefing build\``);
  }
  const options: BatchOptions = {
    outDir: values.out ?? 'output',
    formats: parseFormats(values.format),
    allowOverflow: values['allow-overflow'] === true,
    buildDate: buildDateFromEnv(),
    ...(values.template ? { template: values.template } : {}),
    force: values.force === true,
    jobs: parseCount(values.jobs, '--jobs', 1),
    sourceDateEpoch: process.env.SOURCE_DATE_EPOCH,
  };
  const sourcePaths = paths.length > 0 ? paths : ['source'];
  const quiet = values.quiet === true;
  const port = parseCount(values.port, '--port', 0) ?? 4173;
  if (command === 'new') {
    if (paths.length !== 1) throw new UsageError('new wants one name: `briefing new [--kind readout|guidance|memo] NAME`');
    try {
      return await runNew(paths[0]!, { dir: values.out ?? 'source', kind: values.kind, force: options.force === true, date: options.buildDate, utc: options.sourceDateEpoch !== undefined });
    } catch (error) {
      if (error instanceof NewUsageError) throw new UsageError(error.message);
      throw error;
    }
  }
  if (command === 'import') {
    if (paths.length !== 1) throw new UsageError('import wants one file: `briefing import FILE` (.txt, .docx, .html, or - for standard input)');
    // A bundle of its own beside this one (scripts/bundle.mjs), required only for an import: a build neither reads
    // nor compiles mammoth and rehype. require(), as in batch/pool.ts: this bundle runs as a vm.Script, without import().
    const { runImport } = createRequire(import.meta.url)('./import.js') as typeof import('./import/command.js');
    const build = async (source: string): Promise<number> => {
      await prepareOutDir(options.outDir);
      return (await runReportedBatch([source], options, { quiet })).failed > 0 ? 1 : 0;
    };
    return runImport(paths[0]!, { dir: values.out ?? 'source', force: options.force === true, quiet, build: values.build ? build : null });
  }
  // After the usage checks (a mistyped command makes no folder), before any build: one message, not one per briefing.
  await prepareOutDir(options.outDir);
  if (command === 'preview') return runPreview(sourcePaths, options, { quiet, port });
  if (values.watch) return runWatch(sourcePaths, options, { quiet });
  const { sources, missing } = await expandSources(sourcePaths);
  for (const path of missing) console.error(`${path}: error: no such file or folder`);
  if (sources.length === 0 && missing.length === 0) console.error('warning: no Markdown sources found');

  const summary = await runReportedBatch(sources, options, { quiet, missing: missing.length });
  return summary.failed > 0 || summary.problems.length > 0 ? 1 : 0;
}

function parseCount(value: string | undefined, option: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min) throw new UsageError(`${option} wants a whole number of at least ${min}, not "${value}"`);
  return Number(value);
}

/**
 * Runs the command line. A plain start runs it at once, below; a start from the startup snapshot
 * (src/startup/snapshot.ts) evaluated this module while the snapshot was built and calls this after deserialising.
 */
export function runCli(argv: string[] = process.argv.slice(2)): void {
  main(argv).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      if (error instanceof UsageError) {
        console.error(`briefing: ${error.message}\nRun \`briefing --help\` for usage.`);
        process.exitCode = 2;
        return;
      }
      // The machine's problem, said as what to do: no stack trace, no "bug".
      if (error instanceof EnvironmentError) {
        console.error(`briefing: ${error.message}`);
        process.exitCode = error.exitCode;
        return;
      }
      // Only what nothing above expected: the stack is for the report.
      console.error(`briefing: internal error (this is a bug in briefing; please report it): ${(error as Error).stack ?? String(error)}`);
      process.exitCode = 1;
    },
  );
}

/** For dist/cli.js: whether this run's V8 code cache is worth writing (it built a document in this process). */
export const codeCacheWorthSaving = (): boolean => builtHere.yes;

if (!startupSnapshot.isBuildingSnapshot()) runCli();
