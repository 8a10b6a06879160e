/**
 * A one-line progress bar on a terminal, redrawn in place on stderr. Off when stderr is not a TTY or under CI: logs
 * then get the messages and the summary only, never carriage-return noise.
 */
export interface ProgressSink {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

export class Progress {
  private done = 0;
  private shown = false;

  constructor(
    private readonly total: number,
    private readonly out: ProgressSink,
    readonly enabled: boolean,
  ) {}

  static for(total: number, out: ProgressSink & { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): Progress {
    const ci = env.CI !== undefined && env.CI !== '' && env.CI !== 'false';
    return new Progress(total, out, out.isTTY === true && !ci && total > 1);
  }

  /** Prints message lines above the bar, so messages and bar never mix on one line. */
  print(lines: readonly string[]): void {
    if (lines.length === 0) return;
    this.clear();
    this.out.write(`${lines.join('\n')}\n`);
    this.draw();
  }

  tick(label: string): void {
    this.done++;
    this.draw(label);
  }

  /** Removes the bar before the summary line. */
  end(): void {
    this.clear();
  }

  private clear(): void {
    if (this.shown) this.out.write('\r\x1b[2K');
    this.shown = false;
  }

  private draw(label = ''): void {
    if (!this.enabled) return;
    const width = 30;
    const filled = Math.round((this.done / Math.max(1, this.total)) * width);
    const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${this.done}/${this.total} ${label}`;
    const columns = this.out.columns ?? 80;
    this.out.write(`\r\x1b[2K${line.slice(0, Math.max(10, columns - 1))}`);
    this.shown = true;
  }
}

export function summaryLine(s: { built: number; skipped: number; failed: number; ms: number }, outDir: string): string {
  return `built ${s.built}, skipped ${s.skipped}, failed ${s.failed} in ${(s.ms / 1000).toFixed(2)} s → ${outDir}`;
}
