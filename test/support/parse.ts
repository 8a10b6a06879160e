/** Test helpers around the parser: a source with a title, and its messages as `line:column rule` strings. */
import { parseBriefing, type ParseResult } from '../../src/parse/index.js';
import type { Block } from '../../src/model/briefing.js';

export function parse(markdown: string, path = '/tmp/briefing-test/x.md'): ParseResult {
  return parseBriefing(markdown, path);
}

/** Parses `body` under a minimal front matter and one section, returning that section's blocks. */
export function sectionBlocks(body: string, path?: string): Block[] {
  const { briefing, file } = parse(`---\ntitle: T\n---\n\n## S\n\n${body}\n`, path);
  if (!briefing) throw new Error(`did not parse: ${file.messages.map(String).join('; ')}`);
  return briefing.sections[0]?.blocks ?? [];
}

export function messages(result: ParseResult): string[] {
  return result.file.messages.map((m) => `${m.line}:${m.column} ${m.fatal ? 'error' : 'warning'} ${m.ruleId}`);
}
