import { describe, expect, it } from 'vitest';
import { Progress, summaryLine } from '../../src/batch/progress.js';

function sink(isTTY: boolean): { isTTY: boolean; columns: number; text: string; write(t: string): void } {
  return { isTTY, columns: 80, text: '', write(t) { this.text += t; } };
}

describe('progress', () => {
  it('draws a bar on a terminal and clears it before messages and at the end', () => {
    const out = sink(true);
    const progress = Progress.for(4, out, {});
    progress.tick('a.md');
    progress.print(['a.md:1:1: warning: x']);
    progress.tick('b.md');
    progress.end();
    expect(out.text).toContain('1/4 a.md');
    expect(out.text).toContain('\r\x1b[2Ka.md:1:1: warning: x\n');
    expect(out.text.endsWith('\r\x1b[2K')).toBe(true);
  });

  it('prints messages only when not a terminal, or in CI', () => {
    for (const [tty, env] of [[false, {}], [true, { CI: 'true' }]] as const) {
      const out = sink(tty);
      const progress = Progress.for(4, out, env);
      progress.tick('a.md');
      progress.print(['a.md: error: broken']);
      progress.end();
      expect(out.text).toBe('a.md: error: broken\n');
    }
  });

  it('says built, skipped, failed and time in one line', () => {
    expect(summaryLine({ built: 3, skipped: 2, failed: 1, ms: 1234 }, 'output')).toBe('built 3, skipped 2, failed 1 in 1.23 s → output');
  });
});
