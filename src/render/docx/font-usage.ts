/**
 * Which characters each Word font draws, in which style, read from the compiled package: the parts are what Word and
 * LibreOffice lay out, so the faces embedded for them are subset from the same text, fonts and styles (the
 * generated ones or a reference document's). Runs get their font and bold/italic/caps from the document defaults,
 * the paragraph style, the character style and direct formatting; each character then takes the font of the rFonts
 * slot it falls in.
 *
 * Where Word and LibreOffice decide differently, a character counts for both, so neither finds a glyph missing:
 * - slots: Word picks by code point (East Asian ranges → eastAsia, right-to-left → cs, else ascii/hAnsi);
 *   LibreOffice by script, and punctuation, digits and spaces take the script of the text before them (the ")" in
 *   "(石破茂)" is drawn in the East Asian font).
 * - styles: bold, italic and caps are toggle properties (ECMA-376 §17.7.3): a character style setting one over a
 *   paragraph style that sets it too turns it off, and one setting it false (Band Organisation) may leave it on;
 *   LibreOffice lets the character style's value win. Both readings are collected.
 */
import type { FontStyle } from '../../layout/fonts.js';
import { FALLBACK_CHAIN } from '../../layout/fonts.js';
import { isStrongRtl } from '../../layout/runs.js';
import type { Parts } from './package.js';

/** Characters per Word font name and style. */
export type FontUsage = Map<string, Map<FontStyle, Set<number>>>;

type Slot = 'ascii' | 'hAnsi' | 'eastAsia' | 'cs';
const SLOTS: readonly Slot[] = ['ascii', 'hAnsi', 'eastAsia', 'cs'];
type Toggle = 'bold' | 'italic' | 'caps';
const TOGGLES: readonly Toggle[] = ['bold', 'italic', 'caps'];

/** Run properties as one level of the hierarchy states them: only what it sets. */
interface Props {
  fonts: Partial<Record<Slot, string>>;
  bold?: boolean;
  italic?: boolean;
  caps?: boolean;
  /** The run is right to left or complex script (w:rtl, w:cs): Word sets all of it in the cs font. */
  complex?: boolean;
  eastAsiaHint?: boolean;
  /** Character style (w:rStyle) of a run. */
  style?: string;
}

interface Style {
  basedOn?: string;
  props: Props;
}

interface Level {
  text: string;
  format: string;
  props: Props;
}

/** What the parts say about styles and numbering, read once per package. */
interface Sheet {
  theme: ThemeFonts;
  defaults: Props;
  styles: Map<string, Style>;
  /** Resolved styles (styleProps), filled as runs ask. */
  resolved: Map<string, Props>;
  defaultParagraphStyle?: string;
  /** numId → ilvl → level. */
  numbering: Map<string, Map<string, Level>>;
}

const CONTENT_PART = /^word\/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$/;

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
    e.startsWith('#x') ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : (ENTITY[e] ?? ''),
  );
}

const attributePatterns = new Map<string, RegExp>();
function attr(attrs: string, name: string): string | undefined {
  let pattern = attributePatterns.get(name);
  if (!pattern) attributePatterns.set(name, (pattern = new RegExp(`\\b${name}="([^"]*)"`)));
  const value = pattern.exec(attrs)?.[1];
  return value === undefined ? undefined : unescapeXml(value);
}

const onOff = (attrs: string | undefined): boolean => !/\bw:val="(false|0|off)"/.test(attrs ?? '');

/** The theme's fonts by the names rFonts refers to them with (majorHAnsi, minorEastAsia …). */
type ThemeFonts = Partial<Record<string, string>>;
const THEME_ATTRIBUTE: Record<Slot, string> = { ascii: 'w:asciiTheme', hAnsi: 'w:hAnsiTheme', eastAsia: 'w:eastAsiaTheme', cs: 'w:cstheme' };

/** The major and minor fonts of a theme part (a reference document's styles may name them instead of fonts). */
function readThemeFonts(xml: string): ThemeFonts {
  const fonts: ThemeFonts = {};
  for (const kind of ['major', 'minor'] as const) {
    const scheme = new RegExp(`<a:${kind}Font>([\\s\\S]*?)</a:${kind}Font>`).exec(xml)?.[1] ?? '';
    const typeface = (tag: string): string | undefined => new RegExp(`<a:${tag}\\b[^>]*\\btypeface="([^"]+)"`).exec(scheme)?.[1];
    const latin = typeface('latin');
    const values: Record<string, string | undefined> = { Ascii: latin, HAnsi: latin, EastAsia: typeface('ea'), Bidi: typeface('cs') };
    for (const [name, value] of Object.entries(values)) if (value) fonts[`${kind}${name}`] = unescapeXml(value);
  }
  return fonts;
}

/** The properties a `w:rPr` element's content sets. */
function parseProps(rPr: string, theme: ThemeFonts): Props {
  const props: Props = { fonts: {} };
  if (rPr === '') return props;
  const fonts = /<w:rFonts\b([^>]*)>/.exec(rPr)?.[1];
  if (fonts) {
    for (const slot of SLOTS) {
      // A theme font, when named, is the one used (ECMA-376 §17.3.2.26).
      const themed = attr(fonts, THEME_ATTRIBUTE[slot]);
      const name = (themed ? theme[themed] : undefined) ?? attr(fonts, `w:${slot}`);
      if (name) props.fonts[slot] = name;
    }
    if (attr(fonts, 'w:hint') === 'eastAsia') props.eastAsiaHint = true;
  }
  for (const match of rPr.matchAll(/<w:(b|i|caps|smallCaps|rtl|cs|rStyle)(\s[^>]*)?\/>/g)) {
    const [, name, attrs] = match;
    if (name === 'b') props.bold = onOff(attrs);
    else if (name === 'i') props.italic = onOff(attrs);
    else if (name === 'caps' || name === 'smallCaps') props.caps = (props.caps ?? false) || onOff(attrs);
    else if (name === 'rtl' || name === 'cs') props.complex = (props.complex ?? false) || onOff(attrs);
    else if (name === 'rStyle') {
      const id = attr(attrs ?? '', 'w:val');
      if (id) props.style = id;
    }
  }
  return props;
}

/** `over`'s settings on top of `base`'s. */
function merge(base: Props, over: Props): Props {
  const out: Props = { ...base, ...definedOnly(over), fonts: { ...base.fonts, ...over.fonts } };
  return out;
}

function definedOnly(props: Props): Partial<Props> {
  const out: Partial<Props> = {};
  for (const [key, value] of Object.entries(props) as [keyof Props, Props[keyof Props]][]) {
    if (value !== undefined && key !== 'fonts') (out as Record<string, unknown>)[key] = value;
  }
  return out;
}

const NO_PROPS: Props = { fonts: {} };

const firstRPr = (xml: string): string => /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(xml)?.[1] ?? '';

function readSheet(parts: Parts, themePart: string | Uint8Array | undefined): Sheet {
  const theme = readThemeFonts(text(themePart ?? parts.get('word/theme/theme1.xml')));
  const styles = new Map<string, Style>();
  const stylesXml = text(parts.get('word/styles.xml'));
  const defaults = parseProps(/<w:rPrDefault>\s*<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(stylesXml)?.[1] ?? '', theme);
  let defaultParagraphStyle: string | undefined;
  for (const match of stylesXml.matchAll(/<w:style\b([^>]*)>([\s\S]*?)<\/w:style>/g)) {
    const [, attrs = '', body = ''] = match;
    const id = attr(attrs, 'w:styleId');
    if (!id) continue;
    const basedOn = /<w:basedOn w:val="([^"]*)"/.exec(body)?.[1];
    styles.set(id, { ...(basedOn ? { basedOn } : {}), props: parseProps(firstRPr(body), theme) });
    if (attr(attrs, 'w:type') === 'paragraph' && /^(1|true|on)$/.test(attr(attrs, 'w:default') ?? '')) defaultParagraphStyle = id;
  }
  return { theme, defaults, styles, resolved: new Map(), ...(defaultParagraphStyle ? { defaultParagraphStyle } : {}), numbering: readNumbering(text(parts.get('word/numbering.xml')), theme) };
}

function readNumbering(xml: string, theme: ThemeFonts): Map<string, Map<string, Level>> {
  const abstract = new Map<string, Map<string, Level>>();
  for (const match of xml.matchAll(/<w:abstractNum\b[^>]*w:abstractNumId="([^"]*)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g)) {
    const levels = new Map<string, Level>();
    for (const lvl of (match[2] ?? '').matchAll(/<w:lvl\b[^>]*w:ilvl="([^"]*)"[^>]*>([\s\S]*?)<\/w:lvl>/g)) {
      const body = lvl[2] ?? '';
      levels.set(lvl[1] ?? '', {
        text: unescapeXml(/<w:lvlText w:val="([^"]*)"/.exec(body)?.[1] ?? ''),
        format: /<w:numFmt w:val="([^"]*)"/.exec(body)?.[1] ?? 'decimal',
        props: parseProps(firstRPr(body), theme),
      });
    }
    abstract.set(match[1] ?? '', levels);
  }
  const numbering = new Map<string, Map<string, Level>>();
  for (const match of xml.matchAll(/<w:num\b[^>]*w:numId="([^"]*)"[^>]*>([\s\S]*?)<\/w:num>/g)) {
    const levels = abstract.get(/<w:abstractNumId w:val="([^"]*)"/.exec(match[2] ?? '')?.[1] ?? '');
    if (levels) numbering.set(match[1] ?? '', levels);
  }
  return numbering;
}

const text = (data: string | Uint8Array | undefined): string => (typeof data === 'string' ? data : data ? new TextDecoder().decode(data) : '');

/** A style's properties with those of the styles it is based on beneath (a loop in basedOn stops the walk). */
function styleProps(sheet: Sheet, id: string | undefined): Props {
  if (id === undefined) return NO_PROPS;
  const known = sheet.resolved.get(id);
  if (known) return known;
  const chain: Props[] = [];
  const seen = new Set<string>();
  for (let at: string | undefined = id; at && !seen.has(at); at = sheet.styles.get(at)?.basedOn) {
    seen.add(at);
    const style = sheet.styles.get(at);
    if (style) chain.unshift(style.props);
  }
  const props = chain.reduce(merge, NO_PROPS);
  sheet.resolved.set(id, props);
  return props;
}

/** Characters a numbering format draws. */
const NUMBER_CHARACTERS: Record<string, string> = {
  decimal: '0123456789',
  decimalZero: '0123456789',
  lowerLetter: 'abcdefghijklmnopqrstuvwxyz',
  upperLetter: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  lowerRoman: 'ivxlcdm',
  upperRoman: 'IVXLCDM',
};

const EAST_ASIAN_RANGES = FALLBACK_CHAIN.filter((f) => f.word.slot === 'eastAsia').flatMap((f) => f.ranges);
/**
 * Characters with no script of their own (punctuation, digits, spaces, symbols, marks), LibreOffice's weak ones: here
 * whatever has no case, outside the East Asian and right-to-left ranges. A `\p{Script=Common}` class said the same
 * for the text we write but took ~6 ms to compile in every process; an uncased letter of another script (Thai) counts
 * as weak and is looked for in the fonts of the text around it, which costs a character in a subset at most.
 */
const isWeak = (char: string): boolean => char.toLowerCase() === char.toUpperCase();

const EAST_ASIAN = 1;
const RTL = 2;
const WEAK_CHAR = 4;
/** Class bits per code point (the same few hundred characters come back in every paragraph). */
const classes = new Map<number, number>();
function classOf(char: string, cp: number): number {
  let bits = classes.get(cp);
  if (bits === undefined) {
    bits = (EAST_ASIAN_RANGES.some(([from, to]) => cp >= from && cp <= to) ? EAST_ASIAN : 0) | (isStrongRtl(cp) ? RTL : 0) | (isWeak(char) ? WEAK_CHAR : 0);
    if (classes.size < 100_000) classes.set(cp, bits);
  }
  return bits;
}

type Script = 'latin' | 'asian' | 'complex';
/** LibreOffice's script of a character, or null for a weak one. */
function strongScript(bits: number): Script | null {
  if (bits & EAST_ASIAN) return 'asian';
  if (bits & RTL) return 'complex';
  return bits & WEAK_CHAR ? null : 'latin';
}

/** One piece of text of a paragraph with the properties it is drawn with (several readings of bold/italic/caps). */
interface Piece {
  text: string;
  fonts: Partial<Record<Slot, string>>;
  styles: FontStyle[];
  complex: boolean;
  eastAsiaHint: boolean;
}

/** The values a toggle property may take: direct formatting decides; otherwise Word's and LibreOffice's readings. */
function toggleValues(paragraph: Props, character: Props, direct: Props, name: Toggle): boolean[] {
  const set = direct[name];
  if (set !== undefined) return [set];
  const inherited = paragraph[name] ?? false;
  const byStyle = character[name];
  const libreOffice = byStyle ?? inherited;
  const word = byStyle === true ? !inherited : inherited;
  return libreOffice === word ? [word] : [libreOffice, word];
}

function piece(sheet: Sheet, paragraph: Props, direct: Props, content: string): Piece {
  const character = styleProps(sheet, direct.style);
  const values = Object.fromEntries(TOGGLES.map((t) => [t, toggleValues(paragraph, character, direct, t)])) as Record<Toggle, boolean[]>;
  const styles = new Set<FontStyle>();
  for (const bold of values.bold) for (const italic of values.italic) styles.add(bold ? (italic ? 'boldItalic' : 'bold') : italic ? 'italic' : 'regular');
  const caps = values.caps.includes(true);
  return {
    text: caps ? content + content.toUpperCase() : content,
    fonts: { ...paragraph.fonts, ...character.fonts, ...direct.fonts },
    styles: [...styles],
    complex: direct.complex ?? character.complex ?? paragraph.complex ?? false,
    eastAsiaHint: direct.eastAsiaHint ?? character.eastAsiaHint ?? false,
  };
}

/** The pieces of one `w:p`: the numbering's label, then each run's text. */
function paragraphPieces(sheet: Sheet, xml: string): Piece[] {
  const pPr = /<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(xml)?.[1] ?? '';
  const styleId = /<w:pStyle w:val="([^"]*)"/.exec(pPr)?.[1] ?? sheet.defaultParagraphStyle;
  const paragraph = merge(sheet.defaults, styleProps(sheet, styleId));
  const pieces: Piece[] = [];
  const numId = /<w:numId w:val="([^"]*)"/.exec(pPr)?.[1];
  const level = numId ? sheet.numbering.get(numId)?.get(/<w:ilvl w:val="([^"]*)"/.exec(pPr)?.[1] ?? '0') : undefined;
  if (level) {
    const label = level.text.replace(/%\d/g, '') + (level.text.includes('%') ? (NUMBER_CHARACTERS[level.format] ?? NUMBER_CHARACTERS.decimal) : '');
    if (label) pieces.push(piece(sheet, paragraph, level.props, label));
  }
  for (const run of xml.matchAll(/<w:r(?=[\s>])[^>]*>([\s\S]*?)<\/w:r>/g)) {
    const body = run[1] ?? '';
    const content = [...body.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => unescapeXml(t[1] ?? '')).join('');
    if (content) pieces.push(piece(sheet, paragraph, parseProps(firstRPr(body), sheet.theme), content));
  }
  return pieces;
}

/** Word's slot for a character of a piece. */
function wordSlot(piece: Piece, bits: number, cp: number): Slot {
  if (piece.complex || bits & RTL) return 'cs';
  if (bits & EAST_ASIAN) return 'eastAsia';
  if (piece.eastAsiaHint && cp >= 0x80 && bits & WEAK_CHAR) return 'eastAsia';
  return cp < 0x80 ? 'ascii' : 'hAnsi';
}

const LIBREOFFICE_SLOT: Record<Script, Slot> = { latin: 'ascii', asian: 'eastAsia', complex: 'cs' };

/** Text drawn per Word font and style, in chunks: characters are counted once, at the end. */
class Collector {
  private readonly chunks = new Map<string, Map<FontStyle, string[]>>();

  add(font: string | undefined, styles: readonly FontStyle[], text: string): void {
    if (!font || !text) return;
    let byStyle = this.chunks.get(font);
    if (!byStyle) this.chunks.set(font, (byStyle = new Map()));
    for (const style of styles) {
      const list = byStyle.get(style);
      if (list) list.push(text);
      else byStyle.set(style, [text]);
    }
  }

  usage(): FontUsage {
    const usage: FontUsage = new Map();
    for (const [font, byStyle] of this.chunks) {
      const out = new Map<FontStyle, Set<number>>();
      for (const [style, list] of byStyle) {
        const chars = new Set<number>();
        for (const char of new Set(list.join(''))) {
          const cp = char.codePointAt(0)!; // never empty
          if (cp >= 0x20) chars.add(cp);
        }
        out.set(style, chars);
      }
      usage.set(font, out);
    }
    return usage;
  }
}

/** Text with nothing East Asian or right to left in it, where Word's and LibreOffice's choice is the Latin font. */
const LATIN_ONLY = /^[^\u0590-\uffff]*$/;

/** Adds each character of a paragraph to the fonts Word and LibreOffice draw it in. */
function addParagraph(pieces: readonly Piece[], out: Collector): void {
  if (pieces.every((pc) => LATIN_ONLY.test(pc.text))) {
    for (const pc of pieces) {
      const word = pc.complex ? pc.fonts.cs : pc.fonts.ascii;
      out.add(word, pc.styles, pc.text);
      if (pc.fonts.hAnsi !== word) out.add(pc.fonts.hAnsi, pc.styles, pc.text);
      if (pc.fonts.ascii !== word) out.add(pc.fonts.ascii, pc.styles, pc.text);
    }
    return;
  }
  // LibreOffice's script: a weak character takes the script before it, or at the start the first one after it.
  let first: Script | null = null;
  for (const pc of pieces) {
    for (const char of pc.text) {
      first = strongScript(classOf(char, char.codePointAt(0)!)); // a for…of character is never empty
      if (first) break;
    }
    if (first) break;
  }
  let script: Script = first ?? 'latin';
  for (const pc of pieces) {
    for (const char of pc.text) {
      const cp = char.codePointAt(0)!; // never empty
      const bits = classOf(char, cp);
      script = strongScript(bits) ?? script;
      const word = pc.fonts[wordSlot(pc, bits, cp)] ?? pc.fonts.ascii;
      out.add(word, pc.styles, char);
      const libreOffice = pc.fonts[LIBREOFFICE_SLOT[script]];
      if (libreOffice !== word) out.add(libreOffice, pc.styles, char);
    }
  }
}

/** `theme`: the theme part the package will carry when it is not the compiled one (a reference document's). */
export function fontUsage(parts: Parts, theme?: string | Uint8Array): FontUsage {
  const sheet = readSheet(parts, theme);
  const out = new Collector();
  for (const [name, data] of parts) {
    if (!CONTENT_PART.test(name)) continue;
    for (const p of text(data).matchAll(/<w:p(?=[\s>])[^>]*>([\s\S]*?)<\/w:p>/g)) addParagraph(paragraphPieces(sheet, p[1] ?? ''), out);
  }
  return out.usage();
}
