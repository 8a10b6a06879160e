/** The inference rules one by one, on sentences in the styles readouts and notes are written in. */
import { describe, expect, it } from 'vitest';
import { dateLine, findDate } from '../../../src/import/infer/dates.js';
import { kindFromText, kindLabel } from '../../../src/import/infer/kind.js';
import { findParticipants, shortName } from '../../../src/import/infer/participants.js';
import { findDateline, findMeetingPlace } from '../../../src/import/infer/place.js';

describe('dates', () => {
  it.each([
    ['On January 7, 2025, the Secretary met', '2025-01-07'],
    ['the talks on 7 January 2025 in Tokyo', '2025-01-07'],
    ['filed 2025-01-07 by the desk', '2025-01-07'],
    ['WASHINGTON, Jan. 7, 2025 — The Secretary', '2025-01-07'],
    ['will travel to Paris March 4–7, 2026.', '2026-03-04'],
    ['Tuesday, 3rd June 2026', '2026-06-03'],
  ])('%s → %s', (text, iso) => {
    expect(findDate(text)?.iso).toBe(iso);
  });

  it('needs a day, a month and a year that exist', () => {
    expect(findDate('in January 2025')).toBeNull();
    expect(findDate('on Tuesday')).toBeNull();
    expect(findDate('February 30, 2025')).toBeNull();
    expect(findDate('2025-13-01')).toBeNull();
  });

  it('a date line is nothing but a date', () => {
    expect(dateLine('Tuesday, January 7, 2025')?.iso).toBe('2025-01-07');
    expect(dateLine('January 7, 2025.')?.iso).toBe('2025-01-07');
    expect(dateLine('Talks on January 7, 2025')).toBeNull();
  });
});

describe('places', () => {
  it.each([
    ['TOKYO — The Secretary met', 'Tokyo'],
    ['TOKYO, Japan — The Secretary met', 'Tokyo, Japan'],
    ['WASHINGTON, D.C., March 3, 2025 – Officials said', 'Washington, D.C.'],
    ['NEW YORK (Reuters) - Diplomats', 'New York'],
  ])('dateline %s → %s', (text, place) => {
    expect(findDateline(text)?.place).toBe(place);
  });

  it('an acronym or a sentence is not a dateline', () => {
    expect(findDateline('U.S. — Japan relations')).toBeNull();
    expect(findDateline('The Secretary met — briefly — the Minister')).toBeNull();
  });

  it.each([
    ['Blinken and Ishiba Shigeru met in Tokyo to discuss', 'Tokyo'],
    ['The Secretary met today with Foreign Minister Wang Yi in Beijing.', 'Beijing'],
    ['They met in Tokyo, Japan, to review', 'Tokyo, Japan'],
    ['The ministers held talks in The Hague on Tuesday', 'The Hague'],
    ['They met in New York on January 7', 'New York'],
  ])('meeting place: %s → %s', (text, place) => {
    expect(findMeetingPlace(text)?.place).toBe(place);
  });

  it('a place must be a name: "met in the morning" says nowhere', () => {
    expect(findMeetingPlace('They met in the morning and spoke in private.')).toBeNull();
  });
});

describe('participants', () => {
  const people = (text: string) => findParticipants(text).map((f) => f.participant);

  it('reads roles before and after names', () => {
    expect(people('U.S. Secretary of State Antony J. Blinken and Japanese Prime Minister Ishiba Shigeru met in Tokyo')).toEqual([
      { name: 'Antony J. Blinken', role: 'U.S. Secretary of State' },
      { name: 'Ishiba Shigeru', role: 'Japanese Prime Minister' },
    ]);
    expect(people('Dana Whitfield, Deputy Spokesperson, said the talks would go on.')).toEqual([{ name: 'Dana Whitfield', role: 'Deputy Spokesperson' }]);
    expect(people('Ishiba Shigeru, Prime Minister of Japan, welcomed the Secretary.')).toEqual([{ name: 'Ishiba Shigeru', role: 'Prime Minister of Japan' }]);
    expect(people('with Minister for Foreign Affairs Iwaya Takeshi')).toEqual([{ name: 'Iwaya Takeshi', role: 'Minister for Foreign Affairs' }]);
  });

  it('a later "Secretary Blinken" is a mention, not another participant', () => {
    expect(people('Secretary Blinken thanked Prime Minister Ishiba. Secretary of State Antony J. Blinken said')).toEqual([
      { name: 'Antony J. Blinken', role: 'Secretary of State' },
    ]);
    expect(people('The Secretary and Prime Minister also discussed trade.')).toEqual([]);
  });

  it('calls a person by the word the text uses for them', () => {
    const text = 'Blinken and Ishiba Shigeru met. Ishiba said. Blinken said. Prime Minister Ishiba added.';
    expect(shortName('Ishiba Shigeru', text)).toBe('Ishiba');
    expect(shortName('Antony J. Blinken', text)).toBe('Blinken');
  });
});

describe('kinds', () => {
  it('reads a label line', () => {
    expect(kindLabel('Media Note')).toBe('Media note');
    expect(kindLabel('READOUT')).toBe('Readout');
    expect(kindLabel('Media notes are short')).toBeNull();
  });

  it('tells from the text', () => {
    expect(kindFromText('The Secretary will travel to Oslo.')?.kind).toBe('Media note');
    expect(kindFromText('The Secretary met the Minister.')?.kind).toBe('Readout');
    expect(kindFromText('If asked about the funding, say it is existing money.')?.kind).toBe('Press guidance');
    expect(kindFromText('The port handles a third of the trade.')).toBeNull();
  });
});
