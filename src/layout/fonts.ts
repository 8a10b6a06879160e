/**
 * The font files we embed and the Word fonts they stand in for.
 *
 * Every open face here is metric-compatible with a font Word users have, so the DOCX can name the Word font and
 * still break lines where the PDF does. The files come from npm packages (never system fonts, never downloaded at
 * run time). Text the body face lacks (kanji, kana, Hangul, Arabic, Hebrew, ballot boxes, emoji) falls back run by run to the first
 * face of FALLBACK_CHAIN that has it; fallback faces load only when a character needs them.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { BundledFamily, FontFamily } from '../theme/theme.js';

export type FontStyle = 'regular' | 'bold' | 'italic' | 'boldItalic';
export const FONT_STYLES: readonly FontStyle[] = ['regular', 'bold', 'italic', 'boldItalic'];

export interface FontFaceFiles {
  /** The family name the PDF and HTML use. */
  family: string;
  /** The Word font with the same metrics, named in the DOCX. */
  wordTwin: string;
  /** Absolute paths of the TTF files per style. */
  files: Record<FontStyle, string>;
  /** A house font's bundled family, which CSS and email stacks name after it. */
  fallback?: BundledFamily;
}

const require = createRequire(import.meta.url);

function packageDir(name: string): string {
  return dirname(require.resolve(`${name}/package.json`));
}

function expoFamily(pkg: string, prefix: string, family: string, wordTwin: string): FontFaceFiles {
  const dir = packageDir(`@expo-google-fonts/${pkg}`);
  const file = (weight: string): string => join(dir, weight, `${prefix}_${weight}.ttf`);
  return {
    family,
    wordTwin,
    files: {
      regular: file('400Regular'),
      bold: file('700Bold'),
      italic: file('400Regular_Italic'),
      boldItalic: file('700Bold_Italic'),
    },
  };
}

const registry: Record<BundledFamily, () => FontFaceFiles> = {
  Carlito: () => expoFamily('carlito', 'Carlito', 'Carlito', 'Calibri'),
  Arimo: () => expoFamily('arimo', 'Arimo', 'Arimo', 'Arial'),
  Tinos: () => expoFamily('tinos', 'Tinos', 'Tinos', 'Times New Roman'),
  Cousine: () => expoFamily('cousine', 'Cousine', 'Cousine', 'Courier New'),
};

/** House fonts of the templates this process loaded (src/theme/load.ts), by the name their template gives them. */
const houseFonts = new Map<string, FontFaceFiles>();

/**
 * Makes a template's house font known by its name; a second template giving the same name to other files is refused
 * (the faces are loaded once per process, by name), as is a name a bundled family has.
 */
export function registerHouseFont(files: FontFaceFiles): string | null {
  if (files.family in registry) return `"${files.family}" is a bundled family's name: give the house font another`;
  const known = houseFonts.get(files.family);
  if (known && JSON.stringify(known) !== JSON.stringify(files)) return `another template in this run has a house font "${files.family}" with other files: give one of them another name`;
  houseFonts.set(files.family, files);
  return null;
}

/** The house fonts known to this process (their Word names are embedded in the DOCX as theirs). */
export function houseFontFiles(): FontFaceFiles[] {
  return [...houseFonts.values()];
}

export function fontFaceFiles(family: FontFamily): FontFaceFiles {
  const bundled = (registry as Partial<Record<string, () => FontFaceFiles>>)[family];
  if (bundled) return bundled();
  const house = houseFonts.get(family);
  if (!house) throw new Error(`no font family "${family}" (the theme's schema accepts only bundled and house fonts)`);
  return house;
}

/** The fallback faces, in the order a character the text face lacks tries them. */
export const FALLBACK_IDS = ['latin', 'jp', 'kr', 'arabic', 'hebrew', 'symbols', 'emoji'] as const;
export type FallbackId = (typeof FALLBACK_IDS)[number];

/** Which Word font slot names a fallback run's font: East Asian, complex script (RTL), or the plain ASCII/hAnsi slots. */
export type WordSlot = 'eastAsia' | 'cs' | 'ascii';

export interface FallbackFace {
  id: FallbackId;
  /** The family name CSS uses and the PDF's base font shows, e.g. "Noto Sans KR". */
  family: string;
  /** Prefix of the face key the PDF registers, e.g. "NotoSansKR" → "NotoSansKR-bold". */
  keyPrefix: string;
  /** TTF paths (resolved on first use, so a Latin-only build never even resolves the package). No italics anywhere. */
  files(): { regular: string; bold?: string };
  /**
   * The Word font runs of this script name, and the rFonts slot that names it: a font every Windows and Mac Word has,
   * or the face's own name where a Word font would break lines elsewhere than the PDF (the DOCX embeds the face under
   * the name it gives; src/render/docx/embedded-fonts.ts).
   */
  word: { slot: WordSlot; font: string };
  /** Right-to-left script: the DOCX marks its runs w:rtl, the HTML isolates them with <bdi>. */
  rtl: boolean;
  /**
   * Code point ranges this face is for. A character the text face lacks tries the faces whose ranges hold it first,
   * so an emoji never loads the 5 MB CJK faces just to learn they lack it; the rest of the chain is the last resort.
   */
  ranges: ReadonlyArray<readonly [number, number]>;
}

function expoFiles(pkg: string, prefix: string, bold: boolean): () => { regular: string; bold?: string } {
  let files: { regular: string; bold?: string } | undefined;
  return () => {
    if (!files) {
      const dir = packageDir(`@expo-google-fonts/${pkg}`);
      files = { regular: join(dir, '400Regular', `${prefix}_400Regular.ttf`) };
      if (bold) files.bold = join(dir, '700Bold', `${prefix}_700Bold.ttf`);
    }
    return files;
  };
}

const CJK_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x2e80, 0x9fff],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xffef],
  [0x20000, 0x3ffff],
];

/**
 * The fallback chain. Japanese comes before Korean so shared ideographs (石破茂) take Japanese forms, as the product
 * promises for Japanese names; Hangul is only in the Korean face. Word names fonts every Word has for CJK and emoji,
 * and the DOCX embeds the Noto face under that name; Arabic and Hebrew name their Noto face itself, which the DOCX
 * embeds, since Arial (every Word's complex-script font) is embedded as Arimo, which has no Arabic.
 */
export const FALLBACK_CHAIN: readonly FallbackFace[] = [
  {
    // Carlito has no combining marks and little Latin beyond Europe's languages (no "ȩ̀", "ǵ"): Arimo has both, and
    // its Word twin, Arial, is on every Word installation.
    id: 'latin',
    family: 'Arimo Fallback',
    keyPrefix: 'ArimoFallback',
    files: () => {
      const { files } = fontFaceFiles('Arimo');
      return { regular: files.regular, bold: files.bold };
    },
    word: { slot: 'ascii', font: 'Arial' },
    rtl: false,
    ranges: [
      [0x0180, 0x02ff],
      [0x0300, 0x036f],
      [0x1ab0, 0x1aff],
      [0x1d00, 0x1eff],
      [0x20d0, 0x20ff],
      [0x2c60, 0x2c7f],
      [0xa720, 0xa7ff],
      [0xfe20, 0xfe2f],
    ],
  },
  {
    id: 'jp',
    family: 'Noto Sans JP',
    keyPrefix: 'NotoSansJP',
    files: expoFiles('noto-sans-jp', 'NotoSansJP', true),
    word: { slot: 'eastAsia', font: 'Yu Gothic' },
    rtl: false,
    ranges: CJK_RANGES,
  },
  {
    id: 'kr',
    family: 'Noto Sans KR',
    keyPrefix: 'NotoSansKR',
    files: expoFiles('noto-sans-kr', 'NotoSansKR', true),
    word: { slot: 'eastAsia', font: 'Malgun Gothic' },
    rtl: false,
    ranges: [[0x1100, 0x11ff], [0x3130, 0x318f], [0xa960, 0xa97f], [0xac00, 0xd7ff], ...CJK_RANGES],
  },
  {
    id: 'arabic',
    family: 'Noto Sans Arabic',
    keyPrefix: 'NotoSansArabic',
    files: expoFiles('noto-sans-arabic', 'NotoSansArabic', true),
    word: { slot: 'cs', font: 'Noto Sans Arabic' },
    rtl: true,
    ranges: [[0x0600, 0x06ff], [0x0750, 0x077f], [0x0870, 0x08ff], [0xfb50, 0xfdff], [0xfe70, 0xfeff]],
  },
  {
    id: 'hebrew',
    family: 'Noto Sans Hebrew',
    keyPrefix: 'NotoSansHebrew',
    files: expoFiles('noto-sans-hebrew', 'NotoSansHebrew', true),
    word: { slot: 'cs', font: 'Noto Sans Hebrew' },
    rtl: true,
    ranges: [[0x0590, 0x05ff], [0xfb1d, 0xfb4f]],
  },
  {
    // The ballot boxes ☐ ☑ ☒ (a task item's box, src/layout/markers.ts): no text face has them, and Noto Emoji has
    // only ☑, drawn otherwise. Word has no such font, so it uses the face the DOCX embeds under this name.
    id: 'symbols',
    family: 'Noto Sans Symbols 2',
    keyPrefix: 'NotoSansSymbols2',
    files: expoFiles('noto-sans-symbols-2', 'NotoSansSymbols2', false),
    word: { slot: 'ascii', font: 'Noto Sans Symbols 2' },
    rtl: false,
    ranges: [[0x2610, 0x2612]],
  },
  {
    id: 'emoji',
    family: 'Noto Emoji',
    keyPrefix: 'NotoEmoji',
    files: expoFiles('noto-emoji', 'NotoEmoji', true),
    word: { slot: 'ascii', font: 'Segoe UI Emoji' },
    rtl: false,
    // Arrows, technical symbols, geometric shapes, dingbats and the emoji planes; never General Punctuation.
    ranges: [[0x2190, 0x21ff], [0x2300, 0x23ff], [0x25a0, 0x27bf], [0x2900, 0x297f], [0x2b00, 0x2bff], [0x1f000, 0x1faff]],
  },
];

export function fallbackFace(id: FallbackId): FallbackFace {
  return FALLBACK_CHAIN.find((f) => f.id === id)!; // ids and chain are declared together
}
