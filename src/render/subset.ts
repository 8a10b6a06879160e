/**
 * Font subsetting shared by the emitters that embed faces (HTML as WOFF2, DOCX as obfuscated TrueType): HarfBuzz
 * through `subset-font`, TrueType out, one bounded cache per process keyed by file and characters.
 */
import { setFlagsFromString, startupSnapshot } from 'node:v8';
import type { Face } from '../layout/faces.js';

// HarfBuzz is 680 KB of WebAssembly. V8 compiles it with Liftoff at once and then recompiles it with TurboFan in the
// background, and a process cannot exit until that finishes: ~0.45 s added to every cold single-file build. The
// optimised code buys nothing measurable here (a Carlito subset takes ~3 ms either way, Noto Sans JP ~16–22 ms), so
// keep Liftoff's code. The flag is process-wide and must be set before the module is compiled, which happens at the
// first subset, not at import.
setFlagsFromString('--liftoff-only');

// An import() with a plain name, not createRequire: esbuild bundles what it can see, so the CLI's bundle carries
// subset-font with fontverter's WOFF codecs shimmed out (scripts/bundle-shims/no-woff-codecs.cjs); required from
// node_modules instead, it loaded fontverter, wawoff2 and woff2sfnt-sfnt2woff, 20–30 ms of CPU in every cold build
// writing HTML or DOCX. (In the CommonJS bundle esbuild makes the import() a call of the bundled module.) It is
// evaluated at the first subset, never while the startup snapshot is built (src/startup/snapshot.ts): there is no
// WebAssembly then, and subset-font would keep that failure for good; the warm-up's subsets are refused instead.
let subsetFontModule: Promise<typeof import('subset-font')> | undefined;
function loadSubsetFont(): Promise<typeof import('subset-font')> {
  if (startupSnapshot.isBuildingSnapshot()) return Promise.reject(new Error('no font subsets while the startup snapshot is built'));
  // A process started from the snapshot has no require.resolve, with which subset-font finds HarfBuzz's .wasm: the
  // bundle resolves it another way (scripts/bundle.mjs, wasmFromBundle).
  return (subsetFontModule ??= import('subset-font'));
}

/**
 * The OpenType features both Chromium and fontkit (pdfkit) apply by default to Latin text, and those they apply to
 * Arabic: its letters take their joining forms through init/medi/fina/isol (without them Chromium and LibreOffice
 * set every letter on its own, wider than the PDF). Others are dropped so the subset stays small. Hinting is dropped too: it does not change advance widths in print or on high-density screens.
 */
const KEEP_FEATURES = ['ccmp', 'locl', 'rlig', 'liga', 'clig', 'calt', 'kern', 'mark', 'mkmk', 'isol', 'init', 'medi', 'med2', 'fina', 'fin2', 'fin3', 'curs', 'mset'];

/** Subsets by file and text: a rebuild of an unchanged document skips HarfBuzz (the CJK face costs most). Bounded. */
const cache = new Map<string, Promise<Buffer>>();
const CACHE_SIZE = 64;

/**
 * A TrueType subset of the face's file (as the layout read it: one copy per process, the CJK face alone is 5 MB)
 * holding the glyphs `text` needs, with the features above and no hinting.
 */
export function subsetTrueType(face: Pick<Face, 'path' | 'bytes'>, text: string): Promise<Buffer> {
  const key = `${face.path}\u0000${text}`;
  let result = cache.get(key);
  if (!result) {
    const { bytes } = face;
    result = loadSubsetFont().then(({ default: subsetFont }) =>
      subsetFont(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), text, { targetFormat: 'truetype', noHinting: true, keepFeatures: KEEP_FEATURES }),
    );
    cache.set(key, result);
    result.catch(() => cache.delete(key));
    const oldest = cache.keys().next();
    if (cache.size > CACHE_SIZE && !oldest.done) cache.delete(oldest.value);
  }
  return result;
}
