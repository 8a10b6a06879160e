/**
 * A real SMTP server for the send tests (the smtp-server package) on 127.0.0.1 at a free port, and a self-signed
 * certificate made with openssl for its TLS. Nothing here ever connects anywhere but the loopback address.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

export interface Received {
  from: string;
  to: string[];
  bytes: Buffer;
  secure: boolean;
  user: string | undefined;
}

export interface TestServer {
  port: number;
  received: Received[];
  close(): Promise<void>;
}

export const USER = 'writer';
export const PASSWORD = 'correct horse battery staple';
/** A recipient the server refuses, as a mailbox that does not exist would be. */
export const REFUSED = 'nobody@example.org';

export interface ServerSettings {
  /** TLS from the first byte (smtps). */
  secure?: boolean;
  /** Offer STARTTLS (with the certificate). */
  starttls?: boolean;
  auth?: boolean;
  tls?: { key: string; cert: string };
}

export async function startServer(settings: ServerSettings = {}): Promise<TestServer> {
  const received: Received[] = [];
  const options: SMTPServerOptions = {
    secure: settings.secure === true,
    ...(settings.tls ? { key: settings.tls.key, cert: settings.tls.cert } : {}),
    disabledCommands: [...(settings.starttls || settings.secure ? [] : ['STARTTLS']), ...(settings.auth ? [] : ['AUTH'])],
    allowInsecureAuth: true,
    authOptional: !settings.auth,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === USER && auth.password === PASSWORD) return callback(null, { user: USER });
      return callback(Object.assign(new Error('Authentication credentials invalid'), { responseCode: 535 }));
    },
    onRcptTo(address, _session, callback) {
      if (address.address === REFUSED) return callback(Object.assign(new Error(`No such mailbox <${REFUSED}>`), { responseCode: 550 }));
      return callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const from = session.envelope.mailFrom;
        received.push({
          from: from ? from.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          bytes: Buffer.concat(chunks),
          secure: session.secure,
          user: typeof session.user === 'string' ? session.user : undefined,
        });
        callback();
      });
    },
  };
  const server = new SMTPServer(options);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A self-signed certificate for mail.example.org, localhost and 127.0.0.1; the certificate is its own CA. */
export function selfSignedCertificate(): { key: string; cert: string; certPath: string } {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-tls-'));
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=mail.example.org',
    '-addext', 'subjectAltName=DNS:mail.example.org,DNS:localhost,IP:127.0.0.1', '-addext', 'basicConstraints=critical,CA:TRUE',
  ], { stdio: 'ignore' });
  return { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8'), certPath: cert };
}
