/** The compiled CLI as a child process, asynchronously (so several can run at once, or be killed half-way). */
import { spawn, type ChildProcess } from 'node:child_process';
import { CLI } from './cli.js';

export interface AsyncRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Wall time. */
  ms: number;
  /** CPU time of the whole process (main thread and workers), user + system: what the build itself cost. */
  cpuMs: number;
}

/**
 * Loaded before the CLI: on exit, reports the process's CPU time on stderr. CPU time, unlike wall time, barely moves
 * when other jobs load the machine, so "within a few seconds" can be asserted without flaking.
 */
const CPU_REPORTER = `data:text/javascript,process.on('exit',()=>{const u=process.cpuUsage();process.stderr.write('\\n__CPU_MS__ '+Math.round((u.user+u.system)/1000)+'\\n')})`;
const CPU_LINE = /\n?__CPU_MS__ (\d+)\n?/;

export function startCli(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): { child: ChildProcess; done: Promise<AsyncRun> } {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', CPU_REPORTER, CLI, ...args], { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const done = new Promise<AsyncRun>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status, signal) => {
      const cpu = CPU_LINE.exec(stderr);
      resolve({ status, signal, stdout, stderr: stderr.replace(CPU_LINE, ''), ms: performance.now() - started, cpuMs: cpu ? Number(cpu[1]) : Number.NaN });
    });
  });
  return { child, done };
}

export function runCliAsync(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<AsyncRun> {
  return startCli(args, options).done;
}
