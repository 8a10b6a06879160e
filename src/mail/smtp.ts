/**
 * Sending through the office's mail server with nodemailer's SMTP transport: `smtps://host:465` (TLS from the
 * first byte), or `smtp://host:587` with STARTTLS required; plain `smtp://` only to this machine (a local relay).
 * The user is in the URL, the password only in BRIEFING_SMTP_PASSWORD, so it is never in a shell history, a process
 * list or a message. Nothing is retried: a refused login, a refused recipient or an unreachable server is reported.
 */
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import nodemailer from 'nodemailer';
import type { SMTPTransportGetSocket } from 'nodemailer/lib/smtp-transport';

export const PASSWORD_VARIABLE = 'BRIEFING_SMTP_PASSWORD';
/** A CA certificate (PEM) to trust besides the system's, for a server with a private certificate. */
export const CA_VARIABLE = 'BRIEFING_SMTP_CA';

export interface SmtpServer {
  host: string;
  port: number;
  /** TLS from the start (smtps). */
  secure: boolean;
  /** STARTTLS before anything else is said (smtp off this machine). */
  requireTls: boolean;
  user?: string;
  /** How the server is named in messages: scheme, user, host and port, never a password. */
  label: string;
}

export class SmtpUsageError extends Error {}

const USAGE = '--smtp wants smtps://[user@]host[:port] or smtp://[user@]host[:port] (plain smtp:// only to 127.0.0.1 or localhost)';

/** This machine: a plain connection never leaves it. */
export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (bare === 'localhost' || bare.endsWith('.localhost')) return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  if (isIP(bare) === 6) return bare === '::1' || bare === '0:0:0:0:0:0:0:1';
  return false;
}

export function parseSmtpUrl(text: string): SmtpServer {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new SmtpUsageError(`${USAGE}, not "${text.replace(/:[^:@/]*@/, ':…@')}"`);
  }
  const scheme = url.protocol.replace(/:$/, '');
  if (scheme !== 'smtp' && scheme !== 'smtps') throw new SmtpUsageError(`${USAGE}, not a ${scheme}: URL`);
  if (url.password) throw new SmtpUsageError(`--smtp must not hold the password: set ${PASSWORD_VARIABLE} instead (a URL ends up in shell histories and process lists)`);
  if (!url.hostname) throw new SmtpUsageError(`${USAGE}: the URL names no host`);
  if ((url.pathname && url.pathname !== '/') || url.search || url.hash) throw new SmtpUsageError(`${USAGE}: nothing may follow the port`);
  const secure = scheme === 'smtps';
  const port = url.port ? Number(url.port) : secure ? 465 : 587;
  const user = url.username ? decodeURIComponent(url.username) : undefined;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return {
    host,
    port,
    secure,
    requireTls: !secure && !isLoopback(url.hostname),
    ...(user ? { user } : {}),
    label: `${scheme}://${user ? `${encodeURIComponent(user)}@` : ''}${url.hostname}:${port}`,
  };
}

export interface Envelope {
  from: string;
  to: string[];
}

export interface DeliveryOptions {
  password?: string;
  /** PEM text of a CA to trust (BRIEFING_SMTP_CA's file). */
  ca?: string;
  /** Hands the transport an already connected socket (tests: a server on 127.0.0.1 standing in for a remote host). */
  getSocket?: SMTPTransportGetSocket;
}

export interface Delivery {
  accepted: string[];
  /** Recipients the server refused while taking the message for the others, with its reply to each. */
  refused: { address: string; reason: string }[];
  response: string;
}

/** A failure said as what happened and at which server: exit 1, no stack, no password. */
export class DeliveryError extends Error {}

export function readCa(env: NodeJS.ProcessEnv): string | undefined {
  const path = env[CA_VARIABLE];
  if (!path) return undefined;
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new SmtpUsageError(`${CA_VARIABLE}=${path}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}

interface SmtpFailure extends Error {
  code?: string;
  response?: string;
  responseCode?: number;
  command?: string;
  originalCode?: string;
  rejected?: string[];
  rejectedErrors?: SmtpFailure[];
  recipient?: string;
}

/** The server's reply as it said it, on one line. */
function reply(error: SmtpFailure): string {
  return (error.response ?? error.message).replace(/\s+/g, ' ').trim();
}

function noStartTls(at: string): string {
  return `${at} does not offer STARTTLS, and off this machine briefing sends only encrypted: use its smtps:// port (465) or its submission port (587) with STARTTLS`;
}

function explain(error: SmtpFailure, server: SmtpServer): string {
  const at = `the server ${server.label}`;
  switch (error.code) {
    case 'EAUTH':
      return `${at} refused the login${server.user ? ` of ${server.user}` : ''}: ${reply(error)} (check the user in --smtp and ${PASSWORD_VARIABLE})`;
    case 'ENOAUTH':
      return `${at} wants a login: put the user in the URL (smtps://user@host) and the password in ${PASSWORD_VARIABLE}`;
    case 'EENVELOPE': {
      const refused = (error.rejectedErrors ?? []).map((r) => `${r.recipient ?? '?'} (${reply(r)})`);
      if (refused.length > 0) return `${at} refused every recipient: ${refused.join(', ')}; nothing was sent`;
      return `${at} refused the envelope: ${reply(error)}; nothing was sent`;
    }
    case 'ETLS':
      // Asked for STARTTLS, the server answered with a refusal: it does not offer it.
      if (error.responseCode !== undefined) return noStartTls(at);
      return `${at}: the TLS connection failed: ${reply(error)}${error.originalCode ? ` (${error.originalCode})` : ''}`;
    case 'EREQUIRETLS':
      return noStartTls(at);
    case 'ETIMEDOUT':
      return `cannot reach ${server.label}: no answer in time`;
    case 'EDNS':
      return `cannot reach ${server.label}: the name ${server.host} does not resolve`;
    case 'ECONNECTION':
    case 'ESOCKET': {
      const cause = error.originalCode ?? '';
      if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/i.test(`${cause} ${error.message}`)) {
        return `${at}: its certificate is not trusted (${cause || error.message}); if it is your office's own certificate authority, point ${CA_VARIABLE} at its PEM file`;
      }
      if (cause === 'ECONNREFUSED') return `cannot reach ${server.label}: the connection was refused (is the host and port right?)`;
      return `cannot reach ${server.label}: ${cause || reply(error)}`;
    }
    default:
      return `${at}: ${reply(error)}`;
  }
}

/**
 * Sends `raw` as it is (the bytes `--save-sent` keeps) to the envelope's recipients. Refused recipients while others
 * were accepted are returned, not thrown: the message is already on its way to the others, and the caller says so.
 */
export async function deliver(server: SmtpServer, envelope: Envelope, raw: Uint8Array, options: DeliveryOptions = {}): Promise<Delivery> {
  if (server.user && !options.password) throw new DeliveryError(`${server.label} has a user but ${PASSWORD_VARIABLE} is not set: set it to the password (it is never printed)`);
  const transport = nodemailer.createTransport({
    host: server.host,
    port: server.port,
    secure: server.secure,
    requireTLS: server.requireTls,
    // On this machine a plain connection is asked for: do not upgrade to a local relay's self-made certificate.
    ignoreTLS: !server.secure && !server.requireTls,
    ...(server.user ? { auth: { user: server.user, pass: options.password ?? '' } } : {}),
    tls: { servername: isIP(server.host) ? undefined : server.host, ...(options.ca ? { ca: options.ca } : {}) },
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
    disableFileAccess: true,
    disableUrlAccess: true,
    logger: false,
    ...(options.getSocket ? { getSocket: options.getSocket } : {}),
  });
  try {
    const info = await transport.sendMail({ envelope: { from: envelope.from, to: [...envelope.to] }, raw: Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength) });
    const failures = ((info as { rejectedErrors?: SmtpFailure[] }).rejectedErrors ?? []).map((e) => ({ address: e.recipient ?? '?', reason: reply(e) }));
    const refusedOnly = info.rejected.map(String).filter((a) => !failures.some((f) => f.address === a));
    return {
      accepted: info.accepted.map(String),
      refused: [...failures, ...refusedOnly.map((address) => ({ address, reason: 'refused' }))],
      response: info.response,
    };
  } catch (error) {
    throw new DeliveryError(explain(error as SmtpFailure, server));
  } finally {
    transport.close();
  }
}
