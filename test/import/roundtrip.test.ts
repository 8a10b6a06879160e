/**
 * A Word document briefing wrote, imported, gives back the source it was built from: the same model (title, every
 * meta field, summary, key points, sections, blocks, quotes), for every shipped source and for the fixture with
 * every block kind (nested lists, tasks, aligned table columns, code, a rule).
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fitBriefing, layoutAtSize } from '../../src/layout/fit.js';
import { importDocument } from '../../src/import/index.js';
import type { Briefing } from '../../src/model/briefing.js';
import { parseBriefing } from '../../src/parse/index.js';
import { renderDocx } from '../../src/render/docx/index.js';
import { loadTheme } from '../../src/theme/load.js';
import { tinyPng } from '../support/png.js';
import { ROOT } from './support.js';

const SHIPPED = readdirSync(join(ROOT, 'source'))
  .filter((name) => name.endsWith('.md'))
  .map((name) => join('source', name));
const SOURCES = [...SHIPPED, 'test/acceptance/fixtures/every-kind.md', 'test/acceptance/fixtures/short-readout.md'];

function withoutPositions(model: Briefing | Briefing['sections'] | null): unknown {
  return JSON.parse(JSON.stringify(model, (key, value: unknown) => (key === 'position' ? undefined : value)));
}

async function docxOf(briefing: Briefing): Promise<Uint8Array> {
  const theme = loadTheme('default');
  const fit = fitBriefing(briefing, theme, { allowOverflow: false });
  const layout = fit.ok ? fit.layout : layoutAtSize(theme, theme.size.min);
  return renderDocx(briefing, layout, theme, { buildDate: new Date('2025-01-07T00:00:00Z'), toolVersion: 'test', warn: () => {} });
}

describe('import of a DOCX briefing wrote', () => {
  it('covers every shipped source', () => {
    expect(SHIPPED.length).toBeGreaterThanOrEqual(2);
  });

  it.each(SOURCES)('%s: the imported source builds to the same model', async (path) => {
    const original = parseBriefing(readFileSync(join(ROOT, path)), join(ROOT, path));
    expect(original.briefing, String(original.file.messages)).not.toBeNull();
    const imported = await importDocument('docx', await docxOf(original.briefing!), `${path}.docx`);
    const back = parseBriefing(imported.markdown, join(ROOT, 'source', `${imported.name}.md`));
    expect(back.file.messages.map(String)).toEqual([]);
    expect(withoutPositions(back.briefing)).toEqual(withoutPositions(original.briefing));
    // Nothing of it was guessed: a briefing's own document states its front matter.
    expect(Object.values(imported.fields).flat().every((f) => f.evidence.how === 'found')).toBe(true);
  });

  it('writes a picture beside the new source, with its alt text and caption', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefing-import-picture-'));
    writeFileSync(join(dir, 'map.png'), tinyPng(40, 30));
    const path = join(dir, 'with-picture.md');
    writeFileSync(path, '---\ntitle: With a picture\n---\n\nLede.\n\n## Map\n\n![The north quay](map.png "Where the gaps are")\n\nAfter the map.\n');
    const original = parseBriefing(readFileSync(path), path);
    const imported = await importDocument('docx', await docxOf(original.briefing!), join(dir, 'with-picture.docx'));
    expect(imported.pictures.map((p) => p.name)).toEqual(['with-a-picture-1.png']);
    expect(imported.markdown).toContain('\n![The north quay](with-a-picture-1.png "Where the gaps are")\n');
    writeFileSync(join(dir, 'with-a-picture-1.png'), imported.pictures[0]!.bytes);
    const back = parseBriefing(imported.markdown, join(dir, 'with-a-picture.md'));
    expect(back.file.messages.map(String)).toEqual([]);
    expect(withoutPositions(back.briefing!.sections)).toEqual(
      JSON.parse(JSON.stringify(withoutPositions(original.briefing!.sections)).replaceAll('"map.png"', '"with-a-picture-1.png"')),
    );
  });
});
