import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fitBriefing } from '../../../src/layout/fit.js';
import type { Layout } from '../../../src/layout/layout.js';
import type { Briefing } from '../../../src/model/briefing.js';
import { footerParts, participantText, pullQuote } from '../../../src/layout/furniture.js';
import { plainText } from '../../../src/model/text.js';
import { renderPdf } from '../../../src/render/pdf/index.js';
import type { RenderContext } from '../../../src/render/types.js';
import { loadTheme } from '../../../src/theme/load.js';
import { clientsAvailable } from '../../support/clients.js';
import { blockStrings } from '../../support/model-text.js';
import { allKinds, generated, seed } from '../../layout/support.js';

const context: RenderContext = { buildDate: new Date('2025-01-08T09:00:00Z'), toolVersion: '0.1.0-test', warn: () => {} };
const dir = mkdtempSync(join(tmpdir(), 'briefing-pdf-'));
const theme = loadTheme('default');

function fitted(briefing: Briefing, allowOverflow = false): Layout {
  const result = fitBriefing(briefing, theme, { allowOverflow });
  if (!result.ok) throw new Error(result.message);
  return result.layout;
}

async function write(name: string, briefing: Briefing, layout = fitted(briefing)): Promise<{ path: string; bytes: Uint8Array }> {
  const bytes = await renderPdf(briefing, layout, theme, context);
  const path = join(dir, `${name}.pdf`);
  writeFileSync(path, bytes);
  return { path, bytes };
}

/** Every word a reader should find: meta, summary, key points, pull quote, sections, footer. */
function modelWords(briefing: Briefing): string[] {
  const texts = [
    briefing.meta.title,
    briefing.meta.kind ?? '',
    ...briefing.meta.participants.map(participantText),
    ...blockStrings(briefing.summary),
    ...briefing.keyPoints.map(plainText),
    pullQuote(briefing, {})?.text ?? '',
    ...briefing.sections.flatMap((s) => [plainText(s.title), ...blockStrings(s.blocks)]),
    ...Object.values(footerParts(briefing, theme)),
  ];
  return [...new Set(texts.join(' ').match(/[\p{L}\p{N}]+/gu) ?? [])];
}

const tokens = (text: string): Set<string> => new Set(text.replace(/-\n/g, '-').match(/[\p{L}\p{N}]+/gu) ?? []);

describe.skipIf(!clientsAvailable('pdfinfo', 'pdftotext', 'pdffonts', 'qpdf'))('renderPdf, read back with poppler and qpdf', () => {
  let seedPdf: { path: string; bytes: Uint8Array };
  let kindsPdf: { path: string; bytes: Uint8Array };
  beforeAll(async () => {
    seedPdf = await write('seed', seed());
    kindsPdf = await write('kinds', allKinds());
  });

  it('gives the seed one tagged Letter page with the model’s metadata', () => {
    const info = execFileSync('pdfinfo', [seedPdf.path], { encoding: 'utf8' });
    expect(info).toMatch(/^Pages:\s+1$/m);
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(/^Page size:\s+612 x 792 pts/m);
    expect(info).toMatch(/^Title:\s+Secretary Blinken’s Meeting with Prime Minister Ishiba$/m);
    expect(info).toMatch(/^Author:\s+Office of the Spokesperson$/m);
    expect(info).toMatch(/^Subject:\s+Meeting readout$/m);
    expect(info).toMatch(/^Keywords:\s+Japan, alliance/m);
    expect(info).toMatch(/^CreationDate:.*2025/m);
  });

  it('contains every word of the model, the kanji name included', () => {
    for (const [briefing, pdf] of [[seed(), seedPdf], [allKinds(), kindsPdf]] as const) {
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf.path, '-'], { encoding: 'utf8' });
      expect(text).toContain('石破茂');
      const found = tokens(text);
      expect(modelWords(briefing).filter((w) => !found.has(w))).toEqual([]);
    }
  });

  it('embeds subset fonts only, none of the standard 14', () => {
    for (const pdf of [seedPdf, kindsPdf]) {
      const rows = execFileSync('pdffonts', [pdf.path], { encoding: 'utf8' }).trim().split('\n').slice(2);
      expect(rows.length).toBeGreaterThanOrEqual(3);
      for (const row of rows) {
        expect(row).toMatch(/^[A-Z]{6}\+/);
        expect(row).toMatch(/\byes\s+yes\s+yes\b/);
        // The standard 14 by their base names (NotoSansSymbols2, the task boxes' face, is embedded like any other).
        expect(row).not.toMatch(/^[A-Z]{6}\+(Helvetica|Times|Courier|Symbol|ZapfDingbats)\b/);
      }
      expect(rows.some((r) => r.includes('NotoSansJP'))).toBe(true);
    }
  });

  it('passes qpdf --check', () => {
    for (const pdf of [seedPdf, kindsPdf]) {
      const result = spawnSync('qpdf', ['--check', pdf.path], { encoding: 'utf8' });
      expect(result.status, result.stdout + result.stderr).toBe(0);
      expect(result.stdout).toContain('No syntax or stream encoding errors');
    }
  });

  it('builds a structure tree with the tags of every kind, links as annotations with a structure parent', () => {
    const raw = Buffer.from(kindsPdf.bytes).toString('latin1');
    for (const tag of ['Document', 'H1', 'H2', 'H3', 'Sect', 'P', 'L', 'LI', 'Lbl', 'LBody', 'BlockQuote', 'Table', 'TR', 'TH', 'TD', 'Code', 'Figure', 'Caption', 'Link'])
      expect(raw, tag).toMatch(new RegExp(`/S /${tag}\\b`));
    expect(raw).toMatch(/\/URI \(https:\/\/example\.org\/readout\)/);
    expect(raw).toMatch(/\/Subtype \/Link[\s\S]*?\/StructParent \d+/);
    expect(raw).toMatch(/\/Alt \(A single pixel\)/);
    // Decoration is artifact content: decompress the page streams to see the marked-content operators.
    const qdf = join(dir, 'kinds-qdf.pdf');
    execFileSync('qpdf', ['--qdf', '--object-streams=disable', kindsPdf.path, qdf]);
    const content = execFileSync('cat', [qdf]).toString('latin1');
    expect(content).toMatch(/\/Artifact <<\s*\/Type \/Pagination/);
    expect(content).toMatch(/\/Artifact <<\s*\/Type \/Layout/);
    expect(content).toMatch(/\/P <<\s*\/MCID \d+/);
  });

  it('writes identical bytes for the same input', async () => {
    const again = await renderPdf(seed(), fitted(seed()), theme, context);
    expect(Buffer.from(again).equals(Buffer.from(seedPdf.bytes))).toBe(true);
  });

  it('flows a long briefing onto further pages when overflow is allowed', async () => {
    const generatedLong = generated(8, 8);
    // The default template has no footer line of its own: this briefing brings one, to see it on every page.
    const long = { ...generatedLong, meta: { ...generatedLong.meta, footer: 'For official use by recipients named in the distribution.' } };
    const layout = fitted(long, true);
    const pdf = await write('long', long, layout);
    const pages = Number(/^Pages:\s+(\d+)$/m.exec(execFileSync('pdfinfo', [pdf.path], { encoding: 'utf8' }))![1]);
    expect(pages).toBe(layout.pages);
    expect(pages).toBeGreaterThan(1);
    const perPage = Array.from({ length: pages }, (_, p) =>
      execFileSync('pdftotext', ['-f', `${p + 1}`, '-l', `${p + 1}`, pdf.path, '-'], { encoding: 'utf8' }),
    );
    for (const text of perPage) expect(text).toContain('For official use by recipients');
    expect(perPage[pages - 1]).toContain('Section 8');
  });
});
