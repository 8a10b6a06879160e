/**
 * `briefing build … -f eml` as a user runs it: the seed's draft (the "done when"), the build cache keeping
 * the eml like the other outputs, byte-identical rebuilds with SOURCE_DATE_EPOCH, a template that lists eml among
 * its formats, and the command line's recipients.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { BUNDLED_TEMPLATES_DIR } from '../../src/theme/load.js';
import { runCli } from '../support/cli.js';
import { READOUT } from '../support/email.js';
import { SOURCE_DIR } from '../support/sources.js';

const SEED = `${SOURCE_DIR}2025-01-07-tokyo-readout.md`;
const ENV = { SOURCE_DATE_EPOCH: '1736208000' };

function outputs(dir: string): string[] {
  return readdirSync(dir).filter((n) => !n.startsWith('.')).sort();
}

describe('briefing build -f eml', () => {
  it('writes the seed’s draft alone, keeps it in the cache, and rebuilds it byte for byte', async () => {
    const out = mkdtempSync(join(tmpdir(), 'briefing-eml-cli-'));
    const first = runCli(['build', SEED, '-f', 'eml', '-o', out], { env: ENV });
    expect(first.status).toBe(0);
    expect(first.stderr).toMatch(/^built 1, skipped 0, failed 0 in [\d.]+ s → /);
    expect(outputs(out)).toEqual(['2025-01-07-tokyo-readout.eml']);
    const eml = readFileSync(join(out, '2025-01-07-tokyo-readout.eml'));
    const mail = await simpleParser(eml);
    expect(mail.headers.get('x-unsent')).toBe('1');
    expect(mail.subject).toBe('Meeting readout: Secretary Blinken’s Meeting with Prime Minister Ishiba (January 7, 2025)');
    expect(mail.attachments.map((a) => a.filename)).toEqual(['2025-01-07-tokyo-readout.pdf', '2025-01-07-tokyo-readout.docx']);
    expect(runCli(['build', SEED, '-f', 'eml', '-o', out], { env: ENV }).stderr).toMatch(/^built 0, skipped 1, failed 0 in /m);
    rmSync(join(out, '2025-01-07-tokyo-readout.eml'));
    expect(runCli(['build', SEED, '-f', 'eml', '-o', out], { env: ENV }).stderr).toMatch(/^built 1, skipped 0, failed 0 in /m);
    expect(Buffer.compare(readFileSync(join(out, '2025-01-07-tokyo-readout.eml')), eml)).toBe(0);
  });

  it('builds the formats a template lists when no --format is given', () => {
    const template = mkdtempSync(join(tmpdir(), 'briefing-template-'));
    cpSync(join(BUNDLED_TEMPLATES_DIR, 'default'), template, { recursive: true });
    const theme = JSON.parse(readFileSync(join(template, 'theme.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(template, 'theme.json'), JSON.stringify({ ...theme, email: { formats: ['pdf', 'eml'] } }));
    const out = mkdtempSync(join(tmpdir(), 'briefing-eml-cli-'));
    expect(runCli(['build', SEED, '-o', out, '-t', template], { env: ENV }).status).toBe(0);
    expect(outputs(out)).toEqual(['2025-01-07-tokyo-readout.eml', '2025-01-07-tokyo-readout.pdf']);
    // --format still wins.
    const html = mkdtempSync(join(tmpdir(), 'briefing-eml-cli-'));
    expect(runCli(['build', SEED, '-o', html, '-t', template, '-f', 'html'], { env: ENV }).status).toBe(0);
    expect(outputs(html)).toEqual(['2025-01-07-tokyo-readout.html']);
  });

  it('addresses the draft with --to, --cc, --bcc, --from and --subject, and refuses a malformed one', async () => {
    const out = mkdtempSync(join(tmpdir(), 'briefing-eml-cli-'));
    const run = runCli(['build', READOUT, '-f', 'eml', '-o', out, '--to', 'A <a@example.org>, b@example.org', '--from', 'me@example.org', '--subject', 'For release'], { env: ENV });
    expect(run.status).toBe(0);
    const mail = await simpleParser(readFileSync(join(out, 'readout.eml')));
    expect((mail.to as { value: unknown[] }).value).toEqual([
      { name: 'A', address: 'a@example.org' },
      { name: '', address: 'b@example.org' },
    ]);
    expect(mail.from?.value).toEqual([{ name: '', address: 'me@example.org' }]);
    expect(mail.subject).toBe('For release');
    const bad = runCli(['build', READOUT, '-f', 'eml', '-o', out, '--cc', 'a@@example.org']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^briefing: --cc "a@@example.org" is not an email address: write name@example.org/);
  });
});
