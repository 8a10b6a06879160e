/** The plain-text reader: what is a paragraph, a heading, a title and a list, and when lines are rejoined. */
import type * as M from 'mdast';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { importDocument } from '../../src/import/index.js';
import { readText } from '../../src/import/text.js';
import { wrapWidth } from '../../src/import/wrap.js';
import { parseBriefing } from '../../src/parse/index.js';

const shape = (text: string): string[] =>
  readText(text).body.children.map((n) => {
    if (n.type === 'heading') return `h${n.depth} ${toString(n)}`;
    if (n.type === 'list') return `${n.ordered ? 'ol' : 'ul'} ${(n as M.List).children.map((i) => toString(i)).join(' | ')}`;
    return `p ${toString(n)}`;
  });

describe('plain text', () => {
  it('one paragraph per line when the lines are not wrapped; a short line before a paragraph is a heading', () => {
    const long = 'The discussions focused on strengthening cooperation, addressing security concerns and reinforcing their commitment to peace.';
    expect(shape(`${long}\nA Partnership for Global Leadership\n${long}\n${long}`)).toEqual([
      `p ${long}`,
      'h2 A Partnership for Global Leadership',
      `p ${long}`,
      `p ${long}`,
    ]);
  });

  it('the first line is the title when it reads as one; a line ending a sentence is never a heading', () => {
    expect(shape('Talks on Ports\nThe ministers met.\nThey agreed.')).toEqual(['h1 Talks on Ports', 'p The ministers met.', 'p They agreed.']);
    expect(shape('The ministers met.\nThey agreed on three points:\nThe first was trade.')).toEqual([
      'p The ministers met.',
      'p They agreed on three points:',
      'p The first was trade.',
    ]);
  });

  it('a heading-like line followed by another is not a heading (an address, a sign-off)', () => {
    expect(shape('The talks ended late.\nOffice of the Spokesperson\nWashington, DC')).toEqual([
      'p The talks ended late.',
      'p Office of the Spokesperson',
      'p Washington, DC',
    ]);
  });

  it('lists from -, •, * and numbers', () => {
    expect(shape('Agreed\n• ports\n• rail\nNext\n1) a visit\n2. a report\n* and a call')).toEqual([
      'h1 Agreed',
      'ul ports | rail',
      'h2 Next',
      'ol a visit | a report',
      'ul and a call',
    ]);
  });

  it('knows a hard-wrapped text from one with long lines', () => {
    const wrapped = ['The harbour authority asked for three things, each of which it said', 'would shorten the time a terminal stays closed after an incident, and', 'the ministers agreed.'];
    expect(wrapWidth(wrapped)).toBe(69);
    expect(wrapWidth(['A heading', 'A line that is long enough to be a paragraph of a pasted web page and goes on well past any wrap width at all.', 'Another'])).toBeNull();
  });
});

describe('the written front matter', () => {
  it('quotes what YAML would misread, so the parser reads the title back as written', async () => {
    const title = '“Yes”: Talks #4 & [Draft] — Phase 2';
    const imported = await importDocument('text', new TextEncoder().encode(`${title}\nThe ministers met in Oslo on 3 May 2026.\n`), null);
    const { briefing, file } = parseBriefing(imported.markdown, '/tmp/x.md');
    expect(file.messages.map(String)).toEqual([]);
    expect(briefing!.meta.title).toBe(title);
    expect(imported.name).toBe('2026-05-03-yes-talks-4-draft-phase-2');
  });

  it('leaves out what it cannot find, and says a title is missing', async () => {
    const imported = await importDocument('text', new TextEncoder().encode('the note was short and said little of use to anyone.\n'), '/tmp/note.txt');
    expect(imported.fields).toEqual({});
    expect(imported.name).toBe('note');
    expect(imported.markdown).toBe('the note was short and said little of use to anyone.\n');
  });
});
