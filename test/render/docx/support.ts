/** Shared helpers for the DOCX emitter tests: real sources through parse + fit, the package's parts, XML checks. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { strFromU8, unzipSync } from 'fflate';
import { fitBriefing, layoutAtSize } from '../../../src/layout/fit.js';
import type { Layout } from '../../../src/layout/layout.js';
import type { Briefing } from '../../../src/model/briefing.js';
import { parseBriefing } from '../../../src/parse/index.js';
import { renderDocx } from '../../../src/render/docx/index.js';
import type { RenderContext } from '../../../src/render/types.js';
import { loadTheme } from '../../../src/theme/load.js';
import type { Theme } from '../../../src/theme/theme.js';

export const SOURCES = ['2025-01-07-tokyo-readout', 'press-guidance-ports'] as const;

export function context(warnings: string[] = []): RenderContext {
  return { buildDate: new Date('2025-01-07T09:30:00Z'), toolVersion: 'test', warn: (m) => warnings.push(m) };
}

export function sourceBriefing(name: string): Briefing {
  const path = join(process.cwd(), 'source', `${name}.md`);
  const { briefing, file } = parseBriefing(readFileSync(path), path);
  if (!briefing) throw new Error(`${name}: ${String(file.messages)}`);
  return briefing;
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

/** A real PNG (RGB, 8-bit) of the given size, built here so the test needs no binary fixture. */
export function png(width: number, height: number): Uint8Array {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer): number => {
    let c = 0xffffffff;
    for (const b of bytes) c = (crcTable[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer): Buffer => {
    const head = Buffer.alloc(4);
    head.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const tail = Buffer.alloc(4);
    tail.writeUInt32BE(crc(body));
    return Buffer.concat([head, body, tail]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x5a)]);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return new Uint8Array(
    Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]),
  );
}
