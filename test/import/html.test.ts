/**
 * A readout saved from a web page: the article is kept, the page around it (the .gov banner, navigation, share
 * links, the cookie banner, scripts, the footer) is not, and its head lines become front-matter fields.
 */
import { describe, expect, it } from 'vitest';
import { parseBriefing } from '../../src/parse/index.js';
import { importDocument } from '../../src/import/index.js';
import { buildImported, howFields, importFixture } from './support.js';

describe('an HTML page', () => {
  it('keeps the article, drops the page around it, and reads its head', async () => {
    const imported = await importFixture('web-readout.html', 'html');
    expect(howFields(imported.fields)).toEqual({
      title: 'found',
      kind: 'found',
      prepared_by: 'found',
      date: 'found',
      location: 'guessed',
      participants: ['guessed', 'guessed'],
    });
    const { briefing, file } = parseBriefing(imported.markdown, `/tmp/${imported.name}.md`);
    expect(file.messages.map(String)).toEqual([]);
    expect(briefing!.meta).toMatchObject({
      title: 'Secretary Carver’s Meeting with Norwegian Foreign Minister Haugen',
      kind: 'Readout',
      preparedBy: 'Office of the Spokesperson',
      date: '2026-05-05',
      location: 'Oslo',
      participants: [
        { name: 'Elena Carver', role: 'Secretary of State' },
        { name: 'Ingrid Haugen', role: 'Norwegian Foreign Minister' },
      ],
    });
    expect(imported.name).toBe('2026-05-05-secretary-carvers-meeting-with-norwegian-foreign-minister');
    const body = imported.markdown.slice(imported.markdown.indexOf('\n---\n') + 5);
    expect(body).toBe(
      [
        '',
        'Secretary of State Elena Carver met Norwegian Foreign Minister Ingrid Haugen in Oslo today to discuss Arctic security, energy cooperation and support for Ukraine.',
        '',
        '## Arctic security',
        '',
        'The Secretary and the Foreign Minister agreed to deepen cooperation on search and rescue in the High North.',
        '',
        '- joint exercises in the autumn;',
        '- shared ice forecasts for shipping.',
        '',
        '## Energy',
        '',
        '“Norway’s gas kept Europe warm through two hard winters,” Secretary Carver said.',
        '',
      ].join('\n'),
    );
    expect(imported.draft.notes.map((n) => `${n.kind}: ${n.message}`)).toEqual([
      "removed: everything outside the page's <main> (banners, navigation, footer)",
      'removed: page furniture “Share”',
      'removed: page furniture “Print”',
      'cleaned: replaced 2 no-break spaces with spaces',
    ]);
    expect(await buildImported(imported)).toMatchObject({ ok: true });
  });

  it('reads a task list’s checkboxes as tasks, and drops any other form control', async () => {
    const page = `<html><body><main><h1>Actions</h1><h2>Follow-up</h2><ul class="contains-task-list">
      <li class="task-list-item"><input type="checkbox" checked disabled> Send the readout</li>
      <li class="task-list-item"><p><input type="checkbox" disabled> Book the visit</p></li>
      <li>Agree a date <input type="checkbox"></li>
    </ul></main></body></html>`;
    const imported = await importDocument('html', new TextEncoder().encode(page), '/tmp/actions.html');
    expect(imported.markdown).toContain('- [x] Send the readout\n\n- [ ] Book the visit\n\n- Agree a date\n');
  });
});
