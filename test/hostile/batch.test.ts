/**
 * Batches and crashes, with the CLI as a real process. A folder of 50 sources with 3 broken ones builds the other 47,
 * names each broken one with file:line, and exits 1. A build killed half-way (SIGKILL, at several moments) never
 * leaves a truncated or corrupt PDF, DOCX or HTML under its final name.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clientsAvailable } from '../support/clients.js';
import { qpdfCheck } from '../support/pdf.js';
import { runCliAsync, startCli } from '../support/run.js';
import { unzip } from '../support/safety.js';

function goodSource(i: number): string {
  return `---\ntitle: Batch briefing number ${i}\ndate: 2025-02-${String((i % 28) + 1).padStart(2, '0')}\n---\n\nSummary of briefing ${i}: ministers met and agreed on next steps.\n\n## Details\n\n- Item one for ${i}\n- Item two for ${i}\n\nA closing paragraph with a [link](https://example.org/${i}).\n`;
}

/** Three ways to be broken, each with the line and column the error must name. */
const BROKEN: { name: string; text: string; where: string; says: RegExp }[] = [
  { name: 'b10-bad-date.md', text: '---\ntitle: Bad date\ndate: 2025-02-30\n---\n\nText.\n', where: ':3:7', says: /date/ },
  { name: 'b25-image-escape.md', text: '---\ntitle: Escaping image\n---\n\nText.\n\n![x](../../etc/passwd)\n', where: ':7:1', says: /outside/ },
  { name: 'b40-yaml.md', text: '---\ntitle: [unclosed\n---\n\nText.\n', where: ':2:', says: /YAML/ },
];

function batchFolder(count: number, broken: typeof BROKEN): { dir: string; good: string[] } {
  const root = mkdtempSync(join(tmpdir(), 'briefing-batch-'));
  const dir = join(root, 'src');
  mkdirSync(dir);
  const good: string[] = [];
  for (let i = 0; good.length < count - broken.length; i++) {
    const name = `g${String(i).padStart(2, '0')}`;
    writeFileSync(join(dir, `${name}.md`), goodSource(i));
    good.push(name);
  }
  for (const b of broken) writeFileSync(join(dir, b.name), b.text);
  return { dir, good };
}

const FINAL = /^[^.].*\.(pdf|docx|html)$/;

/** What is wrong with a file under its final name, or null when it is complete. */
function incomplete(path: string): string | null {
  const bytes = readFileSync(path);
  if (path.endsWith('.pdf')) {
    if (!bytes.subarray(0, 5).equals(Buffer.from('%PDF-'))) return 'no %PDF- header';
    if (!/%%EOF\s*$/.test(bytes.subarray(-64).toString('latin1'))) return 'does not end with %%EOF';
    const check = qpdfCheck(path);
    return check.ok ? null : `qpdf --check: ${check.output.slice(0, 200)}`;
  }
  if (path.endsWith('.docx')) {
    try {
      const parts = unzip(new Uint8Array(bytes));
      return parts['word/document.xml'] && parts['[Content_Types].xml'] ? null : 'missing word/document.xml';
    } catch (error) {
      return `does not unzip: ${(error as Error).message}`;
    }
  }
  return /<\/html>\s*$/i.test(bytes.toString('utf8')) ? null : 'does not end with </html>';
}

describe('batches', () => {
  it('builds 47 of 50, reports the 3 broken ones with file:line, exits 1', async () => {
    const { dir, good } = batchFolder(50, BROKEN);
    const out = join(dir, '..', 'out');
    const run = await runCliAsync(['build', dir, '--out', out]);
    expect(run.status, run.stderr).toBe(1);
    const errors = run.stderr.split('\n').filter((l) => l.includes(': error: '));
    expect(errors).toHaveLength(3);
    for (const b of BROKEN) {
      const line = errors.find((l) => l.startsWith(join(dir, b.name)));
      expect(line, `no error for ${b.name} in\n${run.stderr}`).toBeDefined();
      expect(line!.slice(join(dir, b.name).length)).toMatch(new RegExp(`^${b.where}\\d*:? ?.*error: `));
      expect(line).toMatch(b.says);
    }
    expect(run.stderr).toMatch(/built 47\b.*failed 3\b/);
    const files = readdirSync(out).filter((f) => FINAL.test(f)).sort();
    expect(files).toEqual(good.flatMap((g) => [`${g}.docx`, `${g}.html`, `${g}.pdf`]).sort());
  }, 300_000);
});

describe.skipIf(!clientsAvailable('qpdf'))('a build killed half-way', () => {
  it('leaves only complete files under final names (SIGKILL at several moments)', async () => {
    // Moments: before anything is written, and 0–800 ms after the first output appears (mid-batch, mid-write).
    const moments: ({ fromStart: number } | { afterFirstOutput: number })[] = [
      { fromStart: 300 },
      { afterFirstOutput: 0 },
      { afterFirstOutput: 60 },
      { afterFirstOutput: 250 },
      { afterFirstOutput: 800 },
    ];
    const results = await Promise.all(
      moments.map(async (moment) => {
        const { dir } = batchFolder(20, []);
        const out = join(dir, '..', 'out');
        const { child, done } = startCli(['build', dir, '--out', out]);
        let finished = false;
        const kill = (): void => {
          if (!finished) child.kill('SIGKILL');
        };
        let poll: NodeJS.Timeout | undefined;
        if ('fromStart' in moment) {
          setTimeout(kill, moment.fromStart);
        } else {
          poll = setInterval(() => {
            let any = false;
            try {
              any = readdirSync(out).some((f) => FINAL.test(f));
            } catch {
              any = false;
            }
            if (any) {
              clearInterval(poll);
              setTimeout(kill, moment.afterFirstOutput);
            }
          }, 10);
        }
        const run = await done;
        finished = true;
        clearInterval(poll);
        const delay = JSON.stringify(moment);
        let names: string[] = [];
        try {
          names = readdirSync(out).filter((f) => FINAL.test(f));
        } catch {
          names = []; // killed before the folder was made
        }
        const bad = names.map((f) => [f, incomplete(join(out, f))] as const).filter(([, problem]) => problem !== null);
        return { delay, killed: run.signal === 'SIGKILL', files: names.length, bad };
      }),
    );
    for (const r of results) expect(r.bad, `killed after ${r.delay} ms`).toEqual([]);
    // Not vacuous: some run was really killed, and some killed run had already written files.
    expect(results.some((r) => r.killed), JSON.stringify(results)).toBe(true);
    expect(results.some((r) => r.killed && r.files > 0), JSON.stringify(results)).toBe(true);
  }, 300_000);
});
