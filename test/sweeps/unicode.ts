/**
 * Every assigned code point of the Basic Multilingual Plane and of the emoji blocks, in chunks, in every text role a
 * briefing has (title, participants, body, bold, italic, heading, table cell, code), through all three formats: no
 * character may crash a build. One template per test file (./unicode-*.test.ts), so the two run side by side.
 */
import { expect, it } from 'vitest';
import { buildInMemory, smallestFailing } from '../support/sweep.js';

const ASSIGNED = /\p{Assigned}/u;
/** Controls are cleaned by the parser with a warning (tested in test/parse), surrogates cannot stand alone, private use has no meaning. */
const SKIPPED = /[\p{Cc}\p{Cs}\p{Co}]/u;
const PLANES: readonly (readonly [number, number])[] = [
  [0x0020, 0xffff],
  [0x1f000, 0x1faff], // emoji and symbol blocks: Mahjong tiles to Symbols and Pictographs Extended-A
];

export function sweptCodePoints(): number[] {
  const out: number[] = [];
  for (const [from, to] of PLANES) {
    for (let c = from; c <= to; c++) {
      const char = String.fromCodePoint(c);
      if (ASSIGNED.test(char) && !SKIPPED.test(char)) out.push(c);
    }
  }
  return out;
}

/** Markdown that shows `text` literally: ASCII punctuation backslash-escaped, line ends kept out. */
function literal(text: string): string {
  return text.replace(/[!-/:-@[-`{-~]/g, (c) => `\\${c}`);
}

/**
 * A briefing with `chars` in every text role. Between letters, so that no character is the edge of a field or a
 * line (where a space would be trimmed) and a single character can fail on its own.
 */
export function briefingWith(chars: readonly number[]): string {
  const text = `x${chars.map((c) => String.fromCodePoint(c)).join(' ')}x`;
  const yaml = JSON.stringify(text); // a JSON string is a YAML double-quoted scalar
  const md = literal(text);
  const code = text.replace(/`/g, "'");
  return [
    '---',
    `title: ${JSON.stringify(`Sweep ${text}`)}`,
    'participants:',
    `  - name: ${yaml}`,
    `    role: ${yaml}`,
    '---',
    '',
    `Lede ${md}`,
    '',
    '## Section',
    '',
    `${md} **${md}** *${md}* \`\` ${code} \`\``,
    '',
    `### ${md}`,
    '',
    '| Cell | Other |',
    '| --- | --- |',
    `| ${md.replace(/\|/g, '\\|')} | x |`,
    '',
  ].join('\n');
}

const CHUNK = 500;

export function sweepTemplate(template: string): void {
  const codePoints = sweptCodePoints();
  it(`${codePoints.length} code points in every role build in all three formats with the ${template} template`, async () => {
    const crashes: string[] = [];
    const fails = async (part: readonly number[]): Promise<boolean> => (await buildInMemory(briefingWith(part), { template })).kind === 'internal';
    for (let i = 0; i < codePoints.length; i += CHUNK) {
      const chunk = codePoints.slice(i, i + CHUNK);
      const outcome = await buildInMemory(briefingWith(chunk), { template });
      if (outcome.kind === 'built') continue;
      // A refusal is as wrong as a crash here: every one of these characters is ordinary text.
      const smallest = outcome.kind === 'internal' ? await smallestFailing(chunk, fails) : chunk;
      const named = smallest.map((c) => `U+${c.toString(16).toUpperCase().padStart(4, '0')}`).join(' ');
      crashes.push(`${named}: ${outcome.kind === 'internal' ? outcome.error.split('\n')[0] : outcome.errors.join('; ')}`);
      if (crashes.length >= 5) break;
    }
    expect(crashes).toEqual([]);
  }, 600_000);
}
