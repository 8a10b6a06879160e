/** Shared helpers for the DOCX emitter tests: real sources through parse + fit, the package's parts, XML checks. */
import { strFromU8, unzipSync } from 'fflate';
import * as fontkit from 'fontkit';
import { fitBriefing, layoutAtSize } from '../../../src/layout/fit.js';
import type { Layout } from '../../../src/layout/layout.js';
import type { Briefing } from '../../../src/model/briefing.js';
import { renderDocx } from '../../../src/render/docx/index.js';
import type { RenderContext } from '../../../src/render/types.js';
import { loadTheme } from '../../../src/theme/load.js';
import type { Theme } from '../../../src/theme/theme.js';
import { sourceBriefing } from '../../support/sources.js';

export const SOURCES = ['2025-01-07-tokyo-readout', 'press-guidance-ports'] as const;

export function context(warnings: string[] = []): RenderContext {
  return { buildDate: new Date('2025-01-07T09:30:00Z'), toolVersion: 'test', warn: (m) => warnings.push(m) };
}

/**
 * The fitted layout, as build.ts hands it to the emitters. When the fit step says the briefing does not fit, the
 * theme's minimum size (what `--allow-overflow` would get), with `fits: false` so one-page checks can tell.
 */
export function fitted(briefing: Briefing, theme: Theme): { layout: Layout; fits: boolean } {
  const fit = fitBriefing(briefing, theme, { allowOverflow: false });
  return fit.ok ? { layout: fit.layout, fits: true } : { layout: layoutAtSize(theme, theme.size.min), fits: false };
}

export interface Rendered {
  briefing: Briefing;
  layout: Layout;
  fits: boolean;
  bytes: Uint8Array;
}

export async function renderSource(name: string, template = 'default'): Promise<Rendered> {
  const briefing = sourceBriefing(name);
  const theme = loadTheme(template);
  const { layout, fits } = fitted(briefing, theme);
  return { briefing, layout, fits, bytes: await renderDocx(briefing, layout, theme, context()) };
}

export async function renderModel(briefing: Briefing, theme: Theme = loadTheme('default'), size = 10): Promise<Uint8Array> {
  return renderDocx(briefing, layoutAtSize(theme, size), theme, context());
}

export function parts(bytes: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, data] of Object.entries(unzipSync(bytes))) {
    if (/\.(xml|rels)$/.test(name)) out[name] = strFromU8(data);
  }
  return out;
}

/**
 * A small well-formedness check: one prolog at most, tags nest and close, attributes quoted, entities known. Not a
 * validator, but what a truncated or mis-escaped part breaks.
 */
export function wellFormedError(xml: string): string | null {
  const body = xml.replace(/^<\?xml[^?]*\?>/, '');
  if (/<\?xml/.test(body)) return 'second XML declaration';
  const stack: string[] = [];
  const token = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|([^<]+)|(<)/g;
  let roots = 0;
  for (const match of body.matchAll(token)) {
    const [, close, name, , selfClose, text, stray] = match;
    if (stray) return `stray "<" at ${match.index}`;
    if (text !== undefined) {
      if (stack.length === 0 && text.trim()) return 'text outside the root';
      const bad = text.match(/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/);
      if (bad) return `bad entity at ${match.index}`;
      continue;
    }
    if (!name) continue;
    if (close) {
      if (stack.pop() !== name) return `</${name}> does not close the open tag`;
    } else if (!selfClose) {
      if (stack.length === 0) roots++;
      stack.push(name);
    } else if (stack.length === 0) roots++;
  }
  if (stack.length > 0) return `unclosed <${stack.at(-1)}>`;
  return roots === 1 ? null : `${roots} root elements`;
}

/** A face a DOCX embeds, read back the way ECMA-376 Part 1 §17.8.1 says (not with the emitter's code). */
export interface EmbeddedFace {
  /** The `w:font` it belongs to, e.g. "Calibri". */
  font: string;
  /** embedRegular, embedBold, embedItalic or embedBoldItalic. */
  element: string;
  key: string;
  part: string;
  /** Size of the obfuscated part. */
  size: number;
  face: ParsedFace;
}

/** fontkit's font with the name-table and maxp fields its type declarations leave out. */
export type ParsedFace = fontkit.Font & { familyName: string; subfamilyName: string; numGlyphs: number };

/** Every embedded face of a package: font table entry → relationship → part, de-obfuscated with its key, parsed. */
export function embeddedFaces(bytes: Uint8Array): EmbeddedFace[] {
  const files = unzipSync(bytes);
  const read = (name: string): string => strFromU8(files[name] ?? new Uint8Array());
  const targets = new Map([...read('word/_rels/fontTable.xml.rels').matchAll(/<Relationship [^>]*Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1], m[2]]));
  const faces: EmbeddedFace[] = [];
  for (const font of read('word/fontTable.xml').matchAll(/<w:font w:name="([^"]+)">([\s\S]*?)<\/w:font>/g)) {
    for (const embed of (font[2] ?? '').matchAll(/<w:(embed\w+) r:id="([^"]+)" w:fontKey="(\{[0-9A-F-]{36}\})"/g)) {
      const [, element = '', id = '', key = ''] = embed;
      const part = `word/${targets.get(id) ?? `(no relationship ${id})`}`;
      const data = files[part];
      if (!data) throw new Error(`${font[1]} ${element}: ${part} is missing`);
      // The key's 16 bytes are the GUID's hex pairs from last to first; they XOR the first 32 bytes, twice over.
      const keyBytes = (key.replace(/[{}-]/g, '').match(/../g) ?? []).map((h) => parseInt(h, 16)).reverse();
      const plain = Buffer.from(data);
      for (let i = 0; i < 32; i++) plain[i] = (plain[i] ?? 0) ^ (keyBytes[i % 16] ?? 0);
      faces.push({ font: font[1] ?? '', element, key, part, size: data.length, face: fontkit.create(plain) as ParsedFace });
    }
  }
  return faces;
}

/** Every character of the text the package's document, header and footer parts show (w:t), XML entities decoded. */
export function shownText(bytes: Uint8Array): string {
  const files = unzipSync(bytes);
  let text = '';
  for (const [name, data] of Object.entries(files)) {
    if (!/^word\/(document|header\d*|footer\d*)\.xml$/.test(name)) continue;
    for (const m of strFromU8(data).matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)) text += m[1] ?? '';
  }
  return text.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[e] ?? '');
}
