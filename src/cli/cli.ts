#!/usr/bin/env node
/**
 * `briefing build [paths…] [--out DIR] [--format LIST] [--template NAME] [--allow-overflow]`
 * Exit codes: 0 every document built, 1 any failed (the others still build), 2 usage error.
 */
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { startupSnapshot } from 'node:v8';
import { buildDateFromEnv, expandSources } from '../build/sources.js';
import { runReportedBatch } from '../batch/reported.js';
import type { BatchOptions } from '../batch/run.js';
import { EnvironmentError } from '../io/environment.js';
import { NewUsageError, runNew } from '../new/command.js';
import { runPreview, runWatch } from '../watch/long-running.js';
import { prepareOutDir } from '../io/write.js';
import { FORMATS, type Format } from '../render/types.js';
import { hasLineBreak, parseAddressList, parseMailbox } from '../mail/addresses.js';
import type { MailOverrides } from '../mail/plan.js';
import { TOOL_VERSION } from '../build/version.js';
import { builtHere } from '../startup/state.js';

const DEFAULT_FORMATS: readonly Format[] = ['pdf', 'docx', 'html'];

const HELP = `briefing ${TOOL_VERSION}: Markdown briefings to one-page PDF, Word and HTML

Usage:
  briefing build [paths...] [options]   build each Markdown file (folders: every *.md in them; default: source/)
  briefing preview [paths...] [options] build, watch, and serve the outputs on http://127.0.0.1:PORT/ with live reload
  briefing import FILE [options]        a .txt, .docx or .html file (- : text on standard input) to a source,
                                        DIR/NAME.md (-o DIR, default source/), printing what it found and guessed
  briefing new [--kind K] NAME          a new source to fill in, DIR/NAME.md (-o DIR, default source/); K is
                                        readout (default), guidance or memo; every front-matter field is in it
  briefing send [paths...] --smtp URL   send each briefing as an email (its -f eml draft, PDF and DOCX attached)
                                        through the mail server; asks first on a terminal, else needs --yes

Options:
  -o, --out DIR          where to write NAME.pdf / NAME.docx / NAME.html (default: output/)
  -f, --format LIST      comma-separated, from: ${FORMATS.join(', ')} (default: ${DEFAULT_FORMATS.join(',')},
                         or the template's email.formats)
  -t, --template NAME    a template in templates/ or a folder path (default: the front matter's, else "default")
      --allow-overflow   let a briefing too long for one page flow onto more pages (warns instead of failing)
      --force            rebuild every briefing, even those whose outputs are current; import, new: replace NAME.md
  -j, --jobs N           documents built at once in a batch (default: one per core; 1 builds in this process)
  -w, --watch            build, then rebuild whenever a source or one of its images changes
  -p, --port N           preview: the port on 127.0.0.1 (default 4173; 0 picks a free one)
      --build            import: build the new source at once (into output/, or into DIR with -o)

Email (-f eml writes NAME.eml, a draft Outlook and Thunderbird open ready to send; send sends it):
      --to, --cc, --bcc LIST   recipients (comma-separated addresses), replacing the front matter's email: ones
      --from ADDRESS           the sender;  --subject TEXT: the subject, instead of the template's pattern
      --smtp URL               send: smtps://[user@]host[:465] or smtp://[user@]host[:587] (STARTTLS required;
                               plain only to 127.0.0.1); the password from BRIEFING_SMTP_PASSWORD, never printed
      --yes                    send: do not ask before sending (needed when not on a terminal)
      --save-sent DIR          send: keep the exact bytes sent as DIR/NAME.eml
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
        to: { type: 'string' },
        cc: { type: 'string' },
        bcc: { type: 'string' },
        from: { type: 'string' },
        subject: { type: 'string' },
        smtp: { type: 'string' },
        yes: { type: 'boolean' },
        'save-sent': { type: 'string' },
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
  if (command !== 'build' && command !== 'preview' && command !== 'import' && command !== 'new' && command !== 'send') {
    throw new UsageError(command === undefined ? 'missing command: try `briefing build`' : `unknown command "${command}": try \`briefing build\``);
  }
  const overrides = mailOverrides(values);
  const options: BatchOptions = {
    outDir: values.out ?? 'output',
    formats: parseFormats(values.format),
    templateFormats: values.format === undefined,
    ...(Object.keys(overrides).length > 0 ? { mail: { overrides } } : {}),
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
    const { runImport } = createRequire(import.meta.url)('./import.js') as typeof import('../import/command.js');
    const build = async (source: string): Promise<number> => {
      await prepareOutDir(options.outDir);
      return (await runReportedBatch([source], options, { quiet })).failed > 0 ? 1 : 0;
    };
    return runImport(paths[0]!, { dir: values.out ?? 'source', force: options.force === true, quiet, build: values.build ? build : null });
  }
  if (command === 'send') {
    // A bundle of its own, like import's: nodemailer's transport is loaded only to send.
    const { runSend } = createRequire(import.meta.url)('./send.js') as typeof import('../mail/command.js');
    const send = { smtp: values.smtp, yes: values.yes === true, allowOverflow: options.allowOverflow, overrides, quiet };
    return runSend(paths, { ...send, ...(values['save-sent'] ? { saveSent: values['save-sent'] } : {}), ...(values.template ? { template: values.template } : {}) });
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

/** --to --cc --bcc --from --subject, each checked as the front matter's are. */
function mailOverrides(values: { to?: string; cc?: string; bcc?: string; from?: string; subject?: string }): MailOverrides {
  const overrides: MailOverrides = {};
  for (const field of ['to', 'cc', 'bcc'] as const) {
    const value = values[field];
    if (value === undefined) continue;
    const list = parseAddressList(value);
    if ('error' in list) throw new UsageError(`--${field} "${value.replace(/[\r\n]/g, ' ')}" ${list.error}`);
    overrides[field] = list;
  }
  if (values.from !== undefined) {
    const from = parseMailbox(values.from);
    if ('error' in from) throw new UsageError(`--from "${values.from.replace(/[\r\n]/g, ' ')}" ${from.error}`);
    overrides.from = from;
  }
  if (values.subject !== undefined) {
    if (hasLineBreak(values.subject)) throw new UsageError('--subject must be one line: a line break in a mail header would let what follows become header fields of its own');
    if (values.subject.trim() === '') throw new UsageError('--subject must not be empty');
    overrides.subject = values.subject;
  }
  return overrides;
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
