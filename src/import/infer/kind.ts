/**
 * What a text is. Web pages of press offices print it as a line of its own ("Readout", "Media Note"); otherwise the
 * text tells: travel announced ("will travel to") is a media note, people who met or spoke make a readout, "if
 * asked" and "lines to take" are press guidance.
 */

/** Labels a page prints as a line of its own, and how the front matter writes them. */
const LABELS: readonly [RegExp, string][] = [
  [/^readout$/i, 'Readout'],
  [/^meeting readout$/i, 'Meeting readout'],
  [/^call readout$/i, 'Call readout'],
  [/^media note$/i, 'Media note'],
  [/^note to correspondents$/i, 'Note to correspondents'],
  [/^press statement$/i, 'Press statement'],
  [/^joint statement$/i, 'Joint statement'],
  [/^statement$/i, 'Statement'],
  [/^press release$/i, 'Press release'],
  [/^press guidance$/i, 'Press guidance'],
  [/^fact sheet$/i, 'Fact sheet'],
  [/^remarks$/i, 'Remarks'],
  [/^(?:press )?briefing$/i, 'Press briefing'],
];

export function kindLabel(line: string): string | null {
  const text = line.trim().replace(/[.:]$/, '');
  return LABELS.find(([pattern]) => pattern.test(text))?.[1] ?? null;
}

const GUIDANCE = /\b(?:press guidance|lines to take|if asked)\b/i;
const TRAVEL = /\bwill (?:travel|visit|lead a delegation)\b|\btravels? to\b/;
const MEETING = /\b(?:met|meets|meeting|spoke|speaks|call|talks|discussed)\b/;

export interface FoundKind {
  kind: string;
  index: number;
  text: string;
}

/** The kind the running text suggests, from its first paragraphs, or null. */
export function kindFromText(text: string): FoundKind | null {
  for (const [pattern, kind] of [[GUIDANCE, 'Press guidance'], [TRAVEL, 'Media note'], [MEETING, 'Readout']] as const) {
    const m = pattern.exec(text);
    if (m) return { kind, index: m.index, text: m[0] };
  }
  return null;
}

/** Whether the people spoke (a call) rather than met: for a made-up title, "Call" or "Meeting". */
export function wasCall(text: string): boolean {
  return /\b(?:spoke|phone|telephone|video call|call with)\b/.test(text) && !/\bmet\b/.test(text);
}
