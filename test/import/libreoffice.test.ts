/**
 * A Word document another program wrote: LibreOffice saves an ODT draft (fixtures/draft.fodt: a Title paragraph,
 * Heading 1 and 2, a bulleted list, a table with a header row) as .docx, and the import of that file is a source
 * that builds, with the title, headings, list and table intact.
 */
import { mkdtempSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importDocument, type Imported } from '../../src/import/index.js';
import { parseBriefing } from '../../src/parse/index.js';
import type { Briefing } from '../../src/model/briefing.js';
import { clientsAvailable } from '../support/clients.js';
import { toDocx } from '../support/office.js';
import { buildImported, FIXTURES, howFields } from './support.js';

describe.skipIf(!clientsAvailable('soffice'))('a DOCX written by LibreOffice', () => {
  let imported: Imported;
  let briefing: Briefing;

  beforeAll(async () => {
    const [docx] = toDocx([join(FIXTURES, 'draft.fodt')], mkdtempSync(join(tmpdir(), 'briefing-import-lo-')));
    imported = await importDocument('docx', readFileSync(docx!), docx!);
    const parsed = parseBriefing(imported.markdown, `/tmp/${imported.name}.md`);
    expect(parsed.file.messages.map(String)).toEqual([]);
    briefing = parsed.briefing!;
  }, 240_000);

  it('imports to a source that builds', async () => {
    expect(await buildImported(imported)).toMatchObject({ ok: true, messages: [] });
  });

  it('keeps the title, the headings, the list and the table', () => {
    expect(briefing.meta.title).toBe('Port Security Talks with the Harbour Authority');
    expect(briefing.summary).toEqual([
      { type: 'paragraph', position: expect.anything(), children: [{ type: 'text', value: 'The delegation met harbour officials in Rotterdam on 12 May 2026 to review the joint inspection plan.' }] },
    ]);
    expect(briefing.sections.map((s) => s.title)).toEqual([[{ type: 'text', value: 'Findings' }], [{ type: 'text', value: 'Figures' }]]);
    const [findings, figures] = briefing.sections;
    expect(findings!.blocks.map((b) => b.type)).toEqual(['paragraph', 'list']);
    const list = findings!.blocks[1]!;
    expect(list.type === 'list' && list.items.map((i) => i.children.map((c) => (c.type === 'paragraph' ? c.children : c)))).toEqual([
      [[{ type: 'text', value: 'Fencing at the north quay' }]],
      [[{ type: 'text', value: 'Camera cover at gate 4' }]],
      [[{ type: 'text', value: 'Badge checks at night' }]],
    ]);
    expect(figures!.blocks.map((b) => b.type)).toEqual(['table', 'heading', 'paragraph']);
    const table = figures!.blocks[0]!;
    const cells = (row: { children: { type: string; value?: string }[] }[]): (string | undefined)[] => row.map((c) => c.children[0]?.value);
    expect(table.type === 'table' && [cells(table.header), ...table.rows.map(cells)]).toEqual([
      ['Site', 'Gaps'],
      ['North quay', '2'],
      ['Gate 4', '1'],
    ]);
    expect(figures!.blocks[1]).toMatchObject({ type: 'heading', depth: 3, children: [{ type: 'text', value: 'Next steps' }] });
  });

  it('finds the title in the document and guesses the rest from its first paragraph', () => {
    expect(howFields(imported.fields)).toEqual({ title: 'found', kind: 'guessed', date: 'guessed', location: 'guessed' });
    expect(briefing.meta).toMatchObject({ kind: 'Readout', date: '2026-05-12', location: 'Rotterdam' });
  });
});
