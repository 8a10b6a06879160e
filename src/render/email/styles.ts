/**
 * The email body's inline styles: the page geometry (src/layout/geometry.ts) and the theme's tokens in CSS pixels,
 * one declaration list per role. Mail clients drop <style> elements and classes (Gmail, Outlook), so every element
 * carries its style itself, and nothing here is a CSS variable or a web font: the faces are named Word font first,
 * then the open twin the PDF embeds, then the generic family, so a reader's Calibri or Carlito sets the text.
 */
import { fontFaceFiles } from '../../layout/fonts.js';
import type { Layout } from '../../layout/layout.js';
import type { FontFamily, Theme } from '../../theme/theme.js';
import { pageBanner } from '../../theme/markings.js';
import { genericFamily } from '../html/fonts.js';
import { SCREEN_MIN_TEXT_PX, screenScale } from '../screen.js';

/** Whole pixels: Outlook's Word engine rounds fractions unpredictably. Rules never vanish below 1 px. */
function px(value: number, min = 0): string {
  return `${Math.max(min, Math.round(value))}px`;
}

/** Declarations in order, as a `style` attribute's text. */
function css(declarations: Record<string, string | number>): string {
  return Object.entries(declarations)
    .map(([property, value]) => `${property}:${value}`)
    .join(';');
}

/** `Calibri,Carlito,sans-serif`: names with spaces in single quotes, which sit inside a double-quoted attribute. */
function fontStack(family: FontFamily): string {
  const files = fontFaceFiles(family);
  const house = files.fallback ? [fontFaceFiles(files.fallback).wordTwin, files.fallback] : [];
  const names = [files.wordTwin, family, ...house].map((name) => (/\s/.test(name) ? `'${name}'` : name));
  return [...names, genericFamily(family)].join(',');
}

export interface EmailStyles {
  /** The email's greatest width and the inset of its text from the sides, in px (numbers, for picture sizes too). */
  width: number;
  inset: number;
  /** Vertical gaps in px between blocks of a flow, list items, and an item's own blocks. */
  gaps: { paragraph: number; item: number; inner: number; subhead: number; block: number; afterLabel: number; afterRule: number; footLine: number };
  /** Text sizes in px: body and small text (never below the screen's minimum), and inline code's share of its text. */
  sizes: { body: number; small: number; monoScale: number };
  /** How far a list, a block quote and a box (summary, pull quote) move their text in from the left, px. */
  indents: { list: number; blockquote: number; box: number; pullQuote: number };
  /** The tallest a picture is drawn, px. */
  imageMaxHeight: number;
  body: string;
  wrapper: string;
  frame: string;
  layoutTable: string;
  banner: string;
  note: string;
  noteRule: string;
  band: string;
  kicker: string;
  kind: string;
  organisation: string;
  title: string;
  subtitle: string;
  dateline: string;
  participants: string;
  region: string;
  box: string;
  label: string;
  pullQuote: string;
  pullQuoteText: string;
  attribution: string;
  sectionTitle: string;
  subhead: string;
  paragraph: string;
  list: string;
  nestedList: string;
  item: string;
  taskItem: string;
  blockquote: string;
  table: string;
  th: string;
  td: string;
  pre: string;
  code: string;
  link: string;
  figure: string;
  image: string;
  caption: string;
  rule: string;
  footer: string;
  footLine: string;
  footerNote: string;
  upright: string;
}

export function emailStyles(layout: Layout, theme: Theme): EmailStyles {
  const scale = screenScale(layout);
  const g = layout.geometry;
  const c = theme.colours;
  const at = (points: number, min = 0): string => px(points * scale, min);
  const body = layout.bodySize * scale;
  const small = Math.max(layout.smallSize * scale, SCREEN_MIN_TEXT_PX);
  const smallLeading = small * theme.leading;
  const text = fontStack(theme.fonts.body);
  const heading = fontStack(theme.fonts.heading);
  const mono = fontStack(theme.fonts.mono);
  const inset = Math.round(g.band.padX * scale);
  const smallText = { 'font-size': px(small), 'line-height': px(smallLeading) };
  const reset = { margin: 0, padding: 0 };
  return {
    width: theme.email.width,
    inset,
    gaps: {
      paragraph: Math.round(layout.paragraphSpacing * scale),
      item: Math.round(g.list.itemSpacing * scale),
      inner: Math.round(g.list.innerSpacing * scale),
      subhead: Math.round(g.subheadBefore * scale),
      block: Math.round(layout.blockSpacing * scale),
      afterLabel: Math.round(g.label.after * scale),
      afterRule: Math.round(g.section.after * scale),
      footLine: Math.round(g.footer.gap * scale),
    },
    sizes: { body: Math.round(body), small: Math.round(small), monoScale: g.code.monoScale },
    indents: {
      list: Math.round(g.list.indent * scale),
      blockquote: Math.round(g.blockquote.inset * scale),
      box: Math.round((g.box.bar + 2 * g.box.pad) * scale),
      pullQuote: Math.round(g.pullQuote.inset * scale),
    },
    imageMaxHeight: Math.round(g.image.maxHeight * scale),
    body: css({ margin: 0, padding: 0, 'background-color': '#ffffff', 'word-spacing': 'normal' }),
    wrapper: css({
      'background-color': '#ffffff',
      color: c.text,
      'font-family': text,
      'font-size': px(body),
      'line-height': px(layout.leading * scale),
      '-webkit-text-size-adjust': '100%',
      'text-size-adjust': '100%',
    }),
    frame: css({ width: '100%', 'max-width': `${theme.email.width}px`, margin: '0 auto', 'border-collapse': 'collapse', 'border-spacing': 0 }),
    layoutTable: css({ width: '100%', 'border-collapse': 'collapse', 'border-spacing': 0 }),
    banner: css({
      ...reset,
      'background-color': pageBanner(layout, theme).background,
      color: pageBanner(layout, theme).text,
      'font-weight': 700,
      'text-align': 'center',
      'text-transform': 'uppercase',
      'letter-spacing': `${g.banner.tracking}em`,
      'font-size': px(small),
      'line-height': at(g.banner.height),
    }),
    note: css({ padding: `${at(g.band.padY)} ${px(inset)}` }),
    noteRule: css({ 'border-bottom': `${at(g.section.rule, 1)} solid ${c.rule}`, 'font-size': 0, 'line-height': 0, height: '1px' }),
    band: css({ 'background-color': c.headerBackground, color: c.headerText, padding: `${at(g.band.padY)} ${px(inset)}` }),
    kicker: css({ ...reset, ...smallText, color: c.headerText }),
    kind: css({ ...reset, ...smallText, 'font-weight': 700, 'text-transform': 'uppercase', 'letter-spacing': `${g.label.tracking}em`, color: c.headerText, 'padding-right': at(g.band.sideGap / 2) }),
    organisation: css({ ...reset, ...smallText, 'text-align': 'right', color: c.headerText }),
    title: css({
      margin: `${at(g.band.titleBefore)} 0 0`,
      'font-family': heading,
      'font-weight': 700,
      'font-size': at(layout.titleSize),
      'line-height': at(g.band.titleLeading),
      color: c.headerText,
    }),
    subtitle: css({ margin: `${at(g.band.subtitleBefore)} 0 0`, 'font-family': heading, 'font-size': at(g.band.subtitleSize), 'line-height': at(g.band.subtitleLeading), color: c.headerText }),
    dateline: css({ margin: `${at(g.band.datelineBefore)} 0 0`, ...smallText, color: c.headerText }),
    participants: css({ margin: `${at(g.band.participantsBefore)} 0 0`, ...smallText, color: c.headerText }),
    region: css({ padding: `${at(layout.blockSpacing)} ${px(inset)} 0` }),
    box: css({ 'background-color': c.summaryBackground, 'border-left': `${at(g.box.bar, 1)} solid ${c.primary}`, padding: at(g.box.pad) }),
    label: css({ ...reset, ...smallText, 'font-weight': 700, 'text-transform': 'uppercase', 'letter-spacing': `${g.label.tracking}em`, color: c.primary }),
    pullQuote: css({ 'border-left': `${at(g.pullQuote.bar, 1)} solid ${c.accent}`, 'padding-left': at(g.pullQuote.inset - g.pullQuote.bar) }),
    pullQuoteText: css({ ...reset, 'font-style': 'italic', 'font-size': at(g.pullQuote.size), 'line-height': at(g.pullQuote.leading), color: c.primary }),
    attribution: css({ margin: `${at(g.pullQuote.attributionBefore)} 0 0`, ...smallText, color: c.muted }),
    sectionTitle: css({
      margin: 0,
      'padding-bottom': at(g.section.ruleGap),
      'border-bottom': `${at(g.section.rule, 1)} solid ${c.rule}`,
      'font-family': heading,
      'font-weight': 700,
      'font-size': at(layout.headingSize),
      'line-height': at(g.section.headingLeading),
      color: c.primary,
    }),
    subhead: css({ 'font-family': heading, 'font-weight': 700, 'font-size': px(body), 'line-height': px(layout.leading * scale), color: c.primary }),
    paragraph: '',
    list: css({ padding: `0 0 0 ${at(g.list.indent)}` }),
    nestedList: css({ padding: `0 0 0 ${at(g.list.indent)}`, 'list-style-type': 'circle' }),
    item: '',
    taskItem: css({ 'list-style-type': 'none' }),
    blockquote: css({ 'padding-left': at(g.blockquote.inset - g.blockquote.rule), 'border-left': `${at(g.blockquote.rule, 1)} solid ${c.rule}`, 'font-style': 'italic' }),
    table: css({ width: '100%', 'border-collapse': 'collapse', ...smallText }),
    th: css({ border: `${at(g.table.rule, 1)} solid ${c.rule}`, padding: `${at(g.table.padY)} ${at(g.table.padX)}`, 'vertical-align': 'top', 'overflow-wrap': 'anywhere', 'background-color': c.summaryBackground, 'font-weight': 700 }),
    td: css({ border: `${at(g.table.rule, 1)} solid ${c.rule}`, padding: `${at(g.table.padY)} ${at(g.table.padX)}`, 'vertical-align': 'top', 'overflow-wrap': 'anywhere' }),
    pre: css({
      padding: at(g.code.pad),
      'background-color': c.summaryBackground,
      'font-family': mono,
      ...smallText,
      'line-height': px(Math.max(g.code.leading * scale, small * 1.3)),
      'font-style': 'normal',
      'font-weight': 400,
      'white-space': 'pre-wrap',
      'overflow-wrap': 'anywhere',
    }),
    code: css({ 'font-family': mono }),
    link: css({ color: c.link, 'text-decoration': 'underline' }),
    figure: '',
    image: css({ display: 'block', 'max-width': '100%', height: 'auto', border: 0 }),
    caption: css({ ...smallText, color: c.muted }),
    rule: css({ border: 0, 'border-top': `${at(g.thematicBreak.rule, 1)} solid ${c.rule}`, height: 0 }),
    footer: css({ padding: `${at(layout.blockSpacing)} ${px(inset)} ${at(g.banner.gap)}`, ...smallText, color: c.muted }),
    footLine: css({ margin: 0, 'padding-top': at(g.footer.gap), 'border-top': `${at(g.footer.rule, 1)} solid ${c.rule}` }),
    footerNote: css({ 'text-align': 'center' }),
    upright: css({ 'font-style': 'normal' }),
  };
}
