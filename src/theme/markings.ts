/**
 * Classification markings as offices use them: the banner's colour comes from a table keyed by the marking, matched
 * on its leading words ("SECRET//NOFORN" is SECRET), with text in black or white, whichever reads better (at least
 * 4.5:1, WCAG AA). The defaults follow the US conventions; a template can give its own table. A marking the table
 * does not know takes the template's neutral banner colours.
 */
import type { Layout } from '../layout/layout.js';
import type { Theme } from './theme.js';

export interface MarkingColour {
  background: string;
  /** Left out, black or white, whichever contrasts more with the background. */
  text?: string;
}

/** US banner colours (32 CFR 2001 and the CUI Registry's conventions). */
export const US_MARKINGS: Readonly<Record<string, MarkingColour>> = {
  UNCLASSIFIED: { background: '#007a33' },
  CUI: { background: '#502b85' },
  'CONTROLLED UNCLASSIFIED': { background: '#502b85' },
  CONFIDENTIAL: { background: '#0033a0' },
  SECRET: { background: '#c8102e' },
  'TOP SECRET': { background: '#ff8c00' },
};

export interface BannerColours {
  background: string;
  text: string;
  /** False when the table had no entry for the marking (the neutral colours are used). */
  known: boolean;
}

function luminance(hex: string): number {
  const channel = (i: number): number => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG 2.1 contrast ratio of two #rrggbb colours. */
export function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** Black or white text, whichever contrasts more with `background`. */
export function readableOn(background: string): string {
  return contrast(background, '#ffffff') >= contrast(background, '#000000') ? '#ffffff' : '#000000';
}

/** The table entry whose key the marking starts with, as whole words; the longest key wins ("TOP SECRET" over none). */
function entryFor(marking: string, table: Readonly<Record<string, MarkingColour>>): MarkingColour | undefined {
  const upper = marking.trim().toUpperCase();
  let best: { key: string; colour: MarkingColour } | undefined;
  for (const [key, colour] of Object.entries(table)) {
    const wanted = key.trim().toUpperCase();
    if (!upper.startsWith(wanted) || /\p{L}/u.test(upper.charAt(wanted.length))) continue;
    if (!best || wanted.length > best.key.length) best = { key: wanted, colour };
  }
  return best?.colour;
}

export function bannerColours(marking: string, theme: Theme): BannerColours {
  const entry = entryFor(marking, theme.classifications ?? US_MARKINGS);
  if (!entry) return { background: theme.colours.bannerBackground, text: theme.colours.bannerText, known: false };
  return { background: entry.background, text: entry.text ?? readableOn(entry.background), known: true };
}

/** The banner colours the layout chose for the page, else the theme's neutral ones. */
export function pageBanner(layout: Pick<Layout, 'banner'>, theme: Theme): { background: string; text: string } {
  return layout.banner ?? { background: theme.colours.bannerBackground, text: theme.colours.bannerText };
}
