/**
 * The words every format prints around the body (header band details, labels, footer), built once here so the
 * PDF, DOCX and HTML say exactly the same thing.
 */
import { startupSnapshot } from 'node:v8';
import type { Layout } from './layout.js';
import type { Briefing, Participant } from '../model/briefing.js';
import type { Theme } from '../theme/theme.js';
import type { Geometry } from './geometry.js';
import type { LogoImage } from '../theme/logo.js';

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
    // Not kept while the startup snapshot is built (src/startup/snapshot.ts): it cannot hold ICU's native objects.
    if (!startupSnapshot.isBuildingSnapshot()) dateFormats.set(language, format);
  }
  return format;
}

/** "7 January 2025" / "January 7, 2025" as the document's language writes a long date; ISO dates are UTC days. */
export function formatDate(iso: string, language: string): string {
  return dateFormat(language).format(new Date(`${iso}T00:00:00Z`));
}

/** The first line of the header band: what the briefing is, else the briefing's or the template's header text. */
export function kindLabel(briefing: Briefing, theme: Theme): string {
  return briefing.meta.kind ?? briefing.meta.header ?? theme.header.text;
}

/** Who issues it, in the header band and the footer: the briefing's word, else the template's; empty for none. */
export function organisationOf(briefing: Briefing, theme: Theme): string {
  return briefing.meta.organisation ?? theme.organisation ?? '';
}

/**
 * The template's logo and its box in the header band (the geometry's), unless the briefing says `logo: false`; the
 * band's text width is `textWidth` beside it.
 */
export function logoOf(briefing: Briefing, theme: Theme, g: Geometry): { image: LogoImage; width: number; height: number; textWidth: number } | null {
  const box = g.band.logo;
  if (!theme.logoImage || !box || briefing.meta.noLogo) return null;
  return { image: theme.logoImage, ...box, textWidth: g.contentWidth - 2 * g.band.padX - box.width - g.band.sideGap };
}

/** The line centred under the footer's halves: the briefing's, none (`footer: none`), else the template's. */
export function footerNote(briefing: Briefing, theme: Theme): string {
  const own = briefing.meta.footer;
  return own === null ? '' : (own ?? theme.footer.text);
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
  const right = [source ? `${LABELS.source}: ${source}` : undefined, organisationOf(briefing, theme)].filter(Boolean).join(' · ');
  return { left, right };
}

/** "Page 2 of 3" on every page of a multi-page briefing: the words around the numbers, for the DOCX's page fields. */
export const PAGE_NUMBER = { before: 'Page ', between: ' of ' } as const;

export function pageNumberText(page: number, pages: number): string {
  return `${PAGE_NUMBER.before}${page}${PAGE_NUMBER.between}${pages}`;
}


/** The pull quote to show, with the attribution line (— Name, Role), or null. */
export function pullQuote(briefing: Briefing, layout: Pick<Layout, 'pullQuote'>): { text: string; attribution: string } | null {
  const index = layout.pullQuote !== undefined ? layout.pullQuote : briefing.pullQuote;
  if (index === null) return null;
  const quote = briefing.quotes[index];
  if (!quote) return null;
  const person = briefing.meta.participants.find((p) => p.name === quote.speaker);
  return { text: quote.text, attribution: `— ${person ? participantText(person) : quote.speaker}` };
}
