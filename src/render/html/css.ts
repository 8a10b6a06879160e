/**
 * The stylesheet: the Layout's sizes and the theme's colours and faces as custom properties (in pt), then one set of
 * rules for print (one page, @page from the layout), screen (the page on a grey desk) and phones (one column).
 *
 * Vertical metrics follow the measuring typesetter (src/layout/regions.ts, blocks.ts, typeset.ts) so the printed
 * HTML is as tall as what the fit step measured: the same line heights, paddings and gaps, spacing *between* blocks
 * (never after the last one). The rules also mirror the faces FontUsage records: keep fonts.ts in step when a rule
 * changes weight, slant or family.
 */
import type { Layout } from '../../layout/layout.js';
import type { Theme } from '../../theme/theme.js';
import { FALLBACK_CHAIN } from '../../layout/fonts.js';
import { genericFamily } from './fonts.js';

/** Lengths rounded so the CSS text does not depend on float noise. */
function num(n: number): string {
  return String(Math.round(n * 1000) / 1000);
}
function pt(n: number): string {
  return `${num(n)}pt`;
}

function fontStack(theme: Theme, role: 'body' | 'heading' | 'mono'): string {
  const family = theme.fonts[role];
  // The fallbacks in the PDF's order: a browser takes, per character, the first family whose (subset) face has it.
  return [family, ...FALLBACK_CHAIN.map((f) => f.family)].map((f) => `"${f}"`).join(', ') + `, ${genericFamily(family)}`;
}

/** Every length the rules use, in points at print size. */
function metrics(layout: Layout, theme: Theme): Record<string, number> {
  const size = layout.bodySize;
  return {
    '--body-size': size,
    '--leading': layout.leading,
    '--title-size': layout.titleSize,
    '--title-leading': layout.titleSize * 1.12,
    '--heading-size': layout.headingSize,
    '--heading-leading': layout.headingSize * 1.15,
    '--small-size': layout.smallSize,
    '--small-leading': layout.smallSize * theme.leading,
    '--footer-leading': layout.smallSize * 1.3,
    '--subtitle-size': size * 1.15,
    '--subtitle-leading': size * 1.15 * theme.leading,
    '--quote-size': size * 1.2,
    '--quote-leading': size * 1.2 * theme.leading,
    '--banner-height': layout.smallSize * 1.8,
    '--banner-gap': size * 0.5,
    '--column-gap': layout.columnGap,
    '--paragraph-spacing': layout.paragraphSpacing,
    '--section-spacing': layout.sectionSpacing,
    '--block-spacing': layout.blockSpacing,
    '--band-pad-v': size * 0.9,
    '--band-pad-h': size * 1.1,
    '--box-pad': size * 0.7,
    '--after-label': size * 0.3,
    '--title-before': size * 0.3,
    '--subtitle-before': size * 0.1,
    '--dateline-before': size * 0.35,
    '--rule-gap': size * 0.2,
    '--after-rule': size * 0.45,
    '--quote-inset': size * 0.9,
    '--attribution-before': size * 0.25,
    '--indent': size * 1.2,
    '--footer-gap': size * 0.35,
    '--image-max-height': layout.page.height * 0.3,
  };
}

function properties(layout: Layout, theme: Theme): string {
  const { page } = layout;
  const c = theme.colours;
  const lengths = Object.entries(metrics(layout, theme)).map(([k, v]) => `${k}:${pt(v)};`);
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
    '--banner-bg': c.bannerBackground,
    '--banner-text': c.bannerText,
    '--link': c.link,
  };
  return lengths.join('') + Object.entries(vars).map(([k, v]) => `${k}:${v};`).join('');
}

/** On a phone the print sizes become CSS pixels from a 16 px body, keeping the theme's proportions. */
function phoneProperties(layout: Layout, theme: Theme): string {
  const scale = 16 / layout.bodySize;
  const lengths = metrics(layout, theme);
  // Small text stays at 13 px or more on a phone.
  const floor = 13 / scale;
  lengths['--small-size'] = Math.max(layout.smallSize, floor);
  lengths['--small-leading'] = Math.max(layout.smallSize, floor) * theme.leading;
  lengths['--footer-leading'] = Math.max(layout.smallSize, floor) * 1.3;
  delete lengths['--image-max-height'];
  return Object.entries(lengths)
    .map(([k, v]) => `${k}:${num(v * scale)}px;`)
    .join('');
}

export function stylesheet(layout: Layout, theme: Theme): string {
  const m = layout.page.margin;
  // The page box in print is the page less its margins; 1pt of slack keeps rounding from spilling a blank page.
  const printHeight = layout.page.height - m.top - m.bottom - 1;
  const onePage = layout.pages === 1;
  return `:root{${properties(layout, theme)}}
@page{size:${pt(layout.page.width)} ${pt(layout.page.height)};margin:${pt(m.top)} ${pt(m.right)} ${pt(m.bottom)} ${pt(m.left)}}
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
.banner{background:var(--banner-bg);color:var(--banner-text);font-weight:700;text-align:center;text-transform:uppercase;letter-spacing:.14em;font-size:var(--small-size);line-height:var(--banner-height);height:var(--banner-height);overflow:hidden}
.banner-top{margin-bottom:var(--banner-gap)}
.banner-bottom{margin-top:var(--banner-gap)}
.band{background:var(--header-bg);color:var(--header-text);padding:var(--band-pad-v) var(--band-pad-h);margin-bottom:var(--block-spacing)}
.kicker{display:flex;flex-wrap:wrap;column-gap:calc(var(--body-size) * 2);font-size:var(--small-size);line-height:var(--small-leading)}
.kind{font-weight:700;text-transform:uppercase;letter-spacing:.08em}
.org{margin-left:auto;text-align:right}
h1{font-family:var(--font-heading);font-weight:700;font-size:var(--title-size);line-height:var(--title-leading);margin-top:var(--title-before)}
.subtitle{font-family:var(--font-heading);font-size:var(--subtitle-size);line-height:var(--subtitle-leading);margin-top:var(--subtitle-before)}
.dateline,.participants{font-size:var(--small-size);line-height:var(--small-leading)}
.dateline,h1+.participants,.subtitle+.participants{margin-top:var(--dateline-before)}
.dateline+.participants{margin-top:var(--subtitle-before)}
.summary{background:var(--summary-bg);border-left:3pt solid var(--primary);padding:var(--box-pad);margin-bottom:var(--block-spacing);break-inside:avoid}
.label{font-size:var(--small-size);line-height:var(--small-leading);font-weight:700;text-transform:uppercase;letter-spacing:.08em;color:var(--primary)}
.flow>*+*,blockquote>*+*{margin-top:var(--paragraph-spacing)}
.flow>.label+*{margin-top:var(--after-label)}
.flow>*+.subhead{margin-top:calc(var(--paragraph-spacing) * 1.5)}
.key-points{margin-bottom:var(--block-spacing)}
ul,ol{padding-left:var(--indent)}
ul>li::marker{color:var(--accent)}
ul ul{list-style-type:"\\2013\\00a0\\00a0"}
ul ul ul{list-style-type:circle}
li+li{margin-top:calc(var(--paragraph-spacing) * .6)}
li>*+*{margin-top:calc(var(--paragraph-spacing) * .5)}
.task-item{list-style:none}
.task{display:inline-block;width:.7em;height:.7em;border:1pt solid var(--text);vertical-align:-.05em;margin-left:-.95em;margin-right:.25em}
.task.done{background:var(--primary);border-color:var(--primary)}
.pull-quote{margin-bottom:var(--block-spacing);padding-left:var(--quote-inset);border-left:3pt solid var(--accent);break-inside:avoid}
.pull-quote blockquote{border:0;padding:0;font-style:normal}
.pull-quote p{font-style:italic;font-size:var(--quote-size);line-height:var(--quote-leading);color:var(--primary)}
.pull-quote figcaption{font-size:var(--small-size);line-height:var(--small-leading);color:var(--muted);margin-top:var(--attribution-before)}
.sections{column-count:var(--columns);column-gap:var(--column-gap);column-fill:balance}
.sections>section+section{margin-top:var(--section-spacing)}
.section-title{font-family:var(--font-heading);font-weight:700;font-size:var(--heading-size);line-height:var(--heading-leading);color:var(--primary);border-bottom:.75pt solid var(--rule);padding-bottom:var(--rule-gap);margin-bottom:var(--after-rule)!important;break-after:avoid;break-inside:avoid}
.flow>.section-title+*{margin-top:0}
.subhead{font-family:var(--font-heading);font-size:var(--body-size);font-weight:700;color:var(--primary);break-after:avoid;break-inside:avoid}
p{orphans:2;widows:2}
blockquote{padding-left:calc(var(--quote-inset) - 2pt);border-left:2pt solid var(--rule);font-style:italic}
table{border-collapse:collapse;width:100%;font-size:var(--small-size);line-height:var(--small-leading)}
thead{break-after:avoid}
tr{break-inside:avoid}
th,td{border:.5pt solid var(--rule);padding:2.5pt;text-align:left;vertical-align:top;overflow-wrap:anywhere}
th{background:var(--summary-bg);font-weight:700}
.align-left{text-align:left}.align-center{text-align:center}.align-right{text-align:right}
code{font-family:var(--font-mono);font-size:.9em}
pre{font-family:var(--font-mono);font-size:var(--small-size);line-height:1.3;font-style:normal;font-weight:400;background:var(--summary-bg);padding:3pt;white-space:pre-wrap;overflow-wrap:anywhere;tab-size:4}
pre code{font-size:inherit}
.image img{display:block;width:100%;height:auto;max-height:var(--image-max-height);object-fit:contain;object-position:left top}
.image{break-inside:avoid}
.image figcaption{font-size:var(--small-size);line-height:var(--small-leading);color:var(--muted)}
hr{border:0;height:max(4pt,calc(var(--paragraph-spacing) * 2));background:linear-gradient(var(--rule),var(--rule)) center/100% .5pt no-repeat}
footer{margin-top:var(--block-spacing);font-size:var(--small-size);line-height:var(--footer-leading);color:var(--muted);break-inside:avoid}
.foot-line{display:flex;flex-wrap:wrap;column-gap:calc(var(--body-size) * 2);border-top:.5pt solid var(--rule);padding-top:var(--footer-gap)}
.foot-line .foot-right{margin-left:auto;text-align:right}
.foot-note{text-align:center}
@media print{
html{background:none}
.page{width:auto;${onePage ? `min-height:${pt(printHeight)};` : 'min-height:0;'}margin:0;padding:0;box-shadow:none}
}
@media screen and (max-width:700px){
:root{${phoneProperties(layout, theme)}}
html{background:#fff}
.page{width:auto;min-height:0;margin:0;padding:16px;box-shadow:none}
.sections{column-count:1}
.foot-line .foot-right{margin-left:0;text-align:left}
}
`;
}
