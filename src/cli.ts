#!/usr/bin/env node
/**
 * `briefing build [paths…] [--out DIR] [--format LIST] [--template NAME] [--allow-overflow]`
 * Exit codes: 0 every document built, 1 any failed (the others still build), 2 usage error.
 */
import { parseArgs } from 'node:util';
import { buildAll, buildDateFromEnv, expandSources, type BuildOptions } from './build.js';
import { formatFile } from './report.js';
import { FORMATS, type Format } from './render/types.js';
import { TOOL_VERSION } from './version.js';

const DEFAULT_FORMATS: readonly Format[] = ['pdf', 'docx', 'html'];

const HELP = `briefing ${TOOL_VERSION}: Markdown briefings to one-page PDF, Word and HTML

Usage:
  briefing build [paths...] [options]   build each Markdown file (folders: every *.md in them; default: source/)

Options:
  -o, --out DIR          where to write NAME.pdf / NAME.docx / NAME.html (default: output/)
  -f, --format LIST      comma-separated, from: ${FORMATS.join(', ')} (default: ${DEFAULT_FORMATS.join(',')})
  -t, --template NAME    a template in templates/ or a folder path (default: the front matter's, else "default")
      --allow-overflow   let a briefing too long for one page flow onto more pages (warns instead of failing)
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
        quiet: { type: 'boolean', short: 'q' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
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
  if (command !== 'build') {
    throw new UsageError(command === undefined ? 'missing command: try `briefing build`' : `unknown command "${command}": try \`briefing build\``);
  }
  const options: BuildOptions = {
    outDir: values.out ?? 'output',
    formats: parseFormats(values.format),
    allowOverflow: values['allow-overflow'] === true,
    buildDate: buildDateFromEnv(),
    ...(values.template ? { template: values.template } : {}),
  };
  const { sources, missing } = await expandSources(paths.length > 0 ? paths : ['source']);
  for (const path of missing) console.error(`${path}: error: no such file or folder`);
  if (sources.length === 0 && missing.length === 0) console.error('warning: no Markdown sources found');

  const started = performance.now();
  const results = await buildAll(sources, options, (result) => {
    const lines = formatFile(result.file).filter((line) => !values.quiet || line.includes(': error: '));
    for (const line of lines) console.error(line);
  });
  const failed = results.filter((r) => !r.ok).length + missing.length;
  if (!values.quiet) {
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    console.error(`built ${results.length - results.filter((r) => !r.ok).length}, failed ${failed} in ${seconds} s → ${options.outDir}`);
  }
  return failed > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`briefing: ${error.message}\nRun \`briefing --help\` for usage.`);
      process.exitCode = 2;
      return;
    }
    console.error(`briefing: internal error: ${(error as Error).stack ?? String(error)}`);
    process.exitCode = 1;
  },
);
