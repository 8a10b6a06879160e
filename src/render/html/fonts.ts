/**
 * Embedded fonts: the same TTF files the PDF uses (src/layout/fonts.ts), subset to exactly the characters each face
 * draws in this document and inlined as WOFF2 data URIs, so the HTML breaks lines like the PDF and opens offline.
 *
 * Handlers record every string they emit together with the face it is drawn in (`FontUsage.record`); characters the
 * text face lacks go to the fallback face the PDF picks for them (src/layout/runs.ts), so only the faces the document
 * uses are embedded, each subset to the characters it draws.
 */
import { createRequire } from 'node:module';
import { setFlagsFromString } from 'node:v8';
import type { Face as LayoutFace } from '../../layout/faces.js';
import type { FontStyle } from '../../layout/fonts.js';
import { splitByCoverage } from '../../layout/runs.js';
import type { FontFamily, Theme } from '../../theme/theme.js';
import { sfntToWoff2 } from './woff2.js';

/** Which face of the theme a run is set in; mirrors the CSS in css.ts. */
export type FaceRole = 'body' | 'heading' | 'mono';
export interface Face {
  role: FaceRole;
  bold: boolean;
  italic: boolean;
}

// subset-font ships no types; this is the only call we make into it.
type SubsetFont = (font: Buffer, text: string, options: Record<string, unknown>) => Promise<Buffer>;
const require = createRequire(import.meta.url);
// HarfBuzz is 680 KB of WebAssembly. V8 compiles it with Liftoff at once and then recompiles it with TurboFan in the
// background, and a process cannot exit until that finishes: ~0.45 s added to every cold single-file build. The
// optimised code buys nothing measurable here (a Carlito subset takes ~3 ms either way, Noto Sans JP ~16–22 ms), so
// keep Liftoff's code. The flag is process-wide and must be set before the module is compiled, hence here.
setFlagsFromString('--liftoff-only');
// Required when a subset is first made, not when this module loads: the startup snapshot (src/startup/snapshot.ts)
// evaluates this module while WebAssembly, which subset-font's dependencies set up as they load, does not exist.
// require() remembers the module, so asking again per subset costs a lookup.
const subsetFont = (): SubsetFont => require('subset-font') as SubsetFont;

/**
 * The OpenType features both Chromium and fontkit (pdfkit) apply by default to Latin text; others are dropped so the
 * subset stays small. Hinting is dropped too: it does not change advance widths in print or on high-density screens.
 */
const KEEP_FEATURES = ['ccmp', 'locl', 'rlig', 'liga', 'clig', 'calt', 'kern', 'mark', 'mkmk'];

/** Subsets by file and text: a rebuild of an unchanged document skips HarfBuzz (the CJK face costs most). Bounded. */
const subsetCache = new Map<string, Promise<Buffer>>();
const SUBSET_CACHE_SIZE = 64;

/** Subsets the face's file as the layout read it (one copy per process: the CJK face alone is 5 MB). */
function subset(face: LayoutFace, text: string): Promise<Buffer> {
  const key = `${face.path}\u0000${text}`;
  let result = subsetCache.get(key);
  if (!result) {
    // HarfBuzz subsets to TrueType; our own WOFF2 packing (./woff2.ts) replaces subset-font's wasm encoder, which
    // cost ~100 ms per face per document.
    const { bytes } = face;
    result = subsetFont()(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), text, { targetFormat: 'truetype', noHinting: true, keepFeatures: KEEP_FEATURES }).then(sfntToWoff2);
    subsetCache.set(key, result);
    result.catch(() => subsetCache.delete(key));
    const oldest = subsetCache.keys().next();
    if (subsetCache.size > SUBSET_CACHE_SIZE && !oldest.done) subsetCache.delete(oldest.value);
  }
  return result;
}

function styleOf(face: Pick<Face, 'bold' | 'italic'>): FontStyle {
  if (face.bold) return face.italic ? 'boldItalic' : 'bold';
  return face.italic ? 'italic' : 'regular';
}

/** The CSS generic family to fall back on when a face cannot load at all. */
export function genericFamily(family: FontFamily): string {
  if (family === 'Tinos') return 'serif';
  if (family === 'Cousine') return 'monospace';
  return 'sans-serif';
}

interface FaceEntry {
  /** The face the layout loaded: its family name, file and bytes. */
  face: LayoutFace;
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
  record(text: string, face: Face): void {
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

  private entry(face: LayoutFace, bold: boolean, italic: boolean): FaceEntry {
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
