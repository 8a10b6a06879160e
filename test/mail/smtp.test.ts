/**
 * The SMTP side of `briefing send`, in process: which URLs are accepted and what each asks of the connection, and
 * deliveries to a real server (smtp-server on 127.0.0.1). "Off this machine" is a server named mail.example.org
 * whose socket the test connects to 127.0.0.1 itself (nodemailer's getSocket): nothing leaves the loopback address.
 */
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { deliver, DeliveryError, isLoopback, parseSmtpUrl, SmtpUsageError, type SmtpServer } from '../../src/mail/smtp.js';
import { clientsAvailable } from '../support/clients.js';
import { PASSWORD, selfSignedCertificate, startServer, USER, type TestServer } from '../support/smtp.js';

const MESSAGE = Buffer.from('From: a@example.org\r\nTo: b@example.org\r\nSubject: Test\r\nMessage-ID: <t@example.org>\r\n\r\nBody.\r\n.\r\nA line that is a lone dot above, stuffed on the wire.\r\n');

describe('SMTP URLs', () => {
  it('reads smtps:// as TLS from the start and smtp:// off this machine as STARTTLS required', () => {
    expect(parseSmtpUrl('smtps://ada@mail.example.gov')).toEqual({ host: 'mail.example.gov', port: 465, secure: true, requireTls: false, user: 'ada', label: 'smtps://ada@mail.example.gov:465' });
    expect(parseSmtpUrl('smtp://mail.example.gov')).toEqual({ host: 'mail.example.gov', port: 587, secure: false, requireTls: true, label: 'smtp://mail.example.gov:587' });
    expect(parseSmtpUrl('smtp://127.0.0.1:2525')).toMatchObject({ secure: false, requireTls: false, port: 2525 });
    expect(parseSmtpUrl('smtp://[::1]:2525')).toMatchObject({ host: '::1', requireTls: false });
    expect(parseSmtpUrl('smtp://first.last%40example.gov@mail.example.gov')).toMatchObject({ user: 'first.last@example.gov' });
  });

  it('knows this machine by its loopback names and addresses only', () => {
    expect(['localhost', '127.0.0.1', '127.1.2.3', '[::1]', '::1'].every(isLoopback)).toBe(true);
    expect(['10.0.0.1', '192.168.1.1', 'mail.example.org', '0.0.0.0', 'localhost.example.org'].some(isLoopback)).toBe(false);
  });

  it('refuses a password in the URL, other schemes and anything after the port', () => {
    expect(() => parseSmtpUrl('smtps://ada:secret@mail.example.gov')).toThrow(
      new SmtpUsageError('--smtp must not hold the password: set BRIEFING_SMTP_PASSWORD instead (a URL ends up in shell histories and process lists)'),
    );
    expect(() => parseSmtpUrl('https://mail.example.gov')).toThrow(/^--smtp wants smtps:\/\/\[user@\]host\[:port\] or smtp:\/\/\[user@\]host\[:port\] \(plain smtp:\/\/ only to 127\.0\.0\.1 or localhost\), not a https: URL$/);
    expect(() => parseSmtpUrl('smtp://mail.example.gov/x?y')).toThrow(/nothing may follow the port$/);
    expect(() => parseSmtpUrl('mail.example.gov')).toThrow(/, not "mail\.example\.gov"$/);
  });
});

describe('delivering to a real server on 127.0.0.1', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  /** The server as if it were mail.example.org: the URL's host, the socket the test's own. */
  function remote(port: number, url = 'smtp://mail.example.org:587'): { settings: SmtpServer; getSocket: NonNullable<Parameters<typeof deliver>[3]>['getSocket'] } {
    return {
      settings: parseSmtpUrl(url),
      getSocket: (_options: unknown, callback: (error: Error | null, socket?: { connection: import('node:net').Socket }) => void) => {
        const socket = connect(port, '127.0.0.1', () => callback(null, { connection: socket }));
        socket.once('error', (error) => callback(error));
      },
    };
  }

  it('sends the bytes as they are, to the envelope’s recipients', async () => {
    server = await startServer();
    const delivery = await deliver(parseSmtpUrl(`smtp://127.0.0.1:${server.port}`), { from: 'a@example.org', to: ['b@example.org', 'c@example.org'] }, MESSAGE);
    expect(delivery.accepted).toEqual(['b@example.org', 'c@example.org']);
    expect(server.received).toHaveLength(1);
    expect(server.received[0]!.to).toEqual(['b@example.org', 'c@example.org']);
    expect(Buffer.compare(server.received[0]!.bytes, MESSAGE)).toBe(0);
  });

  it('will not talk in plain text to a server off this machine that offers no STARTTLS', async () => {
    server = await startServer();
    const { settings, getSocket } = remote(server.port);
    await expect(deliver(settings, { from: 'a@example.org', to: ['b@example.org'] }, MESSAGE, { getSocket })).rejects.toThrow(
      new DeliveryError('the server smtp://mail.example.org:587 does not offer STARTTLS, and off this machine briefing sends only encrypted: use its smtps:// port (465) or its submission port (587) with STARTTLS'),
    );
    expect(server.received).toEqual([]);
  });

  it.skipIf(!clientsAvailable('openssl'))('upgrades with STARTTLS to a server off this machine, trusting a private CA only when told to', async () => {
    const tls = selfSignedCertificate();
    server = await startServer({ starttls: true, auth: true, tls });
    const { settings, getSocket } = remote(server.port, `smtp://${USER}@mail.example.org:587`);
    await expect(deliver(settings, { from: 'a@example.org', to: ['b@example.org'] }, MESSAGE, { getSocket, password: PASSWORD })).rejects.toThrow(
      /^the server smtp:\/\/writer@mail\.example\.org:587: its certificate is not trusted \(.*\); if it is your office's own certificate authority, point BRIEFING_SMTP_CA at its PEM file$/,
    );
    const delivery = await deliver(settings, { from: 'a@example.org', to: ['b@example.org'] }, MESSAGE, { getSocket, password: PASSWORD, ca: tls.cert });
    expect(delivery.accepted).toEqual(['b@example.org']);
    expect(server.received[0]).toMatchObject({ secure: true, user: USER });
  });
});
