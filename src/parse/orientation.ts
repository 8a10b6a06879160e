/**
 * Photos that say how to turn them. A phone stores a portrait shot sideways and writes EXIF orientation 6 ("turn
 * 90° clockwise to show"); Chromium and pdfkit honour that, LibreOffice and Word do not all do so alike. So the
 * parser turns such a JPEG upright once, here: its pixels are decoded, turned and encoded again (jpeg-js, pure
 * JavaScript), with no orientation left in the file, and every emitter and every reader then shows the same upright
 * picture with the same proportions. The cost is one more JPEG generation (quality 92), and only for a photo that
 * asked to be turned; the re-encoded file carries no EXIF (no camera or location data either).
 */
import jpeg from 'jpeg-js';
import exif from 'exif-reader';

/** EXIF orientation 1–8 (1: as stored), or 1 when the JPEG has no readable one. */
export function jpegOrientation(bytes: Uint8Array): number {
  const segment = exifSegment(bytes);
  if (!segment) return 1;
  try {
    const value = exif(Buffer.from(segment)).Image?.Orientation;
    return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 8 ? value : 1;
  } catch {
    return 1; // unreadable EXIF: the picture is shown as stored, as every reader would
  }
}

/** The payload of the JPEG's APP1 "Exif" segment (from "Exif\0\0"), if it has one before its image data. */
function exifSegment(bytes: Uint8Array): Uint8Array | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 2;
  while (offset + 4 <= bytes.length && bytes[offset] === 0xff) {
    const marker = bytes[offset + 1]!;
    if (marker === 0xda || marker === 0xd9) return null; // start of scan or end of image: no EXIF ahead
    const length = view.getUint16(offset + 2);
    const payload = bytes.subarray(offset + 4, offset + 2 + length);
    if (marker === 0xe1 && payload.length > 14 && String.fromCharCode(...payload.subarray(0, 6)) === 'Exif\0\0') return payload;
    offset += 2 + length;
  }
  return null;
}

export interface Upright {
  bytes: Uint8Array;
  width: number;
  height: number;
}

/** The JPEG turned as its orientation says and encoded again, or why its pixels could not be decoded. */
export function uprightJpeg(bytes: Uint8Array, orientation: number): Upright | { reason: string } {
  let decoded: { width: number; height: number; data: Uint8Array };
  try {
    decoded = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true });
  } catch (error) {
    return { reason: (error as Error).message };
  }
  const turned = turn(decoded, orientation);
  return { bytes: new Uint8Array(jpeg.encode(turned, 92).data), width: turned.width, height: turned.height };
}

/**
 * RGBA pixels turned to how EXIF orientation `o` says to show them: for each pixel shown at (x, y), the stored
 * pixel it comes from. 2 and 4 mirror, 3 turns half round, 5–8 swap width and height (6: 90° clockwise).
 */
export function turn(image: { width: number; height: number; data: Uint8Array }, o: number): { width: number; height: number; data: Uint8Array } {
  const { width: w, height: h } = image;
  const swap = o >= 5 && o <= 8;
  const width = swap ? h : w;
  const height = swap ? w : h;
  // Whole pixels at a time; a view needs 4-byte alignment, which a copy has.
  const pixels = image.data.byteOffset % 4 === 0 ? image.data : image.data.slice();
  const source = new Uint32Array(pixels.buffer, pixels.byteOffset, w * h);
  const data = new Uint8Array(width * height * 4);
  const out = new Uint32Array(data.buffer);
  const from: (x: number, y: number) => number = {
    2: (x: number, y: number) => y * w + (w - 1 - x),
    3: (x: number, y: number) => (h - 1 - y) * w + (w - 1 - x),
    4: (x: number, y: number) => (h - 1 - y) * w + x,
    5: (x: number, y: number) => x * w + y,
    6: (x: number, y: number) => (h - 1 - x) * w + y,
    7: (x: number, y: number) => (h - 1 - x) * w + (w - 1 - y),
    8: (x: number, y: number) => x * w + (w - 1 - y),
  }[o] ?? ((x: number, y: number) => y * w + x);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) out[y * width + x] = source[from(x, y)]!;
  return { width, height, data };
}
