/**
 * People named with their office, the way readouts introduce them: role before the name ("U.S. Secretary of State
 * Antony J. Blinken", "Japanese Prime Minister Ishiba Shigeru") or after it ("Dana Whitfield, Deputy Spokesperson").
 * A role is a known office word with the words that qualify it; a name is capitalised words or initials. A bare
 * "Secretary Blinken" later in the text is the same person mentioned again, not a new participant: a one-word name
 * counts only when its role says whose office it is ("Japanese Prime Minister Ishiba").
 */
import type { Participant } from '../../model/briefing.js';

const OFFICE =
  '(?:Secretary(?:-General)?|Minister|President|Ambassador|Spokesperson|Spokesman|Spokeswoman|Chancellor|Premier|Envoy|' +
  'Director(?:-General)?|Chair(?:man|woman|person)?|Governor|Mayor|Senator|Commissioner|Representative|Administrator|' +
  'Counsel(?:l)?or|Advis[eo]r|Coordinator|King|Queen|Emperor|Prince|Princess|Emir|Sultan|General|Admiral|Leader)';

/** Nationalities: "Japanese", "Korean", "Indian", and the few that end otherwise. */
const NATIONALITY = "(?:[A-Z][a-z]+(?:ese|ian|an|ish|ch|ic|ean|ine|i)|French|British|Dutch|Swiss|Greek|Thai|Czech)";
const QUALIFIER = `(?:U\\.S\\.|U\\.K\\.|E\\.U\\.|UK|US|EU|UN|NATO|${NATIONALITY})`;
const RANK =
  '(?:Deputy|Vice|Under|Assistant|Acting|Foreign|Defen[cs]e|Finance|Trade|Prime|Chief|Senior|Special|Principal|National|' +
  'Security|Executive|Permanent|Lead|Crown|Economic|Political|Press|Cabinet)';
const PORTFOLIO =
  '(?:\\s+(?:of|for)\\s+(?:the\\s+)?(?:Foreign Affairs|Homeland Security|Economic Affairs|Public Affairs|Political Affairs|Treasury|[A-Z][\\p{Ll}]+))?';
const ROLE = `((?:the\\s+)?(?:(${QUALIFIER})\\s+)?(?:${RANK}\\s+){0,3}${OFFICE}(?:\\s+${OFFICE})?${PORTFOLIO})`;

const NAME_TOKEN = "(?:\\p{Lu}\\.|\\p{Lu}[\\p{L}’'-]*\\p{Ll})";
const NAME = `(${NAME_TOKEN}(?:\\s+${NAME_TOKEN}){0,3})`;

const ROLE_THEN_NAME = new RegExp(`${ROLE}\\s+${NAME}`, 'gu');
const NAME_THEN_ROLE = new RegExp(`${NAME},\\s+${ROLE}(?=[,.;:)]|\\s+(?:and|who|met|said|will)\\b|$)`, 'gu');

/** Words that end a name: a name is never "Blinken Secretary" or "Ishiba On". */
const NOT_NAME = new RegExp(`^(?:${OFFICE}|${RANK}|The|And|On|In|At|For|With|January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$`, 'u');

export interface FoundParticipant {
  participant: Participant;
  index: number;
  /** The words it was read from. */
  text: string;
}

/** The name's tokens up to the first that cannot be part of a name, without a possessive "’s". */
function cleanName(raw: string): string[] {
  const tokens: string[] = [];
  for (const token of raw.split(/\s+/)) {
    if (NOT_NAME.test(token)) break;
    tokens.push(token);
  }
  const last = tokens.length - 1;
  if (last >= 0) tokens[last] = tokens[last]!.replace(/[’']s$/u, '');
  return tokens.filter(Boolean);
}

function tidyRole(role: string): string {
  return role.replace(/^the\s+/, '').trim();
}

/** Every person named with a role in `text`, in order of appearance, each once. */
export function findParticipants(text: string): FoundParticipant[] {
  const found: FoundParticipant[] = [];
  const add = (name: string[], role: string, qualified: boolean, index: number, matched: string): void => {
    if (name.length === 0 || (name.length === 1 && !qualified)) return;
    // Initials alone ("J.") are not a name.
    if (name.every((t) => /^\p{Lu}\.$/u.test(t))) return;
    const full = name.join(' ');
    const same = found.find((f) => {
      const known = f.participant.name.split(' ');
      return name.every((t) => known.includes(t)) || known.every((t) => name.includes(t));
    });
    if (same) return;
    found.push({ participant: { name: full, role: tidyRole(role) }, index, text: matched });
  };
  for (const m of text.matchAll(ROLE_THEN_NAME)) {
    const role = m[1]!;
    add(cleanName(m[3]!), role, m[2] !== undefined || /\s(?:of|for)\s/.test(role), m.index, m[0]);
  }
  for (const m of text.matchAll(NAME_THEN_ROLE)) {
    add(cleanName(m[1]!), m[2]!, true, m.index, m[0]);
  }
  return found.sort((a, b) => a.index - b.index);
}

/**
 * The word of a name the text calls the person by ("Ishiba" of "Ishiba Shigeru", "Blinken" of "Antony J. Blinken"):
 * the token found most often on its own, the last one on a tie. Family-name-first names come out right this way.
 */
export function shortName(name: string, text: string): string {
  const tokens = name.split(' ').filter((t) => !/^\p{Lu}\.$/u.test(t));
  let best = tokens[tokens.length - 1] ?? name;
  let bestCount = -1;
  tokens.forEach((token) => {
    const count = text.split(new RegExp(`(?<![\\p{L}])${token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'u')).length - 1;
    if (count >= bestCount) {
      best = token;
      bestCount = count;
    }
  });
  return best;
}
