/**
 * A reference.docx restyles the generated styles instead of replacing them. Pandoc's way (the reference's styles.xml
 * wholesale) dropped the styles the page needs (banner, band, lists, table) and put the reference's sizes and spacing
 * in place of the ones the fit decided, so the Word file ran to two pages. Here the generated styles.xml is kept, and
 * for every style both have, and for the document defaults, the reference's house look (fonts, colours, bold, italic,
 * underline, capitals) is laid over the style's run properties; sizes, spacing, borders and shading stay the layout's.
 */
import { contrast } from '../../theme/markings.js';
import { STYLE } from './style-ids.js';

/** The run properties a house style is made of: what the reference may change. */
const HOUSE = ['rFonts', 'b', 'bCs', 'i', 'iCs', 'caps', 'smallCaps', 'color', 'u'] as const;

/** The order of a run's properties in the schema (CT_RPr): Word refuses a style whose children are out of order. */
const RPR_ORDER = [
  'rStyle', 'rFonts', 'b', 'bCs', 'i', 'iCs', 'caps', 'smallCaps', 'strike', 'dstrike', 'outline', 'shadow', 'emboss', 'imprint', 'noProof',
  'snapToGrid', 'vanish', 'webHidden', 'color', 'spacing', 'w', 'kern', 'position', 'sz', 'szCs', 'highlight', 'u', 'effect', 'bdr', 'shd',
  'fitText', 'vertAlign', 'rtl', 'cs', 'em', 'lang', 'eastAsianLayout', 'specVanish', 'oMath',
];

export interface MergedStyles {
  /** The generated styles.xml with the reference's house look laid over it. */
  xml: string;
  /** Names of the page's styles the reference restyled ("Heading 1"), and of those it lacks (they keep the template's look). */
  restyled: string[];
  lacking: string[];
  /** Styles whose reference colour was not readable on what they are set on, so kept the template's: "Title (345A8A on 14365D)". */
  unreadable: string[];
}

/** WCAG's contrast for text: what a reference's colour must reach on the background its style is set on. */
const READABLE = 4.5;

const STYLE_ELEMENT = /<w:style\b[^>]*?\bw:styleId="([^"]+)"[^>]*>[\s\S]*?<\/w:style>/g;
const RUN_PROPERTIES = /<w:rPr>([\s\S]*?)<\/w:rPr>|<w:rPr\/>/;
/** One child element of a run's properties: empty (`<w:b/>`) or with content. */
const CHILD = /<w:([A-Za-z]+)\b[^>]*?(?:\/>|>[\s\S]*?<\/w:\1>)/g;

/** The child elements of an rPr, by local name. */
function children(rPr: string): Map<string, string> {
  return new Map([...rPr.matchAll(CHILD)].map((m) => [m[1]!, m[0]]));
}

/** `target`'s run properties with the house ones of `source` in their place (or added), in schema order. */
function overlay(target: Map<string, string>, source: Map<string, string>): { merged: string; changed: boolean } {
  const merged = new Map(target);
  let changed = false;
  for (const name of HOUSE) {
    const element = source.get(name);
    if (element === undefined) continue;
    if (merged.get(name) !== element) changed = true;
    merged.set(name, element);
  }
  const rank = (name: string): number => (RPR_ORDER.indexOf(name) + 1 || RPR_ORDER.length + 1);
  const ordered = [...merged].sort((a, b) => rank(a[0]) - rank(b[0])).map(([, element]) => element);
  return { merged: `<w:rPr>${ordered.join('')}</w:rPr>`, changed };
}

/** A style's (or the defaults') rPr children; empty when it has none. */
function runOf(xml: string): Map<string, string> {
  return children(RUN_PROPERTIES.exec(xml)?.[1] ?? '');
}

/** `element` (a w:style or a w:rPrDefault) with its run properties overlaid; a style without any gets them after its pPr. */
function withRun(element: string, source: Map<string, string>, closing: string): { xml: string; changed: boolean } {
  const { merged, changed } = overlay(runOf(element), source);
  if (RUN_PROPERTIES.test(element)) return { xml: element.replace(RUN_PROPERTIES, () => merged), changed };
  return { xml: element.replace(closing, () => `${merged}${closing}`), changed };
}

const nameOf = (style: string): string | undefined => /<w:name w:val="([^"]*)"/.exec(style)?.[1];

/**
 * `backgrounds`: the colour (#RRGGBB) a style's text is set on, for the styles on a coloured ground (the band, the
 * banner, the summary box): there a reference colour that is not readable is left out, e.g. Pandoc's blue Title on a
 * navy band.
 */
export function mergeReferenceStyles(generated: string, reference: string, backgrounds: Readonly<Record<string, string>> = {}): MergedStyles {
  const referenceStyles = new Map([...reference.matchAll(STYLE_ELEMENT)].map((m) => [m[1]!, m[0]]));
  // Word names its built-in styles in lower case ("heading 1") and a localised Word may give them other ids
  // ("berschrift1"), so a style the reference lacks by id is looked up by name too.
  const byName = new Map([...referenceStyles.values()].map((element) => [nameOf(element)?.toLowerCase() ?? '', element]));
  const ours = new Set<string>(Object.values(STYLE));
  const restyled: string[] = [];
  const lacking: string[] = [];
  const unreadable: string[] = [];
  let xml = generated.replace(STYLE_ELEMENT, (element, id: string) => {
    if (!ours.has(id)) return element;
    const name = nameOf(element) ?? id;
    const theirs = referenceStyles.get(id) ?? byName.get(name.toLowerCase());
    if (!theirs) {
      lacking.push(name);
      return element;
    }
    const run = runOf(theirs);
    const ground = backgrounds[id];
    const colour = /w:val="([0-9A-Fa-f]{6})"/.exec(run.get('color') ?? '')?.[1];
    if (ground && colour && contrast(`#${colour}`, ground) < READABLE) {
      run.delete('color');
      unreadable.push(`${name} (${colour.toUpperCase()} on ${ground.slice(1).toUpperCase()})`);
    }
    const result = withRun(element, run, '</w:style>');
    if (result.changed) restyled.push(name);
    return result.xml;
  });
  // The document defaults: the reference's body font and text colour.
  const theirDefaults = /<w:rPrDefault>[\s\S]*?<\/w:rPrDefault>/.exec(reference)?.[0];
  if (theirDefaults) {
    xml = xml.replace(/<w:rPrDefault>[\s\S]*?<\/w:rPrDefault>|<w:rPrDefault\/>/, (element) => {
      const result = withRun(element === '<w:rPrDefault/>' ? '<w:rPrDefault></w:rPrDefault>' : element, runOf(theirDefaults), '</w:rPrDefault>');
      if (result.changed) restyled.unshift('the document defaults');
      return result.xml;
    });
  }
  return { xml, restyled, lacking, unreadable };
}

/** The warning a build gives for a reference document: what it restyled, that the layout kept its sizes, what it lacks. */
export function referenceWarning(path: string, merged: MergedStyles): string {
  const restyled = merged.restyled.length > 0 ? `restyles ${merged.restyled.join(', ')} (fonts, colours, bold, italic)` : 'restyles none of the styles the page uses';
  const lacking = merged.lacking.length > 0 ? `; it has no ${merged.lacking.join(', ')}, which keep the template's look` : '';
  const unreadable = merged.unreadable.length > 0 ? `; its colours for ${merged.unreadable.join(', ')} are not readable there, so those keep the template's` : '';
  return `${path}: ${restyled}; sizes and spacing stay the layout's, so the page still fits${unreadable}${lacking}`;
}
