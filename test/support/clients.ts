/**
 * Real clients (LibreOffice, Chromium, poppler, qpdf, Pandoc, fontconfig's fc-list, the email readers) for tests. In CI (`CI=true` or `BRIEFING_REQUIRE_CLIENTS=1`)
 * a missing client fails the test; locally the test skips with a printed notice.
 */
import { execFileSync } from 'node:child_process';

export const CLIENT_COMMANDS = {
  soffice: 'soffice',
  chromium: 'chromium',
  pdfinfo: 'pdfinfo',
  pdftotext: 'pdftotext',
  pdffonts: 'pdffonts',
  pdftoppm: 'pdftoppm',
  qpdf: 'qpdf',
  pandoc: 'pandoc',
  fcList: 'fc-list',
  // The email's independent readers and its mail client: Python's email package, mblaze, the Nu HTML checker's
  // Java runtime, Thunderbird under a virtual X server (its window title read with xdotool, the screen with import).
  python3: 'python3',
  mshow: 'mshow',
  java: 'java',
  thunderbird: 'thunderbird',
  'xvfb-run': 'xvfb-run',
  xdotool: 'xdotool',
  import: 'import',
  openssl: 'openssl',
} as const;
export type Client = keyof typeof CLIENT_COMMANDS;

export const clientsRequired = process.env.BRIEFING_REQUIRE_CLIENTS === '1' || process.env.CI === 'true';

export function hasClient(client: Client): boolean {
  try {
    execFileSync('which', [CLIENT_COMMANDS[client]], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * True when every named client is installed. When one is missing: throws in CI, prints a notice and returns false
 * locally, so the caller can `describe.skipIf(!clientsAvailable(...))`.
 */
export function clientsAvailable(...clients: Client[]): boolean {
  const missing = clients.filter((c) => !hasClient(c));
  if (missing.length === 0) return true;
  const message = `real-client tests need ${missing.join(', ')}, which is not installed`;
  if (clientsRequired) throw new Error(`${message} (required in CI)`);
  console.warn(`NOTICE: skipping: ${message}. Install it (see .ci/run) to run these tests.`);
  return false;
}
