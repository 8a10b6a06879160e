/**
 * A real mail client: Thunderbird (Debian's) under a virtual X server opens the draft as a message to send (a
 * compose window, because of X-Unsent: 1); the test reads the window's title with xdotool and keeps a screenshot
 * (ImageMagick's import) beside the draft. Thunderbird runs with a profile made here (one account, every update,
 * report and start page off) and, where the machine allows it, in a network namespace of its own with no network.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../../src/build/build.js';
import { clientsAvailable } from '../../support/clients.js';
import { READOUT } from '../../support/email.js';

const SUBJECT = 'UNCLASSIFIED – Meeting readout: Port Access Talks with the Republic of Alpha (March 4, 2025)';

/** One local account whose identity is the draft's sender, and nothing that starts on its own or reaches out. */
const PREFS = `
user_pref("mail.accountmanager.accounts", "account1,account2");
user_pref("mail.accountmanager.defaultaccount", "account1");
user_pref("mail.accountmanager.localfoldersserver", "server2");
user_pref("mail.account.account1.identities", "id1");
user_pref("mail.account.account1.server", "server1");
user_pref("mail.account.account2.server", "server2");
user_pref("mail.identity.id1.fullName", "Ada Example");
user_pref("mail.identity.id1.useremail", "ada@example.gov");
user_pref("mail.identity.id1.valid", true);
user_pref("mail.identity.id1.smtpServer", "smtp1");
user_pref("mail.smtpservers", "smtp1");
user_pref("mail.smtp.defaultserver", "smtp1");
user_pref("mail.smtpserver.smtp1.hostname", "127.0.0.1");
user_pref("mail.smtpserver.smtp1.port", 9);
user_pref("mail.server.server1.type", "pop3");
user_pref("mail.server.server1.hostname", "127.0.0.1");
user_pref("mail.server.server1.port", 9);
user_pref("mail.server.server1.userName", "ada");
user_pref("mail.server.server1.name", "ada@example.gov");
user_pref("mail.server.server1.login_at_startup", false);
user_pref("mail.server.server1.check_new_mail", false);
user_pref("mail.server.server1.download_on_biff", false);
user_pref("mail.server.server2.type", "none");
user_pref("mail.server.server2.hostname", "Local Folders");
user_pref("mail.server.server2.name", "Local Folders");
user_pref("mail.server.server2.userName", "nobody");
user_pref("mailnews.start_page.enabled", false);
user_pref("mail.shell.checkDefaultClient", false);
user_pref("mail.provider.enabled", false);
user_pref("mail.rights.version", 1);
user_pref("app.update.enabled", false);
user_pref("app.update.auto", false);
user_pref("datareporting.policy.dataSubmissionEnabled", false);
user_pref("datareporting.healthreport.uploadEnabled", false);
user_pref("toolkit.telemetry.enabled", false);
user_pref("extensions.update.enabled", false);
user_pref("browser.safebrowsing.malware.enabled", false);
user_pref("browser.safebrowsing.phishing.enabled", false);
user_pref("network.proxy.type", 1);
user_pref("network.proxy.http", "127.0.0.1");
user_pref("network.proxy.http_port", 9);
user_pref("network.proxy.ssl", "127.0.0.1");
user_pref("network.proxy.ssl_port", 9);
user_pref("network.proxy.no_proxies_on", "");
`;

/** Starts Thunderbird on the draft, waits (60 s at most) for a window titled with the subject, screenshots, stops it. */
const SCRIPT = `#!/bin/bash
set -u
thunderbird --profile "$PROFILE" --no-remote "$EML" >"$LOG" 2>&1 &
TB=$!
for i in $(seq 1 120); do
  sleep 0.5
  id=$(xdotool search --name "^Write: " 2>/dev/null | head -1)
  if [ -n "$id" ]; then
    sleep 2
    xdotool getwindowname "$id" > "$TITLE"
    import -window root "$SHOT"
    break
  fi
done
kill $TB 2>/dev/null
wait $TB 2>/dev/null
exit 0
`;

function canUnshare(): boolean {
  try {
    execFileSync('unshare', ['-n', 'true'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe.skipIf(!clientsAvailable('thunderbird', 'xvfb-run', 'xdotool', 'import'))('eml in Thunderbird', () => {
  it('opens as a compose window titled with the subject', { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefing-thunderbird-'));
    const result = await buildDocument(READOUT, { outDir: dir, formats: ['eml'], allowOverflow: false, buildDate: new Date('2025-03-05T09:30:00Z') });
    expect(result.ok).toBe(true);
    const profile = join(dir, 'profile');
    mkdirSync(profile);
    mkdirSync(join(dir, 'home'));
    writeFileSync(join(profile, 'user.js'), PREFS);
    const script = join(dir, 'run.sh');
    writeFileSync(script, SCRIPT, { mode: 0o755 });
    const files = { PROFILE: profile, EML: join(dir, 'readout.eml'), LOG: join(dir, 'thunderbird.log'), TITLE: join(dir, 'title.txt'), SHOT: join(dir, 'compose.png') };
    const xvfb = ['xvfb-run', '-a', '-s', '-screen 0 1280x1000x24', script];
    const [command, ...args] = canUnshare() ? ['unshare', '-n', ...xvfb] : xvfb;
    execFileSync(command!, args, { env: { ...process.env, ...files, HOME: join(dir, 'home') }, stdio: 'ignore', timeout: 100_000 });
    let title = '';
    try {
      title = readFileSync(files.TITLE, 'utf8').trim();
    } catch {
      throw new Error(`Thunderbird opened no compose window within 60 s; its log: ${readFileSync(files.LOG, 'utf8').slice(-2000)}`);
    }
    expect(title).toBe(`Write: ${SUBJECT} - Thunderbird`);
    const shot = readFileSync(files.SHOT);
    expect(shot.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([shot.readUInt32BE(16), shot.readUInt32BE(20)]).toEqual([1280, 1000]);
    expect(statSync(files.SHOT).size).toBeGreaterThan(20_000);
    console.log(`Thunderbird's compose window: ${files.SHOT}`);
  });
});
