import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findPullQuote, findQuotesInText, pullQuoteCandidates } from '../../src/parse/quotes.js';
import { parse } from '../support/parse.js';

describe('quote extraction', () => {
  it('finds “…,” Name said, joining the sentence that carries on', () => {
    expect(
      findQuotesInText('“Japan has proven time and again its leadership on the global stage,” Blinken said. “As partners, we are tackling the most critical issues of our time.”'),
    ).toEqual([
      {
        text: 'Japan has proven time and again its leadership on the global stage. As partners, we are tackling the most critical issues of our time.',
        speaker: 'Blinken',
        index: 0,
      },
    ]);
  });

  it('finds “…,” said Name, stopping the name at the full stop', () => {
    const [q] = findQuotesInText('“China’s aggressive actions are a direct challenge,” said Blinken. Both leaders agreed.');
    expect(q).toMatchObject({ speaker: 'Blinken', text: 'China’s aggressive actions are a direct challenge.' });
  });

  it('finds straight quotes and initials in names', () => {
    const [q] = findQuotesInText('"We will stand side by side with our partners," Antony J. Blinken emphasized.');
    expect(q).toMatchObject({ speaker: 'Antony J. Blinken', text: 'We will stand side by side with our partners.' });
  });

  it('ignores quotations nobody is said to have said', () => {
    expect(findQuotesInText('The so-called “rules-based order” was discussed.')).toEqual([]);
  });

  it('finds all six of the seed’s quotations, attributed to the participant', () => {
    const path = new URL('../../source/2025-01-07-tokyo-readout.md', import.meta.url);
    const { briefing } = parse(readFileSync(path, 'utf8'), path.pathname);
    expect(briefing?.quotes).toHaveLength(6);
    expect(new Set(briefing?.quotes.map((q) => q.speaker))).toEqual(new Set(['Antony J. Blinken']));
    expect(briefing?.quotes.map((q) => q.sectionId)).toEqual([
      'a-partnership-for-global-leadership',
      'strengthening-trilateral-cooperation-with-south-korea',
      'security-concerns-chinas-destabilizing-behavior-and-taiwan-strait-tensions',
      'security-concerns-chinas-destabilizing-behavior-and-taiwan-strait-tensions',
      'reaffirming-us-commitment-to-japans-defense',
      'a-shared-vision-for-the-future',
    ]);
    expect(briefing?.pullQuote).toBe(0);
  });

  it('offers pull quotes of a readable length first, never one of the summary', () => {
    const q = (text: string, sectionId: string | null = 's') => ({ text, speaker: 'X', sectionId });
    expect(pullQuoteCandidates([q('Short.'), q('x'.repeat(100)), q('y'.repeat(150))])).toEqual([1, 2, 0]);
    expect(pullQuoteCandidates([q('Short.'), q('Tiny.')])).toEqual([1, 0]);
    expect(pullQuoteCandidates([q('z'.repeat(100), null), q('x'.repeat(400))])).toEqual([]);
    expect(pullQuoteCandidates([])).toEqual([]);
  });

  it('finds the quote a writer names, as they copy it', () => {
    const q = (text: string) => ({ text, speaker: 'X', sectionId: 's' });
    const quotes = [q('Japan has proven time and again its leadership on the global stage.'), q('We stand side by side.')];
    expect(findPullQuote('japan has proven time and again its leadership on the global stage', quotes)).toBe(0);
    expect(findPullQuote('"We stand side by side"', quotes)).toBe(1);
    expect(findPullQuote('its leadership on the global stage', quotes)).toBe(0);
    expect(findPullQuote('side by side', quotes)).toBe(-1); // too short to be taken as a part
    expect(findPullQuote('Something nobody said at all, at any length', quotes)).toBe(-1);
  });
});
