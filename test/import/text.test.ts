/**
 * Plain-text readouts in the styles real ones come in (test/import/fixtures/, written for these tests): a dateline,
 * a web page's paste with its banner, share links and a "The following is attributable to …" line, pasted no-break
 * spaces, a text hard-wrapped at 72 columns, a media note announcing travel. Each imports to a source that builds,
 * and each test lists exactly which fields were found and which guessed.
 */
import { describe, expect, it } from 'vitest';
import type * as M from 'mdast';
import { parseBriefing } from '../../src/parse/index.js';
import { buildImported, howFields, importFixture } from './support.js';

function values(imported: Awaited<ReturnType<typeof importFixture>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(imported.fields).map(([k, f]) => [k, Array.isArray(f) ? f.map((p) => p.value) : (f as { value: unknown }).value]));
}

/** The Markdown after the front matter. */
function bodyOf(markdown: string): string {
  return markdown.slice(markdown.indexOf('\n---\n') + 5);
}

function topTypes(imported: Awaited<ReturnType<typeof importFixture>>): string[] {
  return imported.draft.body.children.map((n) => (n.type === 'heading' ? `h${(n as M.Heading).depth}` : n.type));
}

describe('plain-text readouts', () => {
  it('a dateline: the place is found in it, the date, kind and people are guessed from the text', async () => {
    const imported = await importFixture('dateline-readout.txt');
    expect(howFields(imported.fields)).toEqual({ title: 'found', kind: 'guessed', date: 'guessed', location: 'found', participants: ['guessed', 'guessed'] });
    expect(values(imported)).toEqual({
      title: 'Deputy Secretary Holloway’s Meeting with Indonesian Foreign Minister Lestari',
      kind: 'Readout',
      date: '2026-02-14',
      location: 'Jakarta',
      participants: [
        { name: 'Miriam Holloway', role: 'Deputy Secretary of State' },
        { name: 'Ratna Lestari', role: 'Indonesian Foreign Minister' },
      ],
    });
    expect(topTypes(imported)).toEqual(['paragraph', 'h2', 'paragraph', 'h2', 'paragraph']);
    expect(imported.markdown).toContain('location: Jakarta # found at line 3: "JAKARTA —"\n');
    expect(await buildImported(imported)).toMatchObject({ ok: true });
  });

  it('a web page pasted whole: its head lines become fields, the attributable line leaves the body, furniture goes', async () => {
    const imported = await importFixture('attributable-readout.txt');
    expect(howFields(imported.fields)).toEqual({
      title: 'found',
      kind: 'found',
      date: 'found',
      prepared_by: 'found',
      source: 'found',
      participants: ['guessed', 'guessed'],
    });
    expect(values(imported)).toMatchObject({
      title: 'Secretary Carver’s Call with Kenyan Cabinet Secretary Otieno',
      kind: 'Readout',
      date: '2026-03-09',
      prepared_by: 'Spokesperson Daniel Price',
      source: 'Office of the Spokesperson',
      participants: [
        { name: 'Elena Carver', role: 'Secretary of State' },
        { name: 'Joseph Otieno', role: 'Kenyan Cabinet Secretary for Foreign Affairs' },
      ],
    });
    expect(bodyOf(imported.markdown)).not.toContain('attributable');
    expect(bodyOf(imported.markdown)).not.toMatch(/\.gov|Share|cookie/);
    // Three paragraphs of the article, nothing else.
    expect(topTypes(imported)).toEqual(['paragraph', 'paragraph', 'paragraph']);
    expect(imported.draft.notes.map((n) => `${n.origin && 'line' in n.origin ? n.origin.line : '-'} ${n.kind}: ${n.message}`)).toEqual([
      '1 removed: page furniture “An official website of the United States government”',
      '2 removed: page furniture “Here’s how you know”',
      '3 removed: page furniture “Official websites use .gov”',
      '4 removed: page furniture “A .gov website belongs to an official government organization in the United States.”',
      '13 removed: page furniture “Share”',
      '14 removed: page furniture “Share on Facebook”',
      '15 removed: page furniture “This website uses cookies to improve your experience. By continuing to browse, you agree to our cookie policy.”',
    ]);
    expect(await buildImported(imported)).toMatchObject({ ok: true });
  });

  it('pasted no-break spaces, soft hyphens, zero-width spaces and double spaces are cleaned, with a note for each', async () => {
    const imported = await importFixture('pasted-nbsp.txt');
    expect(howFields(imported.fields)).toEqual({ title: 'found', kind: 'guessed', date: 'guessed', location: 'guessed', participants: ['guessed', 'guessed'] });
    expect(values(imported)).toMatchObject({
      date: '2026-01-07',
      location: 'Brussels',
      participants: [
        { name: 'Nora Fields', role: 'U.S. Trade Representative' },
        { name: 'Pieter Jansen', role: 'European Commissioner for Trade' },
      ],
    });
    expect(imported.markdown).not.toMatch(/[\u00A0\u00AD\u200B]|\. {2}/);
    expect(imported.markdown).toContain('agreement and that customs data should be shared monthly. Officials will draft');
    expect(imported.draft.notes.map((n) => `${n.origin && 'line' in n.origin ? `${n.origin.line}:${n.origin.column}` : '-'} ${n.message}`)).toEqual([
      '2:5 replaced 3 no-break spaces with spaces',
      '4:61 removed 1 soft hyphen',
      '4:87 removed 1 zero-width character',
      '2:162 made 2 double spaces after a full stop single',
    ]);
    expect(await buildImported(imported)).toMatchObject({ ok: true });
  });

  it('a text hard-wrapped at 72 columns is rejoined: paragraphs and list items are one line each again', async () => {
    const imported = await importFixture('wrapped-72.txt');
    expect(howFields(imported.fields)).toEqual({ title: 'found', kind: 'guessed', date: 'guessed', location: 'guessed', participants: ['guessed', 'guessed'] });
    expect(topTypes(imported)).toEqual(['paragraph', 'h2', 'paragraph', 'list', 'h2', 'list', 'paragraph']);
    const body = bodyOf(imported.markdown);
    expect(body).toContain(
      '\nOn 3 June 2026, Assistant Secretary for Economic Affairs Laura Brenner met the Dutch Minister of Infrastructure Jeroen Visser in Rotterdam to review how the port keeps cargo moving when storms, outages or cyber attacks hit its terminals.\n',
    );
    expect(body).toContain('\n- shared warning of storms and outages across the partner ports, sent to every terminal operator at the same moment;\n');
    expect(body).toContain('\n1. A joint exercise in the autumn, with two partner ports taking part.\n2. A review of the warning system after the first winter of use.\n');
    expect(await buildImported(imported)).toMatchObject({ ok: true });
  });

  it('a media note announcing travel: kind, date and office are found in its head, the people guessed', async () => {
    const imported = await importFixture('media-note-travel.txt');
    expect(howFields(imported.fields)).toEqual({ title: 'found', kind: 'found', date: 'found', prepared_by: 'found', participants: ['guessed', 'guessed', 'guessed'] });
    expect(values(imported)).toMatchObject({
      kind: 'Media note',
      date: '2026-04-02',
      prepared_by: 'Office of the Spokesperson',
      participants: [
        { name: 'Elena Carver', role: 'Secretary of State' },
        { name: 'Claire Dubois', role: 'Canadian Foreign Minister' },
        { name: 'Andrés Molina', role: 'Mexican Foreign Secretary' },
      ],
    });
    // A trip has no one place: none is invented.
    expect(imported.fields.location).toBeUndefined();
    expect(await buildImported(imported)).toMatchObject({ ok: true });
  });

  it('every written source passes the parser without a message', async () => {
    for (const name of ['dateline-readout.txt', 'attributable-readout.txt', 'pasted-nbsp.txt', 'wrapped-72.txt', 'media-note-travel.txt']) {
      const imported = await importFixture(name);
      const { briefing, file } = parseBriefing(imported.markdown, `/tmp/${imported.name}.md`);
      expect(file.messages.map(String), name).toEqual([]);
      expect(briefing?.meta.title).toBe((imported.fields.title?.value));
    }
  });
});
