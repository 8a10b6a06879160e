/**
 * The regions of the page, top to bottom as docs/design.md lists them. Words around the body come from
 * src/layout/furniture.ts so the three formats say the same thing.
 */
import type { Briefing, Section } from '../../model/briefing.js';
import { dateline, footerNote, footerParts, kindLabel, LABELS, logoOf, organisationOf, PAGE_NUMBER, participantText, pullQuote } from '../../layout/furniture.js';
import { escapeHtml } from './escape.js';
import { bulletAt } from '../../layout/markers.js';
import { listClass } from './blocks/list.js';
import type { State } from './state.js';

/** The classification bar, at the top (inside the header landmark) and at the bottom (inside the footer). */
export function banner(briefing: Briefing, state: State, where: 'top' | 'bottom'): string {
  const classification = briefing.meta.classification;
  if (!classification) return '';
  const text = state.withFace({ bold: true }, () => state.text(classification, { upper: true }));
  return `<div class="banner banner-${where}" role="note" aria-label="Classification">${text}</div>\n`;
}

/** The header band (`.band`), sized by the layout's `geometry.band`. */
export function band(briefing: Briefing, state: State, titleId: string): string {
  const { meta } = briefing;
  const kind = kindLabel(briefing, state.theme);
  const lines = [
    `<p class="kicker"><span class="kind">${state.withFace({ bold: true }, () => state.text(kind, { upper: true }))}</span>` +
      `<span class="org">${state.text(organisationOf(briefing, state.theme))}</span></p>`,
    `<h1 id="${escapeHtml(titleId)}">${state.withFace({ role: 'heading', bold: true }, () => state.text(meta.title))}</h1>`,
  ];
  if (meta.subtitle) {
    const subtitle = meta.subtitle;
    lines.push(`<p class="subtitle">${state.withFace({ role: 'heading' }, () => state.text(subtitle))}</p>`);
  }
  const when = dateline(briefing);
  if (when) lines.push(`<p class="dateline">${state.text(when)}</p>`);
  if (meta.participants.length > 0) {
    const label = state.withFace({ bold: true }, () => state.text(`${LABELS.participants}: `));
    const people = meta.participants.map((p) => state.text(participantText(p))).join(state.text(' · '));
    lines.push(`<p class="participants"><b>${label}</b>${people}</p>`);
  }
  const logo = logoOf(briefing, state.theme, state.layout.geometry);
  if (!logo) return `<div class="band">\n${lines.join('\n')}\n</div>\n`;
  // At the layout's size, beside the text (the same box as the PDF's); alt="" when decorative, as HTML marks one.
  const mime = logo.image.kind === 'svg' ? 'image/svg+xml' : 'image/png';
  const src = `data:${mime};base64,${Buffer.from(logo.image.data).toString('base64')}`;
  const img = `<img class="logo" src="${src}" alt="${escapeHtml(logo.image.alt)}">`;
  return `<div class="band band-logo">\n<div class="band-text">\n${lines.join('\n')}\n</div>\n${img}\n</div>\n`;
}

/** A box label ("Summary", "Key points"): an h2 in the outline, styled as a small caps-like label. */
function label(text: string, id: string, state: State): string {
  return `<h2 class="label" id="${escapeHtml(id)}">${state.withFace({ bold: true }, () => state.text(text, { upper: true }))}</h2>\n`;
}

export function summary(briefing: Briefing, state: State): string {
  if (briefing.summary.length === 0) return '';
  const id = state.claimId('summary-label');
  state.headingLevel = 2;
  return `<section class="summary flow" aria-labelledby="${escapeHtml(id)}">\n${label(LABELS.summary, id, state)}${state.blocks(briefing.summary)}</section>\n`;
}

export function keyPoints(briefing: Briefing, state: State): string {
  if (briefing.keyPoints.length === 0) return '';
  const id = state.claimId('key-points-label');
  const items = briefing.keyPoints.map((point) => `<li>${state.inlines(point)}</li>\n`).join('');
  state.fonts.record(`${bulletAt(state.layout.geometry.list.markers, 0)}\u00a0`, { ...state.face, italic: false });
  return `<section class="key-points flow" aria-labelledby="${escapeHtml(id)}">\n${label(LABELS.keyPoints, id, state)}<ul class="${listClass(0)}">\n${items}</ul>\n</section>\n`;
}

export function pullQuoteFigure(briefing: Briefing, state: State): string {
  const quote = pullQuote(briefing, state.layout);
  if (!quote) return '';
  const text = state.withFace({ italic: true }, () => state.text(quote.text));
  return (
    `<figure class="pull-quote">\n<blockquote><p>${text}</p></blockquote>\n` +
    `<figcaption>${state.text(quote.attribution)}</figcaption>\n</figure>\n`
  );
}

function section(node: Section, id: string, state: State): string {
  const titleId = state.claimId(`${id}-title`);
  const title = state.withFace({ role: 'heading', bold: true }, () => state.inlines(node.title));
  state.headingLevel = 2;
  return (
    // A short section is kept in one column, as the layout keeps it.
    `<section class="flow${state.layout.unsplit.has(node) ? ' unsplit' : ''}" id="${escapeHtml(id)}" aria-labelledby="${escapeHtml(titleId)}">\n` +
    `<h2 class="section-title" id="${escapeHtml(titleId)}">${title}</h2>\n` +
    `${state.blocks(node.blocks)}</section>\n`
  );
}

/** Section ids are claimed before anything else, so the model's anchors survive unchanged when they are unique. */
export function claimSectionIds(briefing: Briefing, state: State): string[] {
  return briefing.sections.map((s) => {
    const id = state.claimId(s.id);
    if (id !== s.id) state.context.warn(`html: section id ${JSON.stringify(s.id)} is not unique; using ${JSON.stringify(id)}`);
    return id;
  });
}

export function body(briefing: Briefing, state: State, ids: readonly string[]): string {
  if (briefing.sections.length === 0) return '';
  const sections = briefing.sections.map((s, i) => section(s, ids[i] ?? s.id, state)).join('');
  return `<div class="sections">\n${sections}</div>\n`;
}

export function footer(briefing: Briefing, state: State): string {
  const { left, right } = footerParts(briefing, state.theme);
  // The page number is drawn by the print stylesheet (css.ts), in the body face: its glyphs go into that subset.
  if (state.layout.pages > 1) state.fonts.record(`${PAGE_NUMBER.before}${PAGE_NUMBER.between}0123456789`, { role: 'body', bold: false, italic: false });
  const note = footerNote(briefing, state.theme);
  // Nothing to say: no rule either, as the layout sets no footer rows (src/layout/regions.ts, footerRows).
  if (!left && !right && !note) return '';
  return (
    `<div class="foot-line">${left ? `<p class="foot-left">${state.text(left)}</p>` : ''}` +
    `${right ? `<p class="foot-right">${state.text(right)}</p>` : ''}</div>\n` +
    (note ? `<p class="foot-note">${state.text(note)}</p>\n` : '')
  );
}
