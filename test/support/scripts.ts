/** A briefing with every script the fallback chain covers, through the real parser. */
import type { Briefing } from '../../src/model/briefing.js';
import { parseBriefing } from '../../src/parse/index.js';

export const SCRIPT_WORDS = { korean: '안녕하세요', japanese: '石破茂', emoji: '👍', arabic: 'سلام', hebrew: 'שלום' } as const;

export const SCRIPTS_SOURCE = `---
title: Scripts ${SCRIPT_WORDS.korean}
kind: Test sheet
date: 2025-01-07
---

## Names

Korean ${SCRIPT_WORDS.korean}, Japanese ${SCRIPT_WORDS.japanese} (いしば), thumbs up ${SCRIPT_WORDS.emoji} done.

Arabic ${SCRIPT_WORDS.arabic} and the phrase **مرحبا بالعالم** here; Hebrew ${SCRIPT_WORDS.hebrew} עולם too.
`;

export function scriptsBriefing(): Briefing {
  const { briefing, file } = parseBriefing(SCRIPTS_SOURCE, '/tmp/briefing-test/scripts.md');
  if (!briefing) throw new Error(`did not parse: ${file.messages.map(String).join('; ')}`);
  return briefing;
}
