/** The example briefings in source/, read through the real parser, for tests of the layout and every emitter. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Briefing } from '../../src/model/briefing.js';
import { parseBriefing } from '../../src/parse/index.js';

export const SOURCE_DIR = fileURLToPath(new URL('../../source/', import.meta.url));

/** `name` is a file in source/, with or without `.md`; a source the parser refuses fails the test. */
export function sourceBriefing(name: string): Briefing {
  const path = `${SOURCE_DIR}${name.endsWith('.md') ? name : `${name}.md`}`;
  const { briefing, file } = parseBriefing(readFileSync(path), path);
  if (!briefing) throw new Error(`${name} did not parse: ${String(file.messages)}`);
  return briefing;
}

/** The Tokyo meeting readout (the seed article): ~820 words, six sections, a CJK name. */
export function seed(): Briefing {
  return sourceBriefing('2025-01-07-tokyo-readout.md');
}
