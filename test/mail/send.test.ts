/**
 * `briefing send` as a user runs it, against a real SMTP server (smtp-server) the test starts on 127.0.0.1: the
 * envelope is to + cc + bcc, the message that arrives has no Bcc and no X-Unsent, logins work and a wrong password
 * fails without being printed, a refused recipient is named, and what may not be sent is refused at its line.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { runSend, type SendOptions, type Terminal } from '../../src/mail/command.js';
import { clientsAvailable } from '../support/clients.js';
import { EMAIL_FIXTURES, READOUT } from '../support/email.js';
import { runCliAsync } from '../support/run.js';
import { SOURCE_DIR } from '../support/sources.js';
import { PASSWORD, REFUSED, selfSignedCertificate, startServer, USER, type TestServer } from '../support/smtp.js';

/** A copy of the fixture with `edit` applied, in a folder of its own with its picture. */
function source(edit: (text: string) => string = (t) => t, name = 'readout.md'): string {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-send-'));
  copyFileSync(join(EMAIL_FIXTURES, 'chart.png'), join(dir, 'chart.png'));
  writeFileSync(join(dir, name), edit(readFileSync(READOUT, 'utf8')));
  return join(dir, name);
}

const ENV = { SOURCE_DATE_EPOCH: '1741170600', BRIEFING_SMTP_PASSWORD: '' };

describe('briefing send', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('delivers to to + cc + bcc a message without Bcc or X-Unsent, with a fresh Message-ID and Date, and keeps its exact bytes', async () => {
    server = await startServer();
    const sent = mkdtempSync(join(tmpdir(), 'briefing-sent-'));
    const run = await runCliAsync(['send', READOUT, '--smtp', `smtp://127.0.0.1:${server.port}`, '--yes', '--save-sent', sent], { env: ENV });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(server.received).toHaveLength(1);
    const [message] = server.received;
    expect(message!.from).toBe('ada@example.gov');
    expect(message!.to).toEqual(['press@example.gov', 'jane.doe@example.org', 'desk@example.org', 'archive@example.gov']);
    const text = message!.bytes.toString('latin1');
    expect(text).not.toMatch(/^Bcc:/im);
    expect(text).not.toMatch(/^X-Unsent:/im);
    const mail = await simpleParser(message!.bytes);
    expect(mail.subject).toBe('UNCLASSIFIED – Meeting readout: Port Access Talks with the Republic of Alpha (March 4, 2025)');
    expect(mail.messageId).toMatch(/^<[0-9a-f-]{36}@example\.gov>$/);
    // Now, not SOURCE_DATE_EPOCH's moment, which the draft carries.
    expect(Math.abs(mail.date!.getTime() - Date.now())).toBeLessThan(120_000);
    expect(mail.attachments.filter((a) => !a.related).map((a) => a.filename)).toEqual(['readout.pdf', 'readout.docx']);
    expect(Buffer.compare(readFileSync(join(sent, 'readout.eml')), message!.bytes)).toBe(0);
    expect(run.stdout.split('\n').slice(0, 8)).toEqual([
      `${READOUT}: a message to 4 recipients`,
      '  From:     Ada Example <ada@example.gov>',
      '  To:       Press Office <press@example.gov>, Doe, Jane <jane.doe@example.org>',
      '  Cc:       desk@example.org',
      '  Bcc:      archive@example.gov',
      '  Subject:  UNCLASSIFIED – Meeting readout: Port Access Talks with the Republic of Alpha (March 4, 2025)',
      expect.stringMatching(/^ {2}Attached: readout\.pdf \(\d+ KB\), readout\.docx \(\d+ KB\)$/),
      `  Through:  smtp://127.0.0.1:${server.port}`,
    ]);
    expect(run.stdout).toContain(`${READOUT}: sent to 4 recipients through smtp://127.0.0.1:${server.port}: 250 `);
  });

  it('sends the seed, addressed on the command line', async () => {
    server = await startServer();
    const seed = `${SOURCE_DIR}2025-01-07-tokyo-readout.md`;
    const run = await runCliAsync(['send', seed, '--smtp', `smtp://127.0.0.1:${server.port}`, '--yes', '--from', 'Spokesperson <spokesperson@example.gov>', '--to', 'press@example.gov'], { env: ENV });
    expect(run.stderr).toBe('');
    expect(server.received.map((m) => [m.from, m.to])).toEqual([['spokesperson@example.gov', ['press@example.gov']]]);
    const mail = await simpleParser(server.received[0]!.bytes);
    expect(mail.subject).toBe('Meeting readout: Secretary Blinken’s Meeting with Prime Minister Ishiba (January 7, 2025)');
  });

  it('logs in with the user in the URL and the password from BRIEFING_SMTP_PASSWORD; a wrong one exits 1 without being printed', async () => {
    server = await startServer({ auth: true });
    const url = `smtp://${USER}@127.0.0.1:${server.port}`;
    const good = await runCliAsync(['send', READOUT, '--smtp', url, '--yes'], { env: { ...ENV, BRIEFING_SMTP_PASSWORD: PASSWORD } });
    expect(good.status).toBe(0);
    expect(server.received[0]!.user).toBe(USER);
    const wrong = 'not-the-password-1234';
    const bad = await runCliAsync(['send', READOUT, '--smtp', url, '--yes'], { env: { ...ENV, BRIEFING_SMTP_PASSWORD: wrong } });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toBe(
      `${READOUT}: error: the server smtp://${USER}@127.0.0.1:${server.port} refused the login of ${USER}: 535 Authentication credentials invalid (check the user in --smtp and BRIEFING_SMTP_PASSWORD)\n`,
    );
    expect(`${bad.stdout}${bad.stderr}`).not.toContain(wrong);
    expect(server.received).toHaveLength(1);
    const none = await runCliAsync(['send', READOUT, '--smtp', url, '--yes'], { env: ENV });
    expect(none).toMatchObject({ status: 2, stderr: `briefing: --smtp names the user ${USER}: set BRIEFING_SMTP_PASSWORD to the password (it is never printed)\nRun \`briefing --help\` for usage.\n` });
  });

  it('names each recipient the server refuses, and exits 1', async () => {
    server = await startServer();
    const url = `smtp://127.0.0.1:${server.port}`;
    const some = await runCliAsync(['send', READOUT, '--smtp', url, '--yes', '--cc', REFUSED], { env: ENV });
    expect(some.status).toBe(1);
    expect(some.stderr).toBe(
      `${READOUT}: error: the server ${url} refused ${REFUSED} (550 No such mailbox <${REFUSED}>); the message went to the other 3 (press@example.gov, jane.doe@example.org, archive@example.gov) and was not retried\n`,
    );
    const all = await runCliAsync(['send', READOUT, '--smtp', url, '--yes', '--to', REFUSED, '--cc', REFUSED, '--bcc', REFUSED], { env: ENV });
    expect(all.status).toBe(1);
    expect(all.stderr).toBe(`${READOUT}: error: the server ${url} refused every recipient: ${REFUSED} (550 No such mailbox <${REFUSED}>); nothing was sent\n`);
    expect(server.received).toHaveLength(1);
  });

  it('says a server cannot be reached, naming it', async () => {
    server = await startServer();
    const port = server.port;
    await server.close();
    server = undefined;
    const run = await runCliAsync(['send', READOUT, '--smtp', `smtp://127.0.0.1:${port}`, '--yes'], { env: ENV });
    expect(run).toMatchObject({ status: 1, stderr: `${READOUT}: error: cannot reach smtp://127.0.0.1:${port}: the connection was refused (is the host and port right?)\n` });
  });

  it.skipIf(!clientsAvailable('openssl'))('sends over smtps:// to a server with a private certificate named by BRIEFING_SMTP_CA', async () => {
    const tls = selfSignedCertificate();
    server = await startServer({ secure: true, tls });
    const run = await runCliAsync(['send', READOUT, '--smtp', `smtps://localhost:${server.port}`, '--yes'], { env: { ...ENV, BRIEFING_SMTP_CA: tls.certPath } });
    expect(run.stderr).toBe('');
    expect(server.received[0]!.secure).toBe(true);
  });

  it('refuses, at the line to fix: a classification the template will not send, a missing sender, no recipients', async () => {
    server = await startServer();
    const url = `smtp://127.0.0.1:${server.port}`;
    const secret = source((t) => t.replace('classification: UNCLASSIFIED', 'classification: TOP SECRET'));
    const refused = await runCliAsync(['send', secret, '--smtp', url, '--yes'], { env: ENV });
    expect(refused).toMatchObject({
      status: 1,
      stderr: `${secret}:6:1: error: classification "TOP SECRET" matches the template's email.refuse_send (CONFIDENTIAL|SECRET|PROTECTED|RESTRICTED): briefing send does not send it; write the draft with -f eml and send it through a system cleared for it\n`,
    });
    // A draft is always written.
    const out = mkdtempSync(join(tmpdir(), 'briefing-draft-'));
    expect((await runCliAsync(['build', secret, '-f', 'eml', '-o', out], { env: ENV })).status).toBe(0);
    const anonymous = source((t) => t.replace(/ {2}from: .*\n/, ''));
    const noFrom = await runCliAsync(['send', anonymous, '--smtp', url, '--yes'], { env: ENV });
    expect(noFrom).toMatchObject({ status: 1, stderr: `${anonymous}:13:1: error: no sender: add \`from: Name <you@example.org>\` under \`email:\`, or pass --from\n` });
    const nobody = source((t) => t.replace(/\nemail:\n(?: {2}.*\n)+/, '\nemail:\n  from: ada@example.gov\n'));
    const noOne = await runCliAsync(['send', nobody, '--smtp', url, '--yes'], { env: ENV });
    expect(noOne).toMatchObject({ status: 1, stderr: `${nobody}:13:1: error: no recipients: add \`to:\` under \`email:\`, or pass --to\n` });
    // An error in the source is reported as a build reports it.
    const malformed = source((t) => t.replace('cc: desk@example.org', 'cc: desk@@example.org'));
    const bad = await runCliAsync(['send', malformed, '--smtp', url, '--yes'], { env: ENV });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(new RegExp(`^${malformed.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:17:7: error: front-matter \`email.cc\` is not an email address`));
    expect(server.received).toEqual([]);
  });

  it('asks before sending unless --yes, and without a terminal wants --yes', async () => {
    const run = await runCliAsync(['send', READOUT, '--smtp', 'smtp://127.0.0.1:9'], { env: ENV });
    expect(run).toMatchObject({
      status: 2,
      stderr: 'briefing: send asks before sending, and no one is at a terminal to answer: pass --yes to send without asking\nRun `briefing --help` for usage.\n',
    });
    expect((await runCliAsync(['send', READOUT], { env: ENV })).stderr).toBe('briefing: send needs --smtp URL: the mail server, e.g. --smtp smtps://you@mail.example.org\nRun `briefing --help` for usage.\n');
    expect((await runCliAsync(['send', READOUT, '--smtp', 'smtp://127.0.0.1:9', '--yes', '--subject', 'a\r\nBcc: x@example.org'], { env: ENV })).stderr).toBe(
      'briefing: --subject must be one line: a line break in a mail header would let what follows become header fields of its own\nRun `briefing --help` for usage.\n',
    );
    expect((await runCliAsync(['send', READOUT, '--smtp', 'smtp://127.0.0.1:9', '--yes', '--to', 'jane@'], { env: ENV })).stderr).toMatch(/^briefing: --to "jane@" is not an email address: /);

    // On a terminal: the envelope, then the question; only "y" or "yes" sends.
    server = await startServer();
    const asked: string[] = [];
    const terminal = (answer: string): Terminal => ({ interactive: true, ask: async (q) => (asked.push(q), answer) });
    const options: SendOptions = { smtp: `smtp://127.0.0.1:${server.port}`, yes: false, allowOverflow: false, overrides: {}, quiet: true };
    expect(await runSend([READOUT], options, terminal('n'), {})).toBe(0);
    expect(server.received).toHaveLength(0);
    expect(await runSend([READOUT], options, terminal('yes'), {})).toBe(0);
    expect(server.received).toHaveLength(1);
    expect(asked).toEqual(['Send it? [y/N] ', 'Send it? [y/N] ']);
  });
});
