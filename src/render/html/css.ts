/**
 * The stylesheet: the Layout's sizes and the theme's colours and faces as custom properties (in pt), then one set of
 * rules for print (one page, @page from the layout), screen (the page on a grey desk) and phones (one column).
 *
 * Vertical metrics follow the measuring typesetter (src/layout/regions.ts, blocks.ts, typeset.ts) so the printed
 * HTML is as tall as what the fit step measured: the same line heights, paddings and gaps, spacing *between* blocks
 * (never after the last one). The rules also mirror the faces FontUsage records: keep fonts.ts in step when a rule
 * changes weight, slant or family.
 *
 * A table set across the page (`table.span`, `column-span: all`) carries the space below it as its own margin, and
 * what follows starts with none: the typesetter starts every column below such a table at the same height, where
 * Chromium would lower only the column whose first block has a top margin.
 */
import type { Layout } from '../../layout/layout.js';
import type { Theme } from '../../theme/theme.js';
import { FALLBACK_CHAIN, fontFaceFiles } from '../../layout/fonts.js';
import { pageBanner } from '../../theme/markings.js';
import { genericFamily } from './fonts.js';
import type { Geometry } from '../../layout/geometry.js';
import { bulletAt, DEEPEST_LIST_LEVEL, numberFormatAt, type NumberFormat } from '../../layout/markers.js';
import { listClass } from './blocks/list.js';
import { PAGE_NUMBER } from '../../layout/furniture.js';
import { SCREEN_MIN_TEXT_PX, screenScale } from '../screen.js';

/** Lengths rounded so the CSS text does not depend on float noise. */
function num(n: number): string {
  return String(Math.round(n * 1000) / 1000);
}
function pt(n: number): string {
  return `${num(n)}pt`;
}
/** A length in em, written as CSS authors write it (".08em"). */
function em(n: number): string {
  return `${num(n).replace(/^0\./, '.')}em`;
}

function fontStack(theme: Theme, role: 'body' | 'heading' | 'mono'): string {
  const family = theme.fonts[role];
  // The fallbacks in the PDF's order: a browser takes, per character, the first family whose (subset) face has it.
  // A house font's bundled fallback comes next, for a browser that cannot load the embedded face.
  const house = fontFaceFiles(family).fallback;
  return [family, ...(house ? [house] : []), ...FALLBACK_CHAIN.map((f) => f.family)].map((f) => `"${f}"`).join(', ') + `, ${genericFamily(family)}`;
}

/** Every length the rules use, in points at print size: the layout's, translated to custom properties. */
function lengthProperties(layout: Layout): Record<string, number> {
  const g = layout.geometry;
  return {
    '--body-size': layout.bodySize,
    '--leading': layout.leading,
    '--title-size': layout.titleSize,
    '--title-leading': g.band.titleLeading,
    '--heading-size': layout.headingSize,
    '--heading-leading': g.section.headingLeading,
    '--small-size': layout.smallSize,
    '--small-leading': g.smallLeading,
    '--footer-leading': g.footer.leading,
    '--subtitle-size': g.band.subtitleSize,
    '--subtitle-leading': g.band.subtitleLeading,
    '--quote-size': g.pullQuote.size,
    '--quote-leading': g.pullQuote.leading,
    '--banner-height': g.banner.height,
    '--banner-gap': g.banner.gap,
    '--column-gap': layout.columnGap,
    '--paragraph-spacing': layout.paragraphSpacing,
    '--section-spacing': layout.sectionSpacing,
    '--block-spacing': layout.blockSpacing,
    '--band-pad-v': g.band.padY,
    '--band-pad-h': g.band.padX,
    '--band-side-gap': g.band.sideGap,
    ...(g.band.logo ? { '--logo-width': g.band.logo.width, '--logo-height': g.band.logo.height } : {}),
    '--box-pad': g.box.pad,
    '--box-bar': g.box.bar,
    '--after-label': g.label.after,
    '--title-before': g.band.titleBefore,
    '--subtitle-before': g.band.subtitleBefore,
    '--dateline-before': g.band.datelineBefore,
    '--participants-before': g.band.participantsBefore,
    '--rule-gap': g.section.ruleGap,
    '--section-rule': g.section.rule,
    '--after-rule': g.section.after,
    '--quote-bar': g.pullQuote.bar,
    '--quote-inset': g.pullQuote.inset - g.pullQuote.bar,
    '--attribution-before': g.pullQuote.attributionBefore,
    '--subhead-before': g.subheadBefore,
    '--indent': g.list.indent,
    '--task-x': g.list.taskX,
    '--item-spacing': g.list.itemSpacing,
    '--item-inner-spacing': g.list.innerSpacing,
    '--blockquote-inset': g.blockquote.inset,
    '--blockquote-rule': g.blockquote.rule,
    '--table-size': g.table.size,
    '--table-leading': g.table.leading,
    '--cell-pad-x': g.table.padX,
    '--cell-pad-y': g.table.padY,
    '--grid-rule': g.table.rule,
    '--code-pad': g.code.pad,
    '--code-leading': g.code.leading,
    '--hr-height': g.thematicBreak.height,
    '--hr-rule': g.thematicBreak.rule,
    '--footer-rule': g.footer.rule,
    '--footer-gap': g.footer.gap,
    '--footer-side-gap': g.footer.sideGap,
    '--footer-height': layout.footerHeight,
  };
}

function properties(layout: Layout, theme: Theme): string {
  const { page } = layout;
  const c = theme.colours;
  const lengths = Object.entries(lengthProperties(layout)).map(([k, v]) => `${k}:${pt(v)};`);
  const vars: Record<string, string> = {
    '--page-width': pt(page.width),
    '--page-height': pt(page.height),
    '--margin': `${pt(page.margin.top)} ${pt(page.margin.right)} ${pt(page.margin.bottom)} ${pt(page.margin.left)}`,
    '--columns': String(layout.columns),
    '--font-body': fontStack(theme, 'body'),
    '--font-heading': fontStack(theme, 'heading'),
    '--font-mono': fontStack(theme, 'mono'),
    '--text': c.text,
    '--muted': c.muted,
    '--primary': c.primary,
    '--accent': c.accent,
    '--rule': c.rule,
    '--header-bg': c.headerBackground,
    '--header-text': c.headerText,
    '--summary-bg': c.summaryBackground,
    '--banner-bg': pageBanner(layout, theme).background,
    '--banner-text': pageBanner(layout, theme).text,
    '--link': c.link,
    '--bullet-colour': layout.geometry.list.markers.bulletColour,
    '--number-colour': layout.geometry.list.markers.numberColour,
  };
  return lengths.join('') + Object.entries(vars).map(([k, v]) => `${k}:${v};`).join('');
}

/** A CSS string: ASCII as itself (but quotes and backslashes), everything else as a hex escape. */
function cssString(value: string): string {
  const escape = (c: string): string => `\\${c.codePointAt(0)!.toString(16)} `;
  return `"${[...value].map((c) => (/[ -~]/.test(c) && c !== '"' && c !== '\\' ? c : escape(c))).join('')}"`;
}

/** The counter style for each of the layout's number formats, with the layout's suffix. */
const COUNTER_SYSTEM: Record<NumberFormat, string> = {
  decimal: 'system:extends decimal',
  // Past z, Word's lowerLetter repeats the letter (aa, bb), which is CSS's symbolic system, not its alphabetic one.
  'lower-letter': `system:symbolic;symbols:${[...'abcdefghijklmnopqrstuvwxyz'].map((l) => `"${l}"`).join(' ')}`,
  'lower-roman': 'system:extends lower-roman',
};

/**
 * The markers of ./blocks/list.ts's depth classes, from the layout's (src/layout/markers.ts): one counter style per
 * number format, then per depth a bullet string (two no-break spaces to the text) or that depth's counter style.
 */
function listMarkerRules(g: Geometry): string {
  const { markers } = g.list;
  const suffix = cssString(`${markers.numberSuffix} `);
  const styles = (Object.keys(COUNTER_SYSTEM) as NumberFormat[]).map((f) => `@counter-style briefing-${f}{${COUNTER_SYSTEM[f]};suffix:${suffix}}\n`);
  const depths = Array.from({ length: DEEPEST_LIST_LEVEL + 1 }, (_, level) =>
    `ul.${listClass(level)}{list-style-type:${cssString(`${bulletAt(markers, level)}\u00a0\u00a0`)}}` +
    `ol.${listClass(level)}{list-style-type:briefing-${numberFormatAt(markers, level)}}\n`,
  );
  return styles.join('') + depths.join('');
}

/**
 * A multi-page briefing's page number, "Page 2 of 3", in the page's bottom margin box: the only place Chromium
 * counts pages. Centred on a footer line `pageNumberBelow` under the content area, as the PDF and Word set it. The
 * margin box inherits nothing from the document, so its face, size and colour are written out.
 */
function pageNumberBox(layout: Layout, theme: Theme): string {
  const f = layout.geometry.footer;
  const words = (text: string): string => cssString(text);
  return (
    `;@bottom-center{content:${words(PAGE_NUMBER.before)} counter(page) ${words(PAGE_NUMBER.between)} counter(pages);` +
    `vertical-align:top;padding-top:${pt(f.pageNumberBelow)};font-family:${fontStack(theme, 'body')};font-size:${pt(layout.smallSize)};` +
    `line-height:${pt(f.leading)};color:${theme.colours.muted}}`
  );
}

/**
 * Printed on several pages, the footer and the top banner repeat on every page: Chromium draws a fixed element on
 * each page, and the page box's padding, repeated on each page's piece of it (box-decoration-break: clone), keeps
 * the text clear of them: the footer's height as the layout measured it, the gap above it, the banners'.
 */
const REPEATED_FURNITURE =
  `.page{display:block;padding-bottom:calc(var(--block-spacing) + var(--footer-height));-webkit-box-decoration-break:clone;box-decoration-break:clone}\n` +
  `.page:has(.banner-bottom){padding-bottom:calc(var(--block-spacing) + var(--footer-height) + var(--banner-gap) + var(--banner-height))}\n` +
  `.page:has(.banner-top){padding-top:calc(var(--banner-height) + var(--banner-gap))}\n` +
  `footer{position:fixed;bottom:0;left:0;right:0;margin:0}\n` +
  `.banner-top{position:fixed;top:0;left:0;right:0;margin:0}\n`;

/** On a phone the print sizes become CSS pixels from a 16 px body, keeping the theme's proportions. */
function phoneProperties(layout: Layout, theme: Theme): string {
  const scale = screenScale(layout);
  const lengths = lengthProperties(layout);
  // Small text stays at 13 px or more on a phone.
  const floor = SCREEN_MIN_TEXT_PX / scale;
  lengths['--small-size'] = Math.max(layout.smallSize, floor);
  lengths['--small-leading'] = Math.max(layout.smallSize, floor) * theme.leading;
  lengths['--footer-leading'] = Math.max(layout.smallSize, floor) * 1.3;
  return Object.entries(lengths)
    .map(([k, v]) => `${k}:${num(v * scale)}px;`)
    .join('');
}

export function stylesheet(layout: Layout, theme: Theme): string {
  const m = layout.page.margin;
  // The page box in print is the page less its margins; 1pt of slack keeps rounding from spilling a blank page.
  const printHeight = layout.page.height - m.top - m.bottom - 1;
  const onePage = layout.pages === 1;
  const g = layout.geometry;
  return `:root{${properties(layout, theme)}}
@page{size:${pt(layout.page.width)} ${pt(layout.page.height)};margin:${pt(m.top)} ${pt(m.right)} ${pt(m.bottom)} ${pt(m.left)}${onePage ? '' : pageNumberBox(layout, theme)}}
*,*::before,*::after{box-sizing:border-box}
html{background:#d5d9df;-webkit-print-color-adjust:exact;print-color-adjust:exact;-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;color:var(--text);font-family:var(--font-body);font-size:var(--body-size);line-height:var(--leading);font-kerning:normal;font-synthesis-style:none;overflow-wrap:break-word;hyphens:manual;text-align:left}
.page{width:var(--page-width);min-height:var(--page-height);margin:24px auto;padding:var(--margin);background:#fff;box-shadow:0 1px 3px rgba(0,0,0,.25),0 6px 24px rgba(0,0,0,.12);display:flex;flex-direction:column}
main{flex:1 0 auto}
h1,h2,h3,h4,h5,h6,p,ul,ol,li,blockquote,figure,pre,table,hr{margin:0}
a{color:var(--link);text-decoration:underline}
em{font-style:italic}
em.upright{font-style:normal}
strong,b{font-weight:700}
.banner{background:var(--banner-bg);color:var(--banner-text);font-weight:700;text-align:center;text-transform:uppercase;letter-spacing:${em(g.banner.tracking)};font-size:var(--small-size);line-height:var(--banner-height);height:var(--banner-height);overflow:hidden}
.banner-top{margin-bottom:var(--banner-gap)}
.banner-bottom{margin-top:var(--banner-gap)}
.band{background:var(--header-bg);color:var(--header-text);padding:var(--band-pad-v) var(--band-pad-h);margin-bottom:var(--block-spacing)}
.band-logo{display:flex;align-items:flex-start;column-gap:var(--band-side-gap)}
.band-text{flex:1 1 0;min-width:0}
.logo{flex:none;display:block;width:var(--logo-width);height:var(--logo-height)}
.kicker{display:flex;flex-wrap:wrap;column-gap:var(--band-side-gap);font-size:var(--small-size);line-height:var(--small-leading)}
.kind{font-weight:700;text-transform:uppercase;letter-spacing:${em(g.label.tracking)}}
.org{margin-left:auto;text-align:right}
h1{font-family:var(--font-heading);font-weight:700;font-size:var(--title-size);line-height:var(--title-leading);margin-top:var(--title-before)}
.subtitle{font-family:var(--font-heading);font-size:var(--subtitle-size);line-height:var(--subtitle-leading);margin-top:var(--subtitle-before)}
.dateline,.participants{font-size:var(--small-size);line-height:var(--small-leading)}
.dateline,h1+.participants,.subtitle+.participants{margin-top:var(--dateline-before)}
.dateline+.participants{margin-top:var(--participants-before)}
.summary{background:var(--summary-bg);border-left:var(--box-bar) solid var(--primary);padding:var(--box-pad);margin-bottom:var(--block-spacing);break-inside:avoid}
.label{font-size:var(--small-size);line-height:var(--small-leading);font-weight:700;text-transform:uppercase;letter-spacing:${em(g.label.tracking)};color:var(--primary)}
.flow>*+*,blockquote>*+*{margin-top:var(--paragraph-spacing)}
.flow>.label+*{margin-top:var(--after-label)}
.flow>*+.subhead{margin-top:var(--subhead-before)}
.key-points{margin-bottom:var(--block-spacing)}
ul,ol{padding-left:var(--indent)}
${listMarkerRules(g)}li::marker{font-style:normal}
ul>li::marker{color:var(--bullet-colour)}
ol>li::marker{color:var(--number-colour)}
li+li{margin-top:var(--item-spacing)}
li>*+*{margin-top:var(--item-inner-spacing)}
.task-item{list-style:none}
.task+p{display:inline}
.task{display:inline-block;margin-left:calc(var(--task-x) - var(--indent));width:calc(var(--indent) - var(--task-x));font-style:normal}
ul>li>.task{color:var(--bullet-colour)}
ol>li>.task{color:var(--number-colour)}
.pull-quote{margin-bottom:var(--block-spacing);padding-left:var(--quote-inset);border-left:var(--quote-bar) solid var(--accent);break-inside:avoid}
.pull-quote blockquote{border:0;padding:0;font-style:normal}
.pull-quote p{font-style:italic;font-size:var(--quote-size);line-height:var(--quote-leading);color:var(--primary)}
.pull-quote figcaption{font-size:var(--small-size);line-height:var(--small-leading);color:var(--muted);margin-top:var(--attribution-before)}
.sections{column-count:var(--columns);column-gap:var(--column-gap);column-fill:balance}
.sections>section+section{margin-top:var(--section-spacing)}
.unsplit{break-inside:avoid}
.section-title{font-family:var(--font-heading);font-weight:700;font-size:var(--heading-size);line-height:var(--heading-leading);color:var(--primary);border-bottom:var(--section-rule) solid var(--rule);padding-bottom:var(--rule-gap);margin-bottom:var(--after-rule)!important;break-after:avoid;break-inside:avoid}
.flow>.section-title+*{margin-top:0}
.subhead{font-family:var(--font-heading);font-size:var(--body-size);font-weight:700;color:var(--primary);break-after:avoid;break-inside:avoid}
p{orphans:2;widows:2}
blockquote{padding-left:calc(var(--blockquote-inset) - var(--blockquote-rule));border-left:var(--blockquote-rule) solid var(--rule);font-style:italic}
table{border-collapse:collapse;table-layout:fixed;width:100%;font-size:var(--table-size);line-height:var(--table-leading)}
table.span{column-span:all}
.flow>table.span+*,section:has(>table.span:last-child)+section{margin-top:0}
.flow>table.span:not(:last-child){margin-bottom:var(--paragraph-spacing)}
section:not(:last-child)>table.span:last-child{margin-bottom:var(--section-spacing)}
thead{break-after:avoid}
tr{break-inside:avoid}
th,td{border:var(--grid-rule) solid var(--rule);padding:var(--cell-pad-y) var(--cell-pad-x);text-align:left;vertical-align:top;overflow-wrap:anywhere}
th{background:var(--summary-bg);font-weight:700}
.align-left{text-align:left}.align-center{text-align:center}.align-right{text-align:right}
code{font-family:var(--font-mono);font-size:${em(g.code.monoScale)}}
pre{font-family:var(--font-mono);font-size:var(--small-size);line-height:var(--code-leading);font-style:normal;font-weight:400;background:var(--summary-bg);padding:var(--code-pad);white-space:pre-wrap;overflow-wrap:anywhere;tab-size:4}
pre code{font-size:inherit}
.image img{display:block;width:var(--width);height:var(--height)}
.image{break-inside:avoid}
.image figcaption{font-size:var(--small-size);line-height:var(--small-leading);color:var(--muted)}
hr{border:0;height:var(--hr-height);background:linear-gradient(var(--rule),var(--rule)) center/100% var(--hr-rule) no-repeat}
footer{margin-top:var(--block-spacing);font-size:var(--small-size);line-height:var(--footer-leading);color:var(--muted);break-inside:avoid}
.foot-line{display:flex;flex-wrap:wrap;column-gap:var(--footer-side-gap);border-top:var(--footer-rule) solid var(--rule);padding-top:var(--footer-gap)}
.foot-line .foot-right{margin-left:auto;text-align:right}
.foot-note{text-align:center}
@media print{
html{background:none}
.page{width:auto;${onePage ? `min-height:${pt(printHeight)};` : 'min-height:0;'}margin:0;padding:0;box-shadow:none}
${onePage ? '' : REPEATED_FURNITURE}}
@media screen and (max-width:700px){
:root{${phoneProperties(layout, theme)}}
html{background:#fff}
.page{width:auto;min-height:0;margin:0;padding:16px;box-shadow:none}
.sections{column-count:1}
table{table-layout:auto}
.image img{width:auto;max-width:100%;height:auto}
.foot-line .foot-right{margin-left:0;text-align:left}
}
`;
}
