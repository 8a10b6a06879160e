/**
 * The front matter an import can read out of a text: first what its head states (head.ts), then what its running
 * text suggests — the date, the place, the people and their roles, what kind of text it is, and a title made of the
 * principals' names when the text has none. A field already filled (by the reader, or by the head) is left as it is;
 * a field nothing supports is left out.
 */
import type { Participant } from '../../model/briefing.js';
import type { Draft, Evidence, Field, Fields } from '../types.js';
import { findDate } from './dates.js';
import { readHead } from './head.js';
import { kindFromText, wasCall } from './kind.js';
import { findParticipants, shortName } from './participants.js';
import { findDateline, findMeetingPlace } from './place.js';
import { units, type Unit } from './units.js';

/** Datelines, meeting places and the people at a meeting are in the first paragraphs of a readout. */
const OPENING_UNITS = 3;
const MAX_PARTICIPANTS = 8;
/** Paragraphs that say who met, spoke or travelled: their named people are the participants. */
const ENCOUNTER = /\b(?:met|meet|meets|meeting|spoke|speak|speaks|call|talks|travel|travels|visit|visits|hosted|hosts|welcomed)\b/;

function guessed(draft: Draft, unit: Unit, index: number, text: string): Evidence {
  return { how: 'guessed', origin: draft.locate(unit.node, index) ?? { part: 'the text' }, text };
}

function firstHit<T extends { index: number; text: string }>(
  list: readonly Unit[],
  find: (text: string) => T | null,
): { unit: Unit; hit: T } | null {
  for (const unit of list) {
    const hit = find(unit.text);
    if (hit) return { unit, hit };
  }
  return null;
}

export function inferFields(draft: Draft): Fields {
  const fields: Fields = { ...draft.fields };
  if (draft.complete) return fields;
  readHead(draft, fields);
  const all = units(draft.body);
  const paragraphs = all.filter((u) => u.node.type === 'paragraph');
  const opening = paragraphs.slice(0, OPENING_UNITS);
  const text = all.map((u) => u.text).join('\n');

  if (!fields.date) {
    const date = firstHit(paragraphs, findDate);
    if (date) fields.date = { value: date.hit.iso, evidence: guessed(draft, date.unit, date.hit.index, date.hit.text) };
  }
  if (!fields.location) {
    const dateline = firstHit(opening, findDateline);
    const place = dateline ?? firstHit(opening, findMeetingPlace);
    if (place) {
      const evidence = guessed(draft, place.unit, place.hit.index, place.hit.text);
      fields.location = { value: place.hit.place, evidence: dateline ? { ...evidence, how: 'found' } : evidence };
    }
  }
  if (!fields.participants) {
    const people: Field<Participant>[] = [];
    for (const unit of opening.filter((u) => ENCOUNTER.test(u.text))) {
      for (const hit of findParticipants(unit.text)) {
        if (people.length >= MAX_PARTICIPANTS || people.some((p) => p.value.name === hit.participant.name)) continue;
        people.push({ value: hit.participant, evidence: guessed(draft, unit, hit.index, hit.text) });
      }
    }
    if (people.length > 0) fields.participants = people;
  }
  if (!fields.kind) {
    const kind = firstHit(opening, kindFromText);
    if (kind) fields.kind = { value: kind.hit.kind, evidence: guessed(draft, kind.unit, kind.hit.index, kind.hit.text) };
  }
  if (!fields.title && fields.participants && fields.participants.length >= 2 && /readout/i.test(fields.kind?.value ?? '')) {
    const [first, second] = fields.participants as [Field<Participant>, Field<Participant>];
    const names = `${shortName(first.value.name, text)}–${shortName(second.value.name, text)}`;
    fields.title = {
      value: `${names} ${wasCall(opening.map((u) => u.text).join('\n')) ? 'Call' : 'Meeting'}`,
      evidence: { how: 'guessed', origin: first.evidence.origin, text: '', why: 'made from the names of the first two participants; the text has no title line' },
    };
  }
  return fields;
}
