/**
 * Fonts live for the whole process, shared by every document a batch builds: what one document embeds must not
 * change what the next one's text says. (Carlito draws ";" as a composite of "," and "."; after a PDF with semicolons
 * but no comma, the next PDF's commas had lost their text mapping, so copy-paste dropped every comma.)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fitBriefing } from '../../../src/layout/fit.js';
import { parseBriefing } from '../../../src/parse/index.js';
import { renderPdf } from '../../../src/render/pdf/index.js';
import type { RenderContext } from '../../../src/render/types.js';
import { loadTheme } from '../../../src/theme/load.js';
import { clientsAvailable } from '../../support/clients.js';

const context: RenderContext = { buildDate: new Date('2025-01-08T09:00:00Z'), toolVersion: 'test', warn: () => {} };
const theme = loadTheme('default');
const dir = mkdtempSync(join(tmpdir(), 'briefing-pdf-batch-'));

async function pdfTextOf(name: string, markdown: string): Promise<string> {
  const { briefing } = parseBriefing(markdown, `${dir}/${name}.md`);
  if (!briefing) throw new Error('did not parse');
  const fit = fitBriefing(briefing, theme, { allowOverflow: false });
  if (!fit.ok) throw new Error(fit.message);
  const path = join(dir, `${name}.pdf`);
  writeFileSync(path, await renderPdf(briefing, fit.layout, theme, context));
  return execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' });
}

describe.skipIf(!clientsAvailable('pdftotext'))('PDFs built one after another in one process', () => {
  it('keep every character of the later ones, whatever the earlier ones embedded', async () => {
    await pdfTextOf('semicolons', '# Semicolons\n\nOne; two; three\n');
    const text = await pdfTextOf('plain', '# Plain\n\nOne, two; three: four.\n');
    expect(text).toContain('One, two; three: four.');
  });
});
