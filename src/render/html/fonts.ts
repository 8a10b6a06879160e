/**
 * Embedded fonts: the same TTF files the PDF uses (src/layout/fonts.ts), subset to exactly the characters each face
 * draws in this document and inlined as WOFF2 data URIs, so the HTML breaks lines like the PDF and opens offline.
 *
 * Handlers record every string they emit together with the face it is drawn in (`FontUsage.record`); characters the
 * text face lacks go to the fallback face the PDF picks for them (src/layout/runs.ts), so only the faces the document
 * uses are embedded, each subset to the characters it draws.
 */
import type { Face } from '../../layout/faces.js';
import type { FontStyle } from '../../layout/fonts.js';
import { splitByCoverage } from '../../layout/runs.js';
import type { FontFamily, Theme } from '../../theme/theme.js';
import { fontFaceFiles } from '../../layout/fonts.js';
import { subsetTrueType } from '../subset.js';
import { sfntToWoff2 } from './woff2.js';

/** Which face of the theme a run is set in; mirrors the CSS in css.ts. */
export type FaceRole = 'body' | 'heading' | 'mono';
/** The face a run is drawn in as the CSS names it (role, weight, style), before the fallback for what it lacks. */
export interface CssFace {
  role: FaceRole;
  bold: boolean;
  italic: boolean;
}

/** Subsets by file and text: a rebuild of an unchanged document skips HarfBuzz (the CJK face costs most). Bounded. */
const subsetCache = new Map<string, Promise<Buffer>>();
const SUBSET_CACHE_SIZE = 64;

/** Subsets the face's file as the layout read it (one copy per process: the CJK face alone is 5 MB). */
function subset(face: Face, text: string): Promise<Buffer> {
  const key = `${face.path}\u0000${text}`;
  let result = subsetCache.get(key);
  if (!result) {
    // HarfBuzz subsets to TrueType; our own WOFF2 packing (./woff2.ts) replaces subset-font's wasm encoder, which
    // cost ~100 ms per face per document.
    result = subsetTrueType(face, text).then(sfntToWoff2);
    subsetCache.set(key, result);
    result.catch(() => subsetCache.delete(key));
    const oldest = subsetCache.keys().next();
    if (subsetCache.size > SUBSET_CACHE_SIZE && !oldest.done) subsetCache.delete(oldest.value);
  }
  return result;
}

function styleOf(face: Pick<CssFace, 'bold' | 'italic'>): FontStyle {
  if (face.bold) return face.italic ? 'boldItalic' : 'bold';
  return face.italic ? 'italic' : 'regular';
}

/** The CSS generic family to fall back on when a face cannot load at all. */
export function genericFamily(family: FontFamily): string {
  // A house font falls back as its bundled fallback would.
  const like = fontFaceFiles(family).fallback ?? family;
  if (like === 'Tinos') return 'serif';
  if (like === 'Cousine') return 'monospace';
  return 'sans-serif';
}

interface FaceEntry {
  /** The face the layout loaded: its family name, file and bytes. */
  face: Face;
  weight: 400 | 700;
  italic: boolean;
  chars: Set<number>;
}

/** Collects, per embedded face, the characters the document draws with it. */
export class FontUsage {
  private readonly faces = new Map<string, FaceEntry>();

  constructor(private readonly theme: Theme) {}

  familyOf(role: FaceRole): FontFamily {
    return this.theme.fonts[role];
  }

  /** Notes that `text` is drawn in `face`. Layout controls (tab, newline) draw nothing and are skipped. */
  record(text: string, face: CssFace): void {
    for (const run of splitByCoverage(text, this.familyOf(face.role), styleOf(face))) {
      // Fallback faces have no italic: the PDF sets those runs upright, and so does the CSS (font-synthesis-style).
      const bold = run.face.style === 'bold' || run.face.style === 'boldItalic';
      const italic = run.face.style === 'italic' || run.face.style === 'boldItalic';
      const entry = this.entry(run.face, bold, italic);
      for (const char of run.text) {
        const codePoint = char.codePointAt(0) ?? 0;
        if (codePoint < 0x20 || codePoint === 0x7f) continue;
        entry.chars.add(codePoint);
      }
    }
  }

  private entry(face: Face, bold: boolean, italic: boolean): FaceEntry {
    const key = `${face.familyName}|${bold}|${italic}`;
    let entry = this.faces.get(key);
    if (!entry) {
      entry = { face, weight: bold ? 700 : 400, italic, chars: new Set() };
      this.faces.set(key, entry);
    }
    return entry;
  }

  /** `@font-face` rules with WOFF2 subsets as data URIs, in a fixed order so the output is byte-identical. */
  async fontFaceCss(): Promise<string> {
    const entries = [...this.faces.values()]
      .filter((e) => e.chars.size > 0)
      .sort((a, b) => `${a.face.familyName}|${a.weight}|${a.italic}`.localeCompare(`${b.face.familyName}|${b.weight}|${b.italic}`, 'en'));
    const rules = await Promise.all(
      entries.map(async (e) => {
        const text = String.fromCodePoint(...[...e.chars].sort((a, b) => a - b));
        const woff2 = await subset(e.face, text);
        return (
          `@font-face{font-family:"${e.face.familyName}";font-style:${e.italic ? 'italic' : 'normal'};` +
          `font-weight:${e.weight};font-display:block;` +
          `src:url(data:font/woff2;base64,${woff2.toString('base64')}) format("woff2")}`
        );
      }),
    );
    return rules.join('\n');
  }

  /** Characters per face, for tests and reports. */
  summary(): Array<{ family: string; weight: number; italic: boolean; chars: number }> {
    return [...this.faces.values()].map((e) => ({
      family: e.face.familyName,
      weight: e.weight,
      italic: e.italic,
      chars: e.chars.size,
    }));
  }
}
