/**
 * The pull quote under the writer's control: `pull_quote: false`, `pull_quote: "words of a quote"` (an error when the
 * body has no such quote), or automatic, never a quote that is already in view a few lines below it (at the top of a
 * column). The three formats pull the same quote.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { fitBriefing } from '../../src/layout/fit.js';
import { typeset } from '../../src/layout/typeset.js';
import { loadTheme } from '../../src/theme/load.js';
import { parse } from '../support/parse.js';
import { buildInMemory } from '../support/sweep.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SEED = readFileSync(join(ROOT, 'source/2025-01-07-tokyo-readout.md'), 'utf8');
const theme = loadTheme('default');

/** The seed with `line` added to its front matter. */
function seedWith(line: string): string {
  return SEED.replace(/^---\n/, `---\n${line}\n`);
}

function pulled(markdown: string): { index: number | null | undefined; text: string | undefined; briefing: ReturnType<typeof parse>['briefing'] } {
  const { briefing, file } = parse(markdown);
  if (!briefing) throw new Error(file.messages.map(String).join('\n'));
  const fit = fitBriefing(briefing, theme, { allowOverflow: false });
  if (!fit.ok) throw new Error(fit.message);
  const index = fit.layout.pullQuote !== undefined ? fit.layout.pullQuote : briefing.pullQuote;
  return { index, text: index === null || index === undefined ? undefined : briefing.quotes[index]?.text, briefing };
}

describe('the automatic pull quote', () => {
  it('is not the seed\'s first quote, which sits a few lines below it at the top of the first column', () => {
    const { index, briefing } = pulled(SEED);
    expect(briefing!.quotes[0]!.text).toMatch(/^Japan has proven time and again/);
    expect(index).not.toBe(0);
    expect(index).not.toBeNull();
    // Where the pulled quote's paragraph is drawn: more than ten lines below the top of its column.
    const fit = fitBriefing(briefing!, theme, { allowOverflow: false });
    if (!fit.ok) throw new Error(fit.message);
    const drawn = typeset(briefing!, theme, fit.layout, { slack: 0, balance: true });
    const at = briefing!.quotes[index!]!.position!;
    const lines: number[] = [];
    const walk = (nodes: readonly unknown[], inside: boolean): void => {
      for (const node of nodes as { type: string; block?: { position?: { line: number; column: number } }; children?: unknown[]; baseline?: number; page?: number }[]) {
        const here = inside || (node.type === 'block' && node.block?.position?.line === at.line && node.block.position.column === at.column);
        if (here && node.type === 'line' && node.page === 0) lines.push(node.baseline!);
        if (node.children) walk(node.children, here);
      }
    };
    walk(drawn.groups, false);
    expect(Math.min(...lines) - drawn.bodyTop).toBeGreaterThan(10 * fit.layout.leading);
  });

  it('is never a quote of the summary', () => {
    const { briefing } = parse('---\ntitle: T\n---\n\n“A sentence long enough to be pulled as a quote of the summary box,” Doe said.\n\n## S\n\nText.\n');
    expect(briefing!.pullQuote).toBeNull();
  });
});

describe('pull_quote in the front matter', () => {
  it('false: no pull quote in any format', async () => {
    const { index } = pulled(seedWith('pull_quote: false'));
    expect(index).toBeNull();
    const built = await buildInMemory(seedWith('pull_quote: false'), { formats: ['html', 'docx'] });
    if (built.kind !== 'built') throw new Error(JSON.stringify(built));
    expect(new TextDecoder().decode(built.outputs.get('html')!)).not.toContain('class="pull-quote"');
    expect(strFromU8(unzipSync(built.outputs.get('docx')!)['word/document.xml']!)).not.toContain('w:val="IntenseQuote"');
  });

  it('the words of a quote: that quote, even at the top of a column, in all three formats', async () => {
    const source = seedWith('pull_quote: "Japan has proven time and again its leadership on the global stage"');
    expect(pulled(source).index).toBe(0);
    const built = await buildInMemory(source);
    if (built.kind !== 'built') throw new Error(JSON.stringify(built));
    const html = new TextDecoder().decode(built.outputs.get('html')!);
    expect(html).toMatch(/<figure class="pull-quote">\n<blockquote><p>Japan has proven time and again/);
    const docx = strFromU8(unzipSync(built.outputs.get('docx')!)['word/document.xml']!);
    expect(docx).toMatch(/w:val="IntenseQuote"\/><\/w:pPr><w:r><w:t xml:space="preserve">Japan has proven time and again/);
  });

  it('words that are no quote of the body: an error at the field, naming the quotes there are', () => {
    const { briefing, file } = parse(seedWith('pull_quote: Something nobody said'));
    expect(briefing).toBeNull();
    expect(file.messages.map(String)).toEqual([
      '/tmp/briefing-test/x.md:2:1: `pull_quote` is not a quotation of the body: copy the words of one (“Japan has proven time and again its leadership on…”, “Strengthening ties between Japan, the United State…”, “China’s aggressive actions in the South China Sea…”), or write `pull_quote: false`',
    ]);
  });
});
