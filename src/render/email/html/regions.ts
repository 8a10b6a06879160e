/**
 * The regions of the email body, top to bottom: the classification banner, the cover note, the header band, the
 * summary, key points, pull quote, the sections in one column, the footer, the banner again. Each region is a row
 * of the body's layout table; words around the body come from src/layout/furniture.ts, as in the other formats.
 */
import type { Briefing, Section } from '../../../model/briefing.js';
import { dateline, footerNote, footerParts, kindLabel, LABELS, organisationOf, participantText, pullQuote } from '../../../layout/furniture.js';
import { styleAttribute, type HtmlState } from './state.js';

/** A row of a layout table; `role="presentation"` tells assistive technology the table is only there for layout. */
export function row(cellStyle: string, content: string): string {
  return `<tr><td${styleAttribute(cellStyle)}>\n${content}</td></tr>\n`;
}

export function layoutTable(state: HtmlState, rows: string, tableStyle = state.styles.layoutTable): string {
  return `<table role="presentation"${styleAttribute(tableStyle)}>\n${rows}</table>\n`;
}

export function banner(briefing: Briefing, state: HtmlState): string {
  const classification = briefing.meta.classification;
  if (!classification) return '';
  return row('padding:0', `<p role="note" aria-label="Classification"${styleAttribute(state.styles.banner)}>${state.text(classification)}</p>\n`);
}

/** The writer's cover note, above the briefing and set off from it by a rule. */
export function note(briefing: Briefing, state: HtmlState): string {
  const blocks = briefing.email?.note ?? [];
  if (blocks.length === 0) return '';
  state.headingLevel = 2;
  return row(state.styles.note, state.blocks(blocks)) + row(state.styles.noteRule, '&nbsp;');
}

/** The header band: one row of the body's table, in the band's style. */
export function band(briefing: Briefing, state: HtmlState): string {
  const { meta } = briefing;
  const { styles } = state;
  const kicker = layoutTable(
    state,
    `<tr><td${styleAttribute(styles.kind)}>${state.text(kindLabel(briefing, state.theme))}</td>` +
      `<td${styleAttribute(styles.organisation)}>${state.text(organisationOf(briefing, state.theme))}</td></tr>\n`,
  );
  const lines = [kicker, `<h1${styleAttribute(styles.title)}>${state.text(meta.title)}</h1>\n`];
  if (meta.subtitle) lines.push(`<p${styleAttribute(styles.subtitle)}>${state.text(meta.subtitle)}</p>\n`);
  const when = dateline(briefing);
  if (when) lines.push(`<p${styleAttribute(styles.dateline)}>${state.text(when)}</p>\n`);
  if (meta.participants.length > 0) {
    const people = meta.participants.map((p) => state.text(participantText(p))).join(' · ');
    lines.push(`<p${styleAttribute(when ? styles.participants : styles.dateline)}><b>${state.text(`${LABELS.participants}: `)}</b>${people}</p>\n`);
  }
  return row(styles.band, lines.join(''));
}

function label(text: string, state: HtmlState): string {
  return `<h2${styleAttribute(state.styles.label)}>${state.text(text)}</h2>\n`;
}

/** A box: a one-cell layout table, because Outlook draws a cell's background and left rule but not a div's. */
function box(state: HtmlState, cellStyle: string, inset: number, content: () => string): string {
  const saved = state.available;
  state.available -= inset;
  try {
    return layoutTable(state, row(cellStyle, content()));
  } finally {
    state.available = saved;
  }
}

export function summary(briefing: Briefing, state: HtmlState): string {
  if (briefing.summary.length === 0) return '';
  state.headingLevel = 2;
  const { styles } = state;
  const content = box(state, styles.box, styles.indents.box, () => label(LABELS.summary, state) + state.blocks(briefing.summary, undefined, styles.gaps.afterLabel));
  return row(styles.region, content);
}

export function keyPoints(briefing: Briefing, state: HtmlState): string {
  if (briefing.keyPoints.length === 0) return '';
  const { styles } = state;
  const items = briefing.keyPoints
    .map((point, i) => `<li${styleAttribute(`margin:${i === 0 ? 0 : styles.gaps.item}px 0 0`)}>${state.inlines(point)}</li>\n`)
    .join('');
  const list = `<ul${styleAttribute(`margin:${styles.gaps.afterLabel}px 0 0;${styles.list}`)}>\n${items}</ul>\n`;
  return row(styles.region, label(LABELS.keyPoints, state) + list);
}

export function pullQuoteRegion(briefing: Briefing, state: HtmlState): string {
  const quote = pullQuote(briefing, {});
  if (!quote) return '';
  const { styles } = state;
  const figure =
    `<figure style="margin:0">\n<blockquote style="margin:0"><p${styleAttribute(styles.pullQuoteText)}>${state.text(quote.text)}</p></blockquote>\n` +
    `<figcaption${styleAttribute(styles.attribution)}>${state.text(quote.attribution)}</figcaption>\n</figure>\n`;
  return row(styles.region, box(state, styles.pullQuote, styles.indents.pullQuote, () => figure));
}

function section(node: Section, state: HtmlState): string {
  const { styles } = state;
  const title = `<h2${styleAttribute(styles.sectionTitle)}>${state.inlines(node.title)}</h2>\n`;
  state.headingLevel = 2;
  // The rule under the title, the space after it, then the section's first block.
  return row(styles.region, title + state.blocks(node.blocks, undefined, styles.gaps.afterRule));
}

export function sections(briefing: Briefing, state: HtmlState): string {
  return briefing.sections.map((s) => section(s, state)).join('');
}

export function footer(briefing: Briefing, state: HtmlState): string {
  const { left, right } = footerParts(briefing, state.theme);
  const note = footerNote(briefing, state.theme);
  const { styles } = state;
  const parts = [left, right].filter(Boolean).map((line) => `<p style="margin:0">${state.text(line)}</p>\n`);
  const lines = parts.length > 0 ? [`<div${styleAttribute(styles.footLine)}>\n${parts.join('')}</div>\n`] : [];
  if (note) lines.push(`<p${styleAttribute(`margin:${styles.gaps.footLine}px 0 0;${styles.footerNote}`)}>${state.text(note)}</p>\n`);
  if (lines.length === 0) return '';
  return row(styles.footer, lines.join(''));
}
