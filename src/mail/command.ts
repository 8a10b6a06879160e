/**
 * `briefing send [paths…] --smtp URL [--yes] [--save-sent DIR]`: builds each briefing's message in memory (the
 * draft `-f eml` writes, less X-Unsent and Bcc, with a fresh Date and Message-ID), shows its envelope, asks on a
 * terminal (else wants --yes), and hands it to the server. A briefing whose classification the template refuses to
 * send, or that names no sender or no recipient, is an error at its line; nothing is written but --save-sent's copy.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import type { VFile } from 'vfile';
import { renderDocument } from '../build/build.js';
import type { Briefing } from '../model/briefing.js';
import { reportError } from '../parse/diagnostics.js';
import { formatFile } from '../build/report.js';
import { buildDateFromEnv, expandSources, notMarkdownReason } from '../build/sources.js';
import { loadTheme } from '../theme/load.js';
import type { Theme } from '../theme/theme.js';
import { writeFileAtomic } from '../io/write.js';
import { formatAddress } from './addresses.js';
import { planMessage, recipients, type MailOverrides, type MessagePlan } from './plan.js';
import { deliver, DeliveryError, parseSmtpUrl, PASSWORD_VARIABLE, readCa, SmtpUsageError, type SmtpServer } from './smtp.js';

export interface SendOptions {
  smtp: string | undefined;
  yes: boolean;
  saveSent?: string;
  template?: string;
  allowOverflow: boolean;
  overrides: MailOverrides;
  quiet: boolean;
}

/** What the terminal is: the prompt is asked only when a person can answer it. */
export interface Terminal {
  interactive: boolean;
  ask(question: string): Promise<string>;
}

const processTerminal: Terminal = {
  interactive: process.stdin.isTTY === true && process.stderr.isTTY === true,
  async ask(question) {
    const prompt = createInterface({ input: process.stdin, output: process.stderr });
    try {
      return await prompt.question(question);
    } finally {
      prompt.close();
    }
  },
};

function usage(message: string): number {
  console.error(`briefing: ${message}\nRun \`briefing --help\` for usage.`);
  return 2;
}

/** The line of a top-level front-matter field (`classification:`), else the first line. */
function fieldPlace(file: VFile, key: string): { line: number; column: number } {
  const lines = String(file.value).split(/\r?\n/);
  if (lines[0]?.trim() !== '---') return { line: 1, column: 1 };
  for (let i = 1; i < lines.length && lines[i]!.trim() !== '---'; i++) {
    if (new RegExp(`^${key}[ \\t]*:`).test(lines[i]!)) return { line: i + 1, column: 1 };
  }
  return { line: 1, column: 1 };
}

/** Whole words, any case: "TOP SECRET" matches SECRET, "SECRETARIAT" does not. */
export function refusesToSend(theme: Theme, classification: string | undefined): boolean {
  if (!classification || theme.email.refuse_send.trim() === '') return false;
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${theme.email.refuse_send})(?![\\p{L}\\p{N}])`, 'iu').test(classification);
}

/** Why this message may not go, reported on the source at the field to fix; false when it may. */
function refused(briefing: Briefing, plan: MessagePlan, theme: Theme, file: VFile): boolean {
  const emailPlace = briefing.email?.position ?? { line: 1, column: 1 };
  const before = file.messages.length;
  if (refusesToSend(theme, briefing.meta.classification)) {
    reportError(
      file,
      `classification "${briefing.meta.classification}" matches the template's email.refuse_send (${theme.email.refuse_send}): briefing send does not send it; write the draft with -f eml and send it through a system cleared for it`,
      fieldPlace(file, 'classification'),
      'refuse-send',
    );
  }
  if (!plan.from) reportError(file, 'no sender: add `from: Name <you@example.org>` under `email:`, or pass --from', emailPlace, 'no-sender');
  if (recipients(plan).length === 0) reportError(file, 'no recipients: add `to:` under `email:`, or pass --to', emailPlace, 'no-recipients');
  return file.messages.length > before;
}

function kilobytes(bytes: number): string {
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function envelopeLines(plan: MessagePlan, files: { name: string; size: number }[], server: SmtpServer): string[] {
  const list = (addresses: MessagePlan['to']): string => (addresses.length > 0 ? addresses.map(formatAddress).join(', ') : '(none)');
  return [
    `  From:     ${plan.from ? formatAddress(plan.from) : '(none)'}`,
    `  To:       ${list(plan.to)}`,
    `  Cc:       ${list(plan.cc)}`,
    `  Bcc:      ${list(plan.bcc)}`,
    `  Subject:  ${plan.subject}`,
    `  Attached: ${files.length > 0 ? files.map((f) => `${f.name} (${kilobytes(f.size)})`).join(', ') : '(nothing)'}`,
    `  Through:  ${server.label}`,
  ];
}

export async function runSend(paths: readonly string[], options: SendOptions, terminal: Terminal = processTerminal, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  if (!options.smtp) return usage('send needs --smtp URL: the mail server, e.g. --smtp smtps://you@mail.example.org');
  let server: SmtpServer;
  let ca: string | undefined;
  try {
    server = parseSmtpUrl(options.smtp);
    ca = readCa(env);
  } catch (error) {
    if (error instanceof SmtpUsageError) return usage(error.message);
    throw error;
  }
  const password = env[PASSWORD_VARIABLE];
  if (server.user && !password) return usage(`--smtp names the user ${server.user}: set ${PASSWORD_VARIABLE} to the password (it is never printed)`);
  if (!options.yes && !terminal.interactive) return usage('send asks before sending, and no one is at a terminal to answer: pass --yes to send without asking');

  const { sources, missing } = await expandSources(paths.length > 0 ? paths : ['source']);
  for (const path of missing) console.error(`${path}: error: no such file or folder`);
  let failed = missing.length;
  for (const source of sources) {
    const ok = await sendOne(source, options, server, { ...(password ? { password } : {}), ...(ca ? { ca } : {}) }, terminal);
    if (!ok) failed += 1;
  }
  return failed > 0 ? 1 : 0;
}

async function sendOne(source: string, options: SendOptions, server: SmtpServer, secrets: { password?: string; ca?: string }, terminal: Terminal): Promise<boolean> {
  const notMarkdown = notMarkdownReason(source);
  if (notMarkdown) {
    console.error(`${source}: error: ${notMarkdown}`);
    return false;
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(source));
  } catch (error) {
    console.error(`${source}: error: cannot read the source: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    return false;
  }
  const made = await renderDocument(bytes, source, {
    outDir: '.',
    // The PDF and DOCX are made for their sizes on the envelope and for the message; none is written.
    formats: ['pdf', 'docx', 'eml'],
    allowOverflow: options.allowOverflow,
    buildDate: buildDateFromEnv(),
    ...(options.template ? { template: options.template } : {}),
    mail: { overrides: options.overrides, sent: { date: new Date() } },
  });
  const print = (): void => {
    for (const line of formatFile(made.file)) if (!options.quiet || line.includes(': error: ')) console.error(line);
  };
  if (!made.ok) {
    print();
    return false;
  }
  const theme = loadTheme(made.template);
  const plan = planMessage(made.briefing, theme, options.overrides);
  if (refused(made.briefing, plan, theme, made.file)) {
    print();
    return false;
  }
  print();
  const output = (format: string): Uint8Array => made.rendered.find((r) => r.path.endsWith(`.${format}`))!.bytes;
  const name = source.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  const message = output('eml');
  const files = plan.attach.map((format) => ({ name: `${name}.${format}`, size: output(format).byteLength }));
  const to = recipients(plan);
  console.log(`${source}: a message to ${to.length} recipient${to.length === 1 ? '' : 's'}`);
  for (const line of envelopeLines(plan, files, server)) console.log(line);
  if (!options.yes) {
    const answer = await terminal.ask('Send it? [y/N] ');
    if (!/^\s*y(es)?\s*$/i.test(answer)) {
      console.log(`${source}: not sent`);
      return true;
    }
  }
  let delivery;
  try {
    delivery = await deliver(server, { from: plan.from!.address, to }, message, secrets);
  } catch (error) {
    if (!(error instanceof DeliveryError)) throw error;
    console.error(`${source}: error: ${error.message}`);
    return false;
  }
  if (options.saveSent) {
    const path = join(options.saveSent, `${name}.eml`);
    try {
      await writeFileAtomic(path, message);
      if (!options.quiet) console.log(`${source}: the sent message is saved as ${path}`);
    } catch (error) {
      // Sent all the same: say so, and that the copy is missing.
      console.error(`${source}: error: sent, but the copy for --save-sent could not be written: ${(error as Error).message}`);
      return false;
    }
  }
  if (delivery.refused.length > 0) {
    const refusedList = delivery.refused.map((r) => `${r.address} (${r.reason})`).join(', ');
    console.error(`${source}: error: the server ${server.label} refused ${refusedList}; the message went to the other ${delivery.accepted.length} (${delivery.accepted.join(', ')}) and was not retried`);
    return false;
  }
  console.log(`${source}: sent to ${delivery.accepted.length} recipient${delivery.accepted.length === 1 ? '' : 's'} through ${server.label}: ${delivery.response}`);
  return true;
}
