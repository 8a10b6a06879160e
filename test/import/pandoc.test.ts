/**
 * A Word document Pandoc wrote from Markdown: Pandoc's `##` is Word's Heading 2 and its block quote the Block Text
 * style, so the import must still find sections (the top heading level is the section level) and the quote.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importDocument } from '../../src/import/index.js';
import type { Briefing } from '../../src/model/briefing.js';
import { parseBriefing } from '../../src/parse/index.js';
import { clientsAvailable } from '../support/clients.js';
import { buildImported, ROOT } from './support.js';

const strip = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (key, v: unknown) => (key === 'position' ? undefined : v)));

describe.skipIf(!clientsAvailable('pandoc'))('a DOCX written by Pandoc', () => {
  it('imports to a source with the same sections, key points and blocks (less the rule Pandoc draws as a shape)', async () => {
    const markdown = join(ROOT, 'test/acceptance/fixtures/every-kind.md');
    const docx = join(mkdtempSync(join(tmpdir(), 'briefing-import-pandoc-')), 'every-kind.docx');
    execFileSync('pandoc', [markdown, '--standalone', '-o', docx]);
    const imported = await importDocument('docx', readFileSync(docx), docx);
    const back = parseBriefing(imported.markdown, `/tmp/${imported.name}.md`);
    expect(back.file.messages.map(String)).toEqual([]);
    const original = parseBriefing(readFileSync(markdown), markdown).briefing!;
    const briefing: Briefing = back.briefing!;
    expect(briefing.meta).toMatchObject({ title: original.meta.title, date: original.meta.date });
    expect(strip(briefing.keyPoints)).toEqual(strip(original.keyPoints));
    expect(briefing.sections.map((s) => s.title)).toEqual(original.sections.map((s) => s.title));
    expect(briefing.sections.map((s) => s.blocks.map((b) => b.type))).toEqual(
      original.sections.map((s) => s.blocks.map((b) => b.type).filter((t) => t !== 'thematicBreak')),
    );
    expect(await buildImported(imported)).toMatchObject({ ok: true });
  });
});
