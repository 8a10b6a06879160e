/** The plain-text part's regions, in the HTML part's order, with the same words (src/layout/furniture.ts). */
import type { Briefing } from '../../../model/briefing.js';
import type { Theme } from '../../../theme/theme.js';
import { dateline, footerNote, footerParts, kindLabel, LABELS, organisationOf, participantText, pullQuote } from '../../../layout/furniture.js';
import { underlined, type TextState } from './state.js';

export function textRegions(briefing: Briefing, theme: Theme, state: TextState): string[] {
  const { meta } = briefing;
  const parts: string[] = [];
  if (meta.classification) parts.push(meta.classification);
  const note = briefing.email?.note ?? [];
  if (note.length > 0) parts.push(state.blocks(note), '----');
  const head = [[kindLabel(briefing, theme), organisationOf(briefing, theme)].filter(Boolean).join(' · '), '', underlined(meta.title, '=')];
  if (meta.subtitle) head.push(meta.subtitle);
  const when = dateline(briefing);
  if (when) head.push(when);
  if (meta.participants.length > 0) head.push(`${LABELS.participants}: ${meta.participants.map(participantText).join(' · ')}`);
  parts.push(head.join('\n'));
  if (briefing.summary.length > 0) parts.push(`${underlined(LABELS.summary, '-')}\n${state.blocks(briefing.summary)}`);
  if (briefing.keyPoints.length > 0) parts.push(`${underlined(LABELS.keyPoints, '-')}\n${briefing.keyPoints.map((p) => `- ${state.inlines(p)}`).join('\n')}`);
  const quote = pullQuote(briefing, {});
  if (quote) parts.push(`> ${quote.text}\n${quote.attribution}`);
  for (const section of briefing.sections) parts.push(`${underlined(state.inlines(section.title), '-')}\n${state.blocks(section.blocks)}`);
  const { left, right } = footerParts(briefing, theme);
  const foot = [left, right, footerNote(briefing, theme)].filter(Boolean);
  if (foot.length > 0) parts.push(`----\n${foot.join('\n')}`);
  if (meta.classification) parts.push(meta.classification);
  return parts;
}
