import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Block, Inline } from '../../src/model/briefing.js';
import { parseBriefing } from '../../src/parse/index.js';
import { plainText } from '../../src/model/text.js';
import { messages, parse, sectionBlocks } from '../support/parse.js';
import { SOURCE_DIR } from '../support/sources.js';

/** A source path beside a one-pixel PNG, for an image block. */
const imageDir = mkdtempSync(join(tmpdir(), 'briefing-typography-'));
writeFileSync(join(imageDir, 'pixel.png'), Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'));
const imagePath = join(imageDir, 'x.md');

/** The text of the first paragraph of `markdown` as the model carries it. */
function paragraph(markdown: string, frontMatter = ''): string {
  const { briefing, file } = parse(`---\ntitle: T\n${frontMatter}---\n\n${markdown}\n`);
  if (!briefing) throw new Error(String(file.messages));
  const first = briefing.summary[0];
  if (first?.type !== 'paragraph') throw new Error(`not a paragraph: ${JSON.stringify(first)}`);
  return plainText(first.children);
}

/**
 * Inputs and what the model carries. Where the third column says "pandoc", Pandoc 2.17 (`pandoc -f markdown+smart
 * -t plain`) gives the same text; the other rows are where this differs from it on purpose.
 */
const CASES: [string, string, string][] = [
  ["Music of the '90s and the '60s.", 'Music of the ’90s and the ’60s.', 'pandoc'],
  ['Class of \'85.', 'Class of ’85.', 'pandoc'],
  ["rock 'n' roll", 'rock ’n’ roll', "both marks stand for missing letters (Pandoc: ‘n’)"],
  ['He said "she said \'no\' to me" today.', 'He said “she said ‘no’ to me” today.', 'pandoc'],
  ['"\'Nested\' quotes," she said.', '“‘Nested’ quotes,” she said.', 'pandoc'],
  ['\'"Nested" quotes,\' he said.', '‘“Nested” quotes,’ he said.', 'pandoc'],
  ['She said, "He said \'no.\'"', 'She said, “He said ‘no.’”', 'pandoc'],
  ['The ("quoted") words.', 'The (“quoted”) words.', 'pandoc'],
  ['A dash—"quoted" and --- "spaced".', 'A dash—“quoted” and — “spaced”.', 'pandoc'],
  ["An em dash—'single'.", 'An em dash—‘single’.', 'pandoc'],
  ["O'Brien's dog isn't here.", 'O’Brien’s dog isn’t here.', 'pandoc'],
  ["Jones' cat and the students' books.", 'Jones’ cat and the students’ books.', 'pandoc'],
  ["'Tis the season, 'twas said, love 'em.", '’Tis the season, ’twas said, love ’em.', 'pandoc'],
  ['"He is 6\'2" tall and she is 5\' 10"," I said.', '“He is 6\'2" tall and she is 5\' 10",” I said.', 'primes, not quotes: kept straight (Pandoc: 6’2”)'],
  ['"Quote"—said he.', '“Quote”—said he.', 'pandoc'],
  ['"Hello," he said. "Bye."', '“Hello,” he said. “Bye.”', 'pandoc'],
  ['The "word"\'s meaning.', 'The “word”’s meaning.', 'pandoc'],
  ['Dashes -- and --- and an ellipsis...', 'Dashes – and — and an ellipsis…', 'pandoc'],
  ['Pages 10--12, 1980--1990.', 'Pages 10–12, 1980–1990.', 'pandoc'],
  ['A sentence ends... And so "on."', 'A sentence ends… And so “on.”', 'pandoc'],
  ['"*word*" and \'**strong**\'.', '“word” and ‘strong’.', 'pandoc'],
  ['"[link text](https://x.org/)" in quotes.', '“link text” in quotes.', 'pandoc'],
  ['`x`\'s value.', 'x’s value.', 'pandoc'],
  ['`don\'t` touch "code" or `a--b`.', 'don\'t touch “code” or a--b.', 'pandoc'],
  ['<https://a.org/p--q> and [a--b](https://a.org/).', 'https://a.org/p--q and a–b.', 'pandoc'],
  ['https://a.org/x--y and www.example.org/a--b -- "bare"', 'https://a.org/x--y and www.example.org/a--b – “bare”', 'a bare address is a link (GFM), kept as written'],
  ['<desk--1@example.org> -- "mail"', 'desk--1@example.org – “mail”', 'an e-mail address too'],
  ['😀 "emoji" \'q\' 😀 -- 石破 "茂"', '😀 “emoji” ‘q’ 😀 – 石破 “茂”', 'characters outside the BMP keep their places'],
  ['Typed “curly” and ‘single’ already – and "straight".', 'Typed “curly” and ‘single’ already – and “straight”.', 'pandoc'],
];

describe('typographic punctuation (typography: smart, the default)', () => {
  it.each(CASES)('%j → %j (%s)', (input, expected) => {
    expect(paragraph(input)).toBe(expected);
  });

  it('decides quotes across emphasis and links, and keeps the inlines as they were', () => {
    const { briefing } = parse('---\ntitle: T\n---\n\n"*word*" and "[a link](https://x.org/)\'s" end.\n');
    expect(briefing?.summary[0]).toMatchObject({
      type: 'paragraph',
      children: [
        { type: 'text', value: '“' },
        { type: 'emphasis', children: [{ type: 'text', value: 'word' }] },
        { type: 'text', value: '” and “' },
        { type: 'link', url: 'https://x.org/', children: [{ type: 'text', value: 'a link' }] },
        { type: 'text', value: '’s” end.' },
      ],
    });
  });

  it('opens a quote after a hard line break', () => {
    const { briefing } = parse('---\ntitle: T\n---\n\nline one\\\n"two" and \'three\'\n');
    expect(briefing?.summary[0]).toMatchObject({ children: [{ value: 'line one' }, { type: 'break' }, { value: '“two” and ‘three’' }] });
  });

  it('leaves code blocks, code spans and link addresses as written', () => {
    const blocks = sectionBlocks('```\necho "it\'s" -- done...\n```\n\nRun `say "hi" --loud` at [the "site"](https://x.org/a--b?q=\'c\').');
    expect(blocks[0]).toMatchObject({ type: 'code', value: 'echo "it\'s" -- done...' });
    expect(blocks[1]).toMatchObject({
      children: [
        { type: 'text', value: 'Run ' },
        { type: 'code', value: 'say "hi" --loud' },
        { type: 'text', value: ' at ' },
        { type: 'link', url: "https://x.org/a--b?q='c'", children: [{ type: 'text', value: 'the “site”' }] },
        { type: 'text', value: '.' },
      ],
    });
  });

  it('reaches every kind of running text: headings, lists, quotes, tables, images, section titles, key points', () => {
    const { briefing } = parse(
      [
        '---',
        'title: T',
        "key_points:",
        "  - It's \"agreed\"",
        '---',
        '',
        "## The 'Plan' -- in short",
        '',
        "### A \"sub\" heading",
        '',
        "- an item's \"text\"",
        '',
        "> a quote's \"text\"",
        '',
        '| "head" | it\'s |',
        '| --- | --- |',
        "| 'cell' | a--b |",
        '',
        '![The "harbour" at dusk](pixel.png "It\'s a title")',
      ].join('\n'),
      imagePath,
    );
    const section = briefing!.sections[0]!;
    expect(plainText(section.title)).toBe('The ‘Plan’ – in short');
    expect(briefing!.keyPoints.map(plainText)).toEqual(['It’s “agreed”']);
    const texts = (blocks: readonly Block[]): string[] =>
      blocks.flatMap((b): string[] => {
        if (b.type === 'paragraph' || b.type === 'heading') return [plainText(b.children)];
        if (b.type === 'list') return b.items.flatMap((i) => texts(i.children));
        if (b.type === 'blockquote') return texts(b.children);
        if (b.type === 'table') return [...b.header, ...b.rows.flat()].map((c) => plainText(c.children));
        if (b.type === 'image') return [b.alt, b.title ?? ''];
        return [];
      });
    expect(texts(section.blocks)).toEqual(['A “sub” heading', 'an item’s “text”', 'a quote’s “text”', '“head”', 'it’s', '‘cell’', 'a–b', 'The “harbour” at dusk', 'It’s a title']);
  });

  it('curls the front-matter fields the page shows, and a title taken from a heading without touching its code', () => {
    const { briefing } = parse(
      [
        '---',
        "subtitle: The \"Ports\" brief -- draft",
        "kind: Officials' readout",
        "location: St. John's",
        'participants:',
        "  - Conan O'Brien, Host -- \"late night\"",
        "  - name: Mary O'Neil",
        "    role: Secretary's aide",
        "prepared_by: The Press Office's desk",
        "distribution: ['\"Press\" office']",
        "source: The 'Readout'",
        "summary: It's \"the\" summary...",
        "keywords: [don't, change]",
        '---',
        '',
        '# The `--force` flag\'s "use"',
        '',
        'Body.',
      ].join('\n'),
    );
    const meta = briefing!.meta;
    expect(meta.title).toBe('The --force flag’s “use”');
    expect(meta.subtitle).toBe('The “Ports” brief – draft');
    expect(meta.kind).toBe('Officials’ readout');
    expect(meta.location).toBe('St. John’s');
    expect(meta.participants).toEqual([
      { name: 'Conan O’Brien', role: 'Host – “late night”' },
      { name: 'Mary O’Neil', role: 'Secretary’s aide' },
    ]);
    expect(meta.preparedBy).toBe('The Press Office’s desk');
    expect(meta.distribution).toBe('“Press” office');
    expect(meta.source).toBe('The ‘Readout’');
    expect(plainText((briefing!.summary[0] as { children: Inline[] }).children)).toBe('It’s “the” summary…');
    expect(meta.keywords).toEqual(["don't", 'change']); // document properties for search, not text on the page
  });

  it('finds the pull quote in straight-typed quotes and carries it curled', () => {
    const { briefing } = parse(
      '---\ntitle: T\nparticipants: [Antony J. Blinken]\n---\n\n"We\'re building a partnership that delivers for both of our peoples -- today and tomorrow," Blinken said.\n',
    );
    expect(briefing!.quotes).toEqual([{ text: 'We’re building a partnership that delivers for both of our peoples – today and tomorrow.', speaker: 'Antony J. Blinken', sectionId: null, position: { line: 6, column: 1 } }]);
  });
});

describe('typography: straight', () => {
  it('keeps every character as typed, in the body and in the front matter', () => {
    const source = "---\ntitle: The 'Plan' -- \"draft\"\ntypography: straight\nparticipants: [\"Conan O'Brien, Host\"]\n---\n\nHe said \"it's 'fine'\" -- and --- then...\n";
    const { briefing, file } = parse(source);
    expect(file.messages).toEqual([]);
    expect(briefing!.meta.title).toBe("The 'Plan' -- \"draft\"");
    expect(briefing!.meta.participants).toEqual([{ name: "Conan O'Brien", role: 'Host' }]);
    expect(paragraph("He said \"it's 'fine'\" -- and --- then...", 'typography: straight\n')).toBe("He said \"it's 'fine'\" -- and --- then...");
  });

  it('says `smart` is the default, and is suggested when misspelt; a wrong value names the two', () => {
    expect(paragraph('"a"', 'typography: smart\n')).toBe('“a”');
    const misspelt = parse('---\ntitle: T\ntypograhpy: straight\n---\n\nText.\n');
    expect(misspelt.briefing).toBeNull();
    expect(misspelt.file.messages.map((m) => `${m.line}:${m.column} ${m.reason}`)).toEqual([
      '3:1 unknown front-matter field `typograhpy` (did you mean `typography`?): correct its spelling, or the briefing goes out without it',
    ]);
    const wrong = parse('---\ntitle: T\ntypography: curly\n---\n\nText.\n');
    expect(wrong.file.messages.map((m) => `${m.line}:${m.column} ${m.reason}`)).toEqual(['3:13 front-matter `typography` must be one of "smart", "straight"']);
    expect(messages(wrong)).toEqual(['3:13 error front-matter-field']);
  });
});

describe('a source typed on a plain keyboard', () => {
  it('gives the model of the seed as published: the seed with its curly quotes and dashes typed straight', () => {
    const path = `${SOURCE_DIR}2025-01-07-tokyo-readout.md`;
    const published = readFileSync(path, 'utf8');
    const typed = published.replace(/[“”]/g, '"').replace(/[‘’]/g, "'").replace(/—/g, '---').replace(/–/g, '--');
    expect(typed).not.toBe(published);
    const strip = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (key, v: unknown) => (key === 'position' ? undefined : v)));
    expect(strip(parseBriefing(typed, path).briefing)).toEqual(strip(parseBriefing(published, path).briefing));
  });
});
