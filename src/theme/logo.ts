/**
 * A template's seal or logo, read with the template: its bytes, what it is (SVG or PNG) and its proportions, which the
 * geometry needs to size its box in the header band. A file that is neither is an error naming it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8 } from 'fflate';

export interface LogoImage {
  kind: 'svg' | 'png';
  data: Uint8Array;
  /** Intrinsic proportions (any unit): the box is as tall as the geometry says and as wide as these make it. */
  width: number;
  height: number;
  /** What it shows; empty when decorative. */
  alt: string;
  decorative: boolean;
  /** For an SVG: a PNG of it, which Word versions without SVG show instead. */
  fallback?: Uint8Array;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from a PNG's IHDR chunk, or null when the bytes are not a PNG. */
function pngSize(data: Uint8Array): { width: number; height: number } | null {
  if (data.length < 24 || PNG_SIGNATURE.some((b, i) => data[i] !== b)) return null;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  return width > 0 && height > 0 ? { width, height } : null;
}

/** Proportions from the root <svg> element's viewBox, else its width and height; null when there is no usable one. */
function svgSize(data: Uint8Array): { width: number; height: number } | null {
  const root = /<svg\b[^>]*>/.exec(strFromU8(data))?.[0];
  if (!root) return null;
  const attribute = (name: string): string | undefined => new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`).exec(root)?.[1];
  const box = attribute('viewBox')?.trim().split(/[\s,]+/).map(Number);
  if (box?.length === 4 && box[2]! > 0 && box[3]! > 0) return { width: box[2]!, height: box[3]! };
  const width = parseFloat(attribute('width') ?? '');
  const height = parseFloat(attribute('height') ?? '');
  return width > 0 && height > 0 ? { width, height } : null;
}

export interface LogoTokens {
  file: string;
  alt: string;
  decorative: boolean;
  fallback?: string | undefined;
}

/** The logo `tokens` name, from the template folder `dir`; a message (naming the file) when it cannot be used. */
export function readLogo(dir: string, tokens: LogoTokens): LogoImage | { problem: string } {
  const read = (name: string): Uint8Array | { problem: string } => {
    const path = join(dir, name);
    if (!existsSync(path)) return { problem: `${path}: no such file (the logo in theme.json): put it in the template folder, or remove "logo"` };
    return new Uint8Array(readFileSync(path));
  };
  const data = read(tokens.file);
  if ('problem' in data) return data;
  const path = join(dir, tokens.file);
  const base = { data, alt: tokens.decorative ? '' : tokens.alt.trim(), decorative: tokens.decorative };
  const png = pngSize(data);
  if (png) return { kind: 'png', ...png, ...base };
  const svg = /\.svg$/i.test(tokens.file) ? svgSize(data) : null;
  if (!svg) return { problem: `${path}: not an SVG with a viewBox or width and height, nor a PNG: save the logo as one of them` };
  if (!tokens.fallback) return { problem: `${path}: an SVG logo needs "fallback" in theme.json, a PNG of it, for Word versions that cannot draw SVG` };
  const fallback = read(tokens.fallback);
  if ('problem' in fallback) return fallback;
  if (!pngSize(fallback)) return { problem: `${join(dir, tokens.fallback)}: the logo's fallback is not a PNG` };
  return { kind: 'svg', ...svg, ...base, fallback };
}
