/**
 * What a built document depended on, as content hashes: the source bytes the build read, the image bytes the parser
 * embedded, and the template files. The cache compares these on the next run, so a change to any of them rebuilds.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Briefing } from '../model/briefing.js';
import { templateDir } from '../theme/load.js';
import { sha256 } from './hash.js';

/** Resolved path → sha256 (hex) of the bytes. */
export type InputHashes = Record<string, string>;

/** Image blocks sit in sections, lists, quotes and tables; walking the plain data finds them wherever the model puts them. */
function collectImages(value: unknown, into: { src: string; data: string }[]): void {
  if (Array.isArray(value)) {
    for (const item of value) collectImages(item, into);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const node = value as Record<string, unknown>;
  if (node.type === 'image' && typeof node.src === 'string' && typeof node.data === 'string') {
    into.push({ src: node.src, data: node.data });
    return;
  }
  for (const child of Object.values(node)) if (typeof child === 'object') collectImages(child, into);
}

function imagePath(source: string, src: string): string {
  let decoded = src.split(/[?#]/)[0] ?? '';
  try {
    decoded = decodeURIComponent(decoded);
  } catch {
    // The parser fell back to the raw path too.
  }
  return resolve(dirname(source), decoded);
}

/**
 * Template files are hashed once per process, like `loadTheme` loads them once: the hash then describes the theme
 * this process actually used, not a later edit it never saw.
 */
const templateHashes = new Map<string, InputHashes>();

export function templateInputs(nameOrPath: string): InputHashes {
  const dir = templateDir(nameOrPath);
  let hashes = templateHashes.get(dir);
  if (!hashes) {
    hashes = {};
    // Every file of the folder: theme.json, reference.docx, and whatever theme.json names (a logo, its fallback).
    const names = existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name).sort() : [];
    for (const name of names) hashes[join(dir, name)] = sha256(readFileSync(join(dir, name)));
    templateHashes.set(dir, hashes);
  }
  return hashes;
}

export function documentInputs(source: string, sourceBytes: Uint8Array, briefing: Briefing, template: string): InputHashes {
  const inputs: InputHashes = { [resolve(source)]: sha256(sourceBytes) };
  const images: { src: string; data: string }[] = [];
  collectImages([briefing.summary, briefing.sections], images);
  for (const image of images) inputs[imagePath(source, image.src)] = sha256(Buffer.from(image.data, 'base64'));
  return { ...inputs, ...templateInputs(template) };
}
