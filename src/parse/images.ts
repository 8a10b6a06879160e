/**
 * Local images: resolved against the source's folder, refused when they would reach outside it (`..`, absolute
 * paths, symlinks pointing elsewhere), read once and described by their header. Remote images are never fetched:
 * a briefing must build the same with the network closed, and an emailed HTML must not call home.
 */
import { createHash } from 'node:crypto';
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { fileStamp, type FileStamps } from '../io/file-stamp.js';
import { jpegOrientation, uprightJpeg } from './orientation.js';

/**
 * A loaded picture: `data` is base64 of the file's bytes, or of the photo turned upright when its EXIF said to turn
 * it (./orientation.ts); `width` and `height` are its pixel size as shown. `warning`: it loaded, with a problem to report.
 */
export type ImageLoad =
  | { ok: true; mime: 'image/png' | 'image/jpeg'; data: string; width: number; height: number; warning?: string }
  | { ok: false; severity: 'error' | 'warning'; reason: string };

/** Images larger than this make an emailed briefing heavy; refuse them with a clear message instead. */
const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

function inside(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel) && !rel.startsWith(`..${sep}`));
}

export function imageSize(bytes: Uint8Array): { mime: 'image/png' | 'image/jpeg'; width: number; height: number } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length >= 24 && view.getUint32(0) === 0x89504e47 && view.getUint32(4) === 0x0d0a1a0a) {
    return { mime: 'image/png', width: view.getUint32(16), height: view.getUint32(20) };
  }
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) {
    let offset = 2;
    while (offset + 9 < bytes.length) {
      if (bytes[offset] !== 0xff) return null;
      const marker = bytes[offset + 1]!;
      const length = view.getUint16(offset + 2);
      // SOF0–SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { mime: 'image/jpeg', height: view.getUint16(offset + 5), width: view.getUint16(offset + 7) };
      }
      offset += 2 + length;
    }
  }
  return null;
}

/**
 * Turning a phone photo upright costs seconds (a 12-megapixel photo: about 4 s to decode and encode again), and
 * `--watch` reads the same photo at every save: the last few results are kept, by the photo's content.
 */
const turned = new Map<string, ReturnType<typeof uprightJpeg>>();
const TURNED_KEPT = 8;

function turnedUpright(bytes: Uint8Array, orientation: number): ReturnType<typeof uprightJpeg> {
  const key = `${orientation}:${createHash('sha256').update(bytes).digest('hex')}`;
  let result = turned.get(key);
  if (!result) {
    result = uprightJpeg(bytes, orientation);
    if (turned.size >= TURNED_KEPT) turned.delete(turned.keys().next().value!);
    turned.set(key, result);
  }
  return result;
}

/**
 * `seen`, when given, gets the local file the URL names with its stamp before it is read (null: not there), whether
 * or not it turns out to be a usable image: `--watch` watches it and builds again when it appears or changes.
 */
export function loadImage(url: string, sourcePath: string, seen?: FileStamps): ImageLoad {
  if (/^file:/i.test(url)) {
    return { ok: false, severity: 'error', reason: `image ${JSON.stringify(url)} is a file: URL; use a path relative to the source's folder` };
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) {
    return {
      ok: false,
      severity: 'warning',
      reason: `remote image ${JSON.stringify(url)} is not fetched (briefings build offline); its alt text is shown instead. Save the image next to the source and link it by a relative path`,
    };
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.split(/[?#]/)[0] ?? '');
  } catch {
    decoded = url;
  }
  const folder = resolve(dirname(sourcePath));
  if (isAbsolute(decoded)) {
    return { ok: false, severity: 'error', reason: `image path ${JSON.stringify(url)} is absolute; use a path relative to the source's folder` };
  }
  const target = resolve(folder, decoded);
  if (!inside(folder, target)) {
    return { ok: false, severity: 'error', reason: `image path ${JSON.stringify(url)} leads outside the source's folder; images must sit in or below it` };
  }
  if (seen) seen[target] = fileStamp(target);
  let real: string;
  try {
    real = realpathSync(target);
  } catch {
    return { ok: false, severity: 'error', reason: `image ${JSON.stringify(url)} not found (looked for ${target})` };
  }
  if (!inside(realpathSync(folder), real)) {
    return { ok: false, severity: 'error', reason: `image ${JSON.stringify(url)} is a link to a file outside the source's folder` };
  }
  const stat = statSync(real);
  if (!stat.isFile()) return { ok: false, severity: 'error', reason: `image ${JSON.stringify(url)} is not a file` };
  if (stat.size > MAX_IMAGE_BYTES) {
    return { ok: false, severity: 'error', reason: `image ${JSON.stringify(url)} is ${(stat.size / 1024 / 1024).toFixed(1)} MB; the limit is 5 MB` };
  }
  const bytes = new Uint8Array(readFileSync(real));
  const info = imageSize(bytes);
  if (!info || info.width === 0 || info.height === 0) {
    return { ok: false, severity: 'error', reason: `image ${JSON.stringify(url)} is not a PNG or JPEG file` };
  }
  const orientation = info.mime === 'image/jpeg' ? jpegOrientation(bytes) : 1;
  if (orientation === 1) return { ok: true, ...info, data: Buffer.from(bytes).toString('base64') };
  const upright = turnedUpright(bytes, orientation);
  if ('reason' in upright) {
    return {
      ok: true,
      ...info,
      data: Buffer.from(bytes).toString('base64'),
      warning: `image ${JSON.stringify(url)} says to turn it (EXIF orientation ${orientation}) but its pixels could not be read to turn it (${upright.reason}); it is shown as stored, which some readers turn and others do not. Save it upright and link it again`,
    };
  }
  return { ok: true, mime: 'image/jpeg', data: Buffer.from(upright.bytes).toString('base64'), width: upright.width, height: upright.height };
}
