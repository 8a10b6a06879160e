/**
 * The CLI as a real process in a confined machine, for the environment's errors: a real full disk and a real
 * read-only disk (a small tmpfs mounted over the output folder in a private mount namespace, which vanishes with the
 * process), and a real "permission denied" (as root, which ignores file modes, the CLI runs without capabilities).
 * Where the confinement cannot be made (no `unshare`, no user namespaces), the test skips with a notice, and fails
 * in CI like a missing client.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { CLI, type CliRun } from './cli.js';
import { clientsRequired } from './clients.js';

function works(command: string, args: string[]): boolean {
  try {
    execFileSync(command, args, { stdio: 'ignore', timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}

const isRoot = process.getuid?.() === 0;

/** How to enter a private mount namespace: directly as root, else through a user namespace. */
const UNSHARE: string[] | null = (() => {
  if (isRoot && works('unshare', ['--mount', 'true'])) return ['unshare', '--mount'];
  if (works('unshare', ['--user', '--map-root-user', '--mount', 'true'])) return ['unshare', '--user', '--map-root-user', '--mount'];
  return null;
})();

/** Drops root's power to write where the file modes say no (CAP_DAC_OVERRIDE and the rest). */
const UNPRIVILEGED: string[] | null = !isRoot
  ? []
  : works('setpriv', ['--bounding-set=-all', '--inh-caps=-all', 'true'])
    ? ['setpriv', '--bounding-set=-all', '--inh-caps=-all']
    : null;

function available(what: string, ok: boolean): boolean {
  if (ok) return true;
  const message = `environment tests need ${what}, which this machine does not allow`;
  if (clientsRequired) throw new Error(`${message} (required in CI)`);
  console.warn(`NOTICE: skipping: ${message}.`);
  return false;
}

export const canMountTmpfs = (): boolean => available('a private mount namespace (unshare --mount)', UNSHARE !== null);
export const canDropPrivileges = (): boolean => available('setpriv (to run without root privileges)', UNPRIVILEGED !== null);

function run(prefix: string[]): CliRun {
  const [command, ...rest] = prefix;
  const result = spawnSync(command!, rest, { env: { ...process.env, CI: 'true' }, encoding: 'utf8', timeout: 120_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs the CLI with a tmpfs of `kilobytes` (read-only when asked) mounted on `folder`, which must exist. */
export function runCliOnTmpfs(folder: string, kilobytes: number, args: readonly string[], options: { readOnly?: boolean } = {}): CliRun {
  const remount = options.readOnly ? ' && mount -o remount,ro "$1"' : '';
  const script = `mount -t tmpfs -o size=${kilobytes}k tmpfs "$1"${remount} && shift && exec "$@"`;
  return run([...UNSHARE!, 'sh', '-c', script, 'sh', folder, process.execPath, CLI, ...args]);
}

/** Runs the CLI as a process that file modes apply to, root or not. */
export function runCliUnprivileged(args: readonly string[]): CliRun {
  return run([...UNPRIVILEGED!, process.execPath, CLI, ...args]);
}
