/**
 * The Subject header from the template's pattern: `{classification} – {kind}: {title} ({date})` gives
 * "UNCLASSIFIED – Meeting readout: Secretary Blinken’s Meeting with Prime Minister Ishiba (January 7, 2025)".
 * A field the briefing leaves empty drops out with its punctuation: brackets around it go with it, and so does the
 * separator after it (or, for the last field, the one before it), so no "– :" or "()" is left behind.
 */
import type { Briefing } from '../model/briefing.js';
import type { SUBJECT_FIELDS, Theme } from '../theme/theme.js';
import { formatDate, kindLabel, organisationOf } from '../layout/furniture.js';

type Field = (typeof SUBJECT_FIELDS)[number];

const OPENING = /[([<“‘«„「『]+$/u;
const CLOSING = /^[)\]>”’»“」』]+/u;

interface Piece {
  value: string;
  open: string;
  close: string;
}

export function fieldValues(briefing: Briefing, theme: Theme): Record<Field, string> {
  const { meta } = briefing;
  return {
    classification: meta.classification ?? '',
    kind: kindLabel(briefing, theme),
    title: meta.title,
    subtitle: meta.subtitle ?? '',
    date: meta.date ? formatDate(meta.date, meta.language) : '',
    location: meta.location ?? '',
    organisation: organisationOf(briefing, theme),
  };
}

/** One line: the fields' own line breaks and runs of spaces become single spaces. */
function oneLine(value: string): string {
  return value.replace(/\s+/gu, ' ').trim();
}

export function fillPattern(pattern: string, values: Readonly<Record<string, string>>): string {
  // Literals and fields alternate: literals[0] field[0] literals[1] … field[n-1] literals[n].
  const literals: string[] = [];
  const fields: string[] = [];
  let last = 0;
  for (const match of pattern.matchAll(/\{([^{}]*)\}/g)) {
    literals.push(pattern.slice(last, match.index));
    fields.push(match[1]!);
    last = match.index + match[0].length;
  }
  literals.push(pattern.slice(last));
  if (fields.length === 0) return oneLine(pattern);

  // Each literal between fields splits into the closing bracket of the field before it, a separator, and the
  // opening bracket of the field after it.
  const pieces: Piece[] = fields.map((name) => ({ value: oneLine(values[name] ?? ''), open: '', close: '' }));
  const separators: string[] = [];
  literals.forEach((literal, i) => {
    let rest = literal;
    if (i > 0) {
      const close = CLOSING.exec(rest)?.[0] ?? '';
      pieces[i - 1]!.close = close;
      rest = rest.slice(close.length);
    }
    if (i < fields.length) {
      const open = OPENING.exec(rest)?.[0] ?? '';
      pieces[i]!.open = open;
      rest = rest.slice(0, rest.length - open.length);
    }
    separators.push(rest);
  });
  // separators[0] leads, separators[n] trails, separators[i] sits between field i-1 and field i.
  const kept = pieces.map((piece, i) => ({ ...piece, index: i })).filter((piece) => piece.value !== '');
  let out = separators[0]!;
  kept.forEach((piece, k) => {
    if (k > 0) out += separators[kept[k - 1]!.index + 1]!;
    out += piece.open + piece.value + piece.close;
  });
  out += separators[fields.length]!;
  return oneLine(out);
}

/** The email's subject: front matter `email.subject` (or --subject) when given, else the template's pattern. */
export function subjectOf(briefing: Briefing, theme: Theme, override?: string): string {
  const given = override ?? briefing.email?.subject;
  if (given !== undefined) return oneLine(given);
  return fillPattern(theme.email.subject, fieldValues(briefing, theme));
}
