import { describe, expect, it } from 'vitest';
import { messages, parse } from '../support/parse.js';

function reasons(md: string): string[] {
  return parse(md).file.messages.map((m) => `${m.line}:${m.column} ${m.reason}`);
}

describe('front matter', () => {
  it('reads every field into meta', () => {
    const { briefing } = parse(
      [
        '---',
        'title: A title',
        'subtitle: Sub',
        'kind: Meeting readout',
        'date: 2025-01-07',
        'location: Tokyo',
        'classification: UNCLASSIFIED',
        'participants:',
        '  - Antony J. Blinken, Secretary of State',
        '  - name: Ishiba Shigeru (石破茂)',
        '    role: Prime Minister of Japan',
        '  - Someone',
        'prepared_by: Office',
        'distribution: [Press office, Embassy Tokyo]',
        'source: Readout',
        'language: en-gb',
        'template: embassy',
        'keywords: Japan, alliance',
        'pages: multi',
        '---',
        'Body.',
      ].join('\n'),
    );
    expect(briefing?.meta).toEqual({
      title: 'A title',
      subtitle: 'Sub',
      kind: 'Meeting readout',
      date: '2025-01-07',
      location: 'Tokyo',
      classification: 'UNCLASSIFIED',
      participants: [
        { name: 'Antony J. Blinken', role: 'Secretary of State' },
        { name: 'Ishiba Shigeru (石破茂)', role: 'Prime Minister of Japan' },
        { name: 'Someone' },
      ],
      preparedBy: 'Office',
      distribution: 'Press office; Embassy Tokyo',
      source: 'Readout',
      language: 'en-GB',
      template: 'embassy',
      keywords: ['Japan', 'alliance'],
      allowMultiPage: true,
    });
  });

  it('reports invalid YAML at its line in the file, not in the block', () => {
    expect(reasons('---\ntitle: ok\nkind: [unclosed\nlocation: x\n---\ntext')[0]).toMatch(/^4:1 front matter is not valid YAML/);
  });

  it('reports a wrong type at the value, on the file line', () => {
    expect(reasons('---\ntitle: T\n\nparticipants: 42\n---\ntext')).toEqual(['4:15 front-matter `participants` must be a list']);
  });

  it.each([
    ['2025-13-45', 'is not a real calendar date'],
    ['2025-02-29', 'is not a real calendar date'],
    ['7 Jan 2025', 'must be a date written YYYY-MM-DD'],
  ])('refuses the date %s', (date, reason) => {
    expect(reasons(`---\ntitle: T\ndate: ${date}\n---\ntext`)).toEqual([`3:7 front-matter \`date\` ${reason}`]);
  });

  it('refuses a near miss of a known field, naming it; ignores a merely unknown one with a warning', () => {
    const result = parse('---\ntittle: T\nprepared-by: me\nzzz: 1\n---\n# Title\n\ntext');
    expect(result.file.messages.map((m) => `${m.line}:${m.column} ${m.fatal ? 'error' : 'warning'} ${m.reason}`)).toEqual([
      '2:1 error unknown front-matter field `tittle` (did you mean `title`?): correct its spelling, or the briefing goes out without it',
      '3:1 error unknown front-matter field `prepared-by` (did you mean `prepared_by`?): correct its spelling, or the briefing goes out without it',
      '4:1 warning unknown front-matter field `zzz` is ignored',
    ]);
    expect(result.briefing).toBeNull();
    const unknown = parse('---\nzzz: 1\n---\n# Title\n\ntext');
    expect(unknown.briefing?.meta.title).toBe('Title');
  });

  it('refuses `clasification`: the briefing would go out without the banner asked for', () => {
    const result = parse('---\ntitle: T\nclasification: SECRET\n---\ntext');
    expect(result.briefing).toBeNull();
    expect(reasons('---\ntitle: T\nclasification: SECRET\n---\ntext')).toEqual([
      '3:1 unknown front-matter field `clasification` (did you mean `classification`?): correct its spelling, or the briefing goes out without it',
    ]);
  });

  it('names a close key inside a participant too, and the keys a participant has when none is close', () => {
    expect(reasons('---\ntitle: T\nparticipants:\n  - name: A\n    rol: Chair\n  - name: B\n    title: Clerk\n---\ntext')).toEqual([
      '5:5 unknown field `rol` in `participants` (did you mean `role`?): correct its spelling',
      '7:5 unknown field `title` in `participants`: use `name` or `role`',
    ]);
  });

  it('is an error without a title anywhere', () => {
    const result = parse('---\nkind: Memo\n---\n\nJust text.');
    expect(result.briefing).toBeNull();
    expect(messages(result)).toEqual(['1:1 error missing-title']);
  });

  it('refuses a bad language tag and an unknown pages value', () => {
    expect(reasons('---\ntitle: T\nlanguage: "not a tag!"\npages: two\n---\ntext')).toEqual([
      '3:11 front-matter `language` must be a language tag such as en-US, en-GB or fr',
      '4:8 front-matter `pages` must be one of "one", "multi"',
    ]);
  });

  it('stops a YAML alias bomb quickly with a clear error', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]', 'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]', 'e: [*d, *d, *d, *d, *d, *d, *d, *d, *d]'];
    const started = performance.now();
    const result = parse(`---\ntitle: T\n${bomb.join('\n')}\n---\ntext`);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(result.briefing).toBeNull();
    expect(result.file.messages.some((m) => m.fatal && /alias/i.test(m.reason))).toBe(true);
  });

  it('treats __proto__ and constructor as unknown fields, polluting nothing', () => {
    const result = parse('---\ntitle: T\n__proto__: {polluted: yes}\nconstructor: x\n---\ntext');
    expect(result.briefing?.meta.title).toBe('T');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(messages(result)).toEqual(['3:1 warning unknown-field', '4:1 warning unknown-field']);
  });

  it('handles CRLF line endings with the same lines', () => {
    expect(reasons('---\r\ntitle: T\r\ndate: 2025-13-45\r\n---\r\ntext')).toEqual(['3:7 front-matter `date` is not a real calendar date']);
  });

  it.each([
    ['an unclosed block', '---\ntitle: Press guidance\nkind: Memo\n\nThe minister visits the port.\n'],
    ['an unclosed block before a `# Title`', '---\ntitle: Press guidance\nkind: Memo\n\n# Press guidance\n\nThe minister visits the port.\n'],
    ['an unclosed block, CRLF', '---\r\ntitle: Press guidance\r\n\r\nThe minister visits the port.\r\n'],
  ])('refuses %s with one error at its opening line, and no "missing title"', (_, source) => {
    const result = parse(source);
    expect(result.briefing).toBeNull();
    expect(reasons(source)).toEqual(['1:1 front matter opened on line 1 is never closed: add a `---` line after it']);
  });

  it('refuses front matter below blank lines, and still reads a leading `---` before a heading as a rule', () => {
    expect(reasons('\n\n---\ntitle: T\n---\n\ntext\n')).toEqual(['3:1 front matter must start on the first line: delete the blank lines above the `---`']);
    const rule = parse('---\n\n# Title\n\nText after a rule.\n');
    expect(rule.briefing?.meta.title).toBe('Title');
    expect(rule.file.messages).toEqual([]);
  });

  it.each([
    ['title: Press Guidance: Ports', '2:8 put the value in quotes: title: "Press Guidance: Ports"'],
    ['title: He said "no: never"', '2:8 put the value in quotes: title: "He said \\"no: never\\""'],
    ['title: T\nparticipants:\n  - name: Ann\n    role: Minister: Ports', '5:11 put the value in quotes: role: "Minister: Ports"'],
    ['title: T\nparticipants:\n\t- Ann', '4:1 indent with spaces, not tabs'],
    ['title: T\ndate:2025-01-07', '3:6 put a space after the colon: date: 2025-01-07'],
    ['title:Press guidance\nkind: Memo', '2:7 put a space after the colon: title: Press guidance'],
    ['title: T\nkind Memo\nlocation: Tokyo', '3:1 this line has no colon: write it as `field: value`, or indent it if it continues the line above'],
    ['title: "Press guidance\nkind: Memo', '2:8 the `"` that opens this value is never closed: add a `"` at the end of the value'],
    ['title: A\nkind: Memo\ntitle: B', '4:1 field `title` appears twice (first on line 2): keep one of them'],
    ['title: @embassy', '2:8 put the value in quotes: title: "@embassy"'],
    ['title: [Draft] Ports', '2:8 put the value in quotes: title: "[Draft] Ports"'],
    ['title: "He said "yes""', '2:8 put the value in quotes: title: "He said \\"yes\\""'],
    ['title: *bold* claims', '2:8 put the value in quotes: title: "*bold* claims"'],
    ['title: *bold*', '2:8 put the value in quotes: title: "*bold*"'],
  ])('says how to fix the YAML %j, at its place in the file', (yaml, reason) => {
    expect(reasons(`---\n${yaml}\n---\n\ntext`)).toEqual([reason]);
  });

  it('suggests fixes that YAML reads back as the value meant', () => {
    for (const [yaml, title] of [
      ['title: Press Guidance: Ports', 'Press Guidance: Ports'],
      ['title: He said "no: never"', 'He said "no: never"'],
      ['title: "He said "yes""', 'He said "yes"'],
      ['title: [Draft] Ports', '[Draft] Ports'],
    ]) {
      const fix = reasons(`---\n${yaml}\n---\n\ntext`)[0]!.replace(/^\S+ put the value in quotes: /, '');
      // Straight: the value YAML reads, before typographic quotes.
      expect(parse(`---\n${fix}\ntypography: straight\n---\n\ntext`).briefing?.meta.title).toBe(title);
    }
  });

  it.each([
    ['Antony J. Blinken - Secretary of State'],
    ['Antony J. Blinken – Secretary of State'],
    ['Antony J. Blinken — Secretary of State'],
    ['Antony J. Blinken\u00a0– Secretary of State'],
    ['Antony J. Blinken—Secretary of State'],
  ])('reads the participant %j as name and role', (entry) => {
    const { briefing } = parse(`---\ntitle: T\nparticipants:\n  - "${entry}"\n  - Jean-Pierre Dupont - Minister, Paris\n---\ntext`);
    expect(briefing?.meta.participants).toEqual([
      { name: 'Antony J. Blinken', role: 'Secretary of State' },
      { name: 'Jean-Pierre Dupont', role: 'Minister, Paris' },
    ]);
  });
});
