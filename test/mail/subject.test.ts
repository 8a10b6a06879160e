/** The Subject header from the template's pattern: empty fields drop out with their punctuation. */
import { describe, expect, it } from 'vitest';
import { fillPattern, subjectOf } from '../../src/mail/subject.js';
import { loadTheme } from '../../src/theme/load.js';
import { parse } from '../support/parse.js';
import { seed } from '../support/sources.js';

const PATTERN = '{classification} – {kind}: {title} ({date})';

describe('subject', () => {
  it('fills the default pattern, the classification verbatim first', () => {
    const values = { classification: 'UNCLASSIFIED', kind: 'Meeting readout', title: 'Blinken–Ishiba', date: 'January 7, 2025' };
    expect(fillPattern(PATTERN, values)).toBe('UNCLASSIFIED – Meeting readout: Blinken–Ishiba (January 7, 2025)');
  });

  it('drops an empty field with its brackets and the separator after it (before it, for the last)', () => {
    const all = { classification: 'OFFICIAL', kind: 'Readout', title: 'T', date: '7 January 2025' };
    expect(fillPattern(PATTERN, { ...all, classification: '' })).toBe('Readout: T (7 January 2025)');
    expect(fillPattern(PATTERN, { ...all, kind: '' })).toBe('OFFICIAL – T (7 January 2025)');
    expect(fillPattern(PATTERN, { ...all, date: '' })).toBe('OFFICIAL – Readout: T');
    expect(fillPattern(PATTERN, { classification: '', kind: '', title: 'T', date: '' })).toBe('T');
    expect(fillPattern('[{classification}] {title}', { classification: '', title: 'T' })).toBe('T');
    expect(fillPattern('[{classification}] {title}', { classification: 'SECRET', title: 'T' })).toBe('[SECRET] T');
  });

  it('keeps fields on one line, whatever line breaks they hold', () => {
    expect(fillPattern('{title}', { title: 'Two\r\nlines\nBcc: x@example.org' })).toBe('Two lines Bcc: x@example.org');
  });

  it('is the seed’s kind, title and long date under the default template, with no classification', () => {
    expect(subjectOf(seed(), loadTheme('default'))).toBe('Meeting readout: Secretary Blinken’s Meeting with Prime Minister Ishiba (January 7, 2025)');
  });

  it('takes the front matter’s subject, and the command line’s over it', () => {
    const { briefing } = parse('---\ntitle: T\nclassification: OFFICIAL\nemail:\n  subject: Given\n---\n\nBody.');
    expect(subjectOf(briefing!, loadTheme('default'))).toBe('Given');
    expect(subjectOf(briefing!, loadTheme('default'), 'From the flag')).toBe('From the flag');
  });

  it('writes the date as the briefing’s language does, and falls back to the template’s header text for the kind', () => {
    const { briefing } = parse('---\ntitle: Réunion\ndate: 2025-01-07\nlanguage: fr-FR\n---\n\nTexte.');
    expect(subjectOf(briefing!, loadTheme('default'))).toBe('Briefing: Réunion (7 janvier 2025)');
  });
});
