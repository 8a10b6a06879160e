/**
 * The font files we embed and the Word fonts they stand in for.
 *
 * Every open face here is metric-compatible with a font Word users have, so the DOCX can name the Word font and
 * still break lines where the PDF does. The files come from npm packages (never system fonts, never downloaded at
 * run time). Text the body face lacks (kanji, kana, Hangul, Chinese) falls back to Noto Sans JP by run.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { FontFamily } from '../theme/theme.js';

export type FontStyle = 'regular' | 'bold' | 'italic' | 'boldItalic';
export const FONT_STYLES: readonly FontStyle[] = ['regular', 'bold', 'italic', 'boldItalic'];

export interface FontFaceFiles {
  /** The family name the PDF and HTML use. */
  family: string;
  /** The Word font with the same metrics, named in the DOCX. */
  wordTwin: string;
  /** Absolute paths of the TTF files per style. */
  files: Record<FontStyle, string>;
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

const registry: Record<FontFamily, () => FontFaceFiles> = {
  Carlito: () => expoFamily('carlito', 'Carlito', 'Carlito', 'Calibri'),
  Arimo: () => expoFamily('arimo', 'Arimo', 'Arimo', 'Arial'),
  Tinos: () => expoFamily('tinos', 'Tinos', 'Tinos', 'Times New Roman'),
  Cousine: () => expoFamily('cousine', 'Cousine', 'Cousine', 'Courier New'),
};

export function fontFaceFiles(family: FontFamily): FontFaceFiles {
  return registry[family]();
}

/**
 * The CJK fallback. It has no italic; bold is a real weight. Word names it by an East Asian font every Windows and
 * Mac Word has (`w:eastAsia`), and LibreOffice maps that to the installed Noto CJK face.
 */
export const CJK_FALLBACK = {
  family: 'Noto Sans JP',
  wordEastAsia: 'Yu Gothic',
  files: (() => {
    const dir = packageDir('@expo-google-fonts/noto-sans-jp');
    return {
      regular: join(dir, '400Regular', 'NotoSansJP_400Regular.ttf'),
      bold: join(dir, '700Bold', 'NotoSansJP_700Bold.ttf'),
    };
  })(),
} as const;
