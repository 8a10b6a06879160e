/**
 * The words every format prints around the body (header band details, labels, footer), built once here so the
 * PDF, DOCX and HTML say exactly the same thing.
 */
import type { Briefing, Inline, Participant } from '../model/briefing.js';
import type { Theme } from '../theme/theme.js';

export const LABELS = {
  summary: 'Summary',
  keyPoints: 'Key points',
  participants: 'Participants',
  preparedBy: 'Prepared by',
  distribution: 'Distribution',
  source: 'Source',
} as const;

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** Building an Intl formatter costs milliseconds; a batch formats thousands of dates in a handful of languages. */
function dateFormat(language: string): Intl.DateTimeFormat {
  let format = dateFormats.get(language);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' });
    } catch {
      format = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' });
    }
    dateFormats.set(language, format);
  }
  return format;
}

/** "7 January 2025" / "January 7, 2025" as the document's language writes a long date; ISO dates are UTC days. */
export function formatDate(iso: string, language: string): string {
  return dateFormat(language).format(new Date(`${iso}T00:00:00Z`));
}

/** The first line of the header band: what the briefing is, else the template's header text. */
export function kindLabel(briefing: Briefing, theme: Theme): string {
  return briefing.meta.kind ?? theme.header.text;
}

export function participantText(p: Participant): string {
  return p.role ? `${p.name}, ${p.role}` : p.name;
}

/** The line under the title: date · location. Empty when neither is set. */
export function dateline(briefing: Briefing): string {
  const { date, location, language } = briefing.meta;
  return [date ? formatDate(date, language) : undefined, location].filter(Boolean).join(' · ');
}

/** The footer's two halves. Left: who wrote it and for whom. Right: source, organisation, the theme's footer text. */
export function footerParts(briefing: Briefing, theme: Theme): { left: string; right: string } {
  const { preparedBy, distribution, source } = briefing.meta;
  const left = [
    preparedBy ? `${LABELS.preparedBy}: ${preparedBy}` : undefined,
    distribution ? `${LABELS.distribution}: ${distribution}` : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
  const right = [source ? `${LABELS.source}: ${source}` : undefined, theme.organisation].filter(Boolean).join(' · ');
  return { left, right };
}

/** "Page 2 of 3" on every page of a multi-page briefing: the words around the numbers, for the DOCX's page fields. */
export const PAGE_NUMBER = { before: 'Page ', between: ' of ' } as const;

export function pageNumberText(page: number, pages: number): string {
  return `${PAGE_NUMBER.before}${page}${PAGE_NUMBER.between}${pages}`;
}

/** The visible text of inlines, as a reader would copy it (line breaks become spaces). */
export function plainText(inlines: readonly Inline[]): string {
  let out = '';
  for (const node of inlines) {
    switch (node.type) {
      case 'text':
      case 'code':
        out += node.value;
        break;
      case 'break':
        out += ' ';
        break;
      default:
        out += plainText(node.children);
    }
  }
  return out;
}

/** The pull quote to show, with the attribution line (— Name, Role), or null. */
export function pullQuote(briefing: Briefing): { text: string; attribution: string } | null {
  if (briefing.pullQuote === null) return null;
  const quote = briefing.quotes[briefing.pullQuote];
  if (!quote) return null;
  const person = briefing.meta.participants.find((p) => p.name === quote.speaker);
  return { text: quote.text, attribution: `— ${person ? participantText(person) : quote.speaker}` };
}
