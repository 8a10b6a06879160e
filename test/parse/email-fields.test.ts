/** Front matter `email:`: read into the model, and every mistake an error at its line and column with its fix. */
import { describe, expect, it } from 'vitest';
import { parse } from '../support/parse.js';

function errors(frontMatter: string[]): string[] {
  const { file } = parse(['---', 'title: T', ...frontMatter, '---', '', 'Body.'].join('\n'));
  return file.messages.map((m) => `${m.line}:${m.column} ${m.fatal ? 'error' : 'warning'} ${m.reason}`);
}

describe('front matter email:', () => {
  it('reads recipients, sender, subject, note and attachments into the model', () => {
    const { briefing, file } = parse(
      [
        '---',
        'title: T',
        'distribution: Press office; Embassy Tokyo',
        'email:',
        '  to: [Press Office <press@example.gov>, "\\"Doe, Jane\\" <jane.doe@example.org>"]',
        '  cc: desk@example.org, Night Desk <night@example.org>',
        '  bcc:',
        '    - archive@example.gov',
        '  from: Ada Example <ada@example.gov>',
        '  reply_to: replies@example.gov',
        '  subject: Readout for release',
        '  note: Cleared for **release** at 14:00.',
        '  attach: pdf',
        '---',
        '',
        'Body.',
      ].join('\n'),
    );
    expect(file.messages.map(String)).toEqual([]);
    expect(briefing?.email).toEqual({
      to: [
        { name: 'Press Office', address: 'press@example.gov' },
        { name: 'Doe, Jane', address: 'jane.doe@example.org' },
      ],
      cc: [{ address: 'desk@example.org' }, { name: 'Night Desk', address: 'night@example.org' }],
      bcc: [{ address: 'archive@example.gov' }],
      from: { name: 'Ada Example', address: 'ada@example.gov' },
      replyTo: [{ address: 'replies@example.gov' }],
      subject: 'Readout for release',
      note: [{ type: 'paragraph', children: [{ type: 'text', value: 'Cleared for ' }, { type: 'strong', children: [{ type: 'text', value: 'release' }] }, { type: 'text', value: ' at 14:00.' }] }],
      attach: 'pdf',
      position: { line: 4, column: 1 },
    });
    // Display text, never addresses.
    expect(briefing?.meta.distribution).toBe('Press office; Embassy Tokyo');
  });

  it('has no email when the front matter has none', () => {
    expect(parse('---\ntitle: T\n---\n\nBody.').briefing?.email).toBeUndefined();
  });

  it('refuses a malformed address at its own line and column, saying how to write one', () => {
    expect(errors(['email:', '  to:', '    - press@example.gov', '    - jane doe@example.org'])).toEqual([
      '6:7 error front-matter `email.to.1` is not an email address: write name@example.org, or Name <name@example.org> (a name with a comma in quotes: "Doe, Jane" <jane@example.org>)',
    ]);
    expect(errors(['email:', '  cc: desk@examplecom'])[0]).toMatch(/^4:7 error front-matter `email.cc` is not an email address/);
    expect(errors(['email:', '  to: Doe, Jane <jane@example.org>'])[0]).toMatch(/^4:7 error front-matter `email.to` is not an email address/);
    expect(errors(['email:', '  from: a@example.org, b@example.org'])).toEqual(['4:9 error front-matter `email.from` must be one address, not a list']);
    expect(errors(['email:', '  to: "team: a@example.org, b@example.org;"'])).toEqual([
      '4:7 error front-matter `email.to` is a group ("team: …;"), not an address: list the addresses one by one',
    ]);
  });

  it('refuses a line break in any header value (header injection)', () => {
    const breakIn = '4:12 error front-matter `email.subject` must be on one line: a line break in a mail header would let what follows become header fields of its own';
    expect(errors(['email:', '  subject: "Readout\\r\\nBcc: everyone@example.org"'])).toEqual([breakIn]);
    expect(errors(['email:', '  subject: |', '    Readout', '    Bcc: everyone@example.org'])).toEqual([breakIn]);
    expect(errors(['email:', '  to: "a@example.org\\nBcc: everyone@example.org"'])).toEqual([
      '4:7 error front-matter `email.to` must be on one line: a line break in a mail header would let what follows become header fields of its own',
    ]);
  });

  it('names the field meant for a misspelt one, and lists the fields for an unknown one', () => {
    expect(errors(['email:', '  tto: a@example.org'])).toEqual(['4:3 error unknown field `tto` in `email` (did you mean `to`?): correct its spelling']);
    expect(errors(['email:', '  priority: high'])).toEqual([
      '4:3 error unknown field `priority` in `email`: use `to`, `cc`, `bcc`, `from`, `reply_to`, `subject`, `note` or `attach`',
    ]);
    expect(errors(['emial:', '  to: a@example.org'])[0]).toBe('3:1 error unknown front-matter field `emial` (did you mean `email`?): correct its spelling, or the briefing goes out without it');
  });

  it('wants attach to be pdf, docx, both or none', () => {
    expect(errors(['email:', '  attach: zip'])).toEqual(['4:11 error front-matter `email.attach` must be one of "pdf", "docx", "both", "none"']);
  });
});
