import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { loadImage } from '../../src/parse/images.js';
import { jpegOrientation, turn } from '../../src/parse/orientation.js';

const FIXTURES = fileURLToPath(new URL('../acceptance/fixtures/', import.meta.url));

/** A 3×2 image whose pixels are a–f (one byte each, the rest of the RGBA zero), read back as letters by rows. */
function letters(image: { width: number; height: number; data: Uint8Array }): string[] {
  return Array.from({ length: image.height }, (_, y) =>
    Array.from({ length: image.width }, (_, x) => String.fromCharCode(image.data[(y * image.width + x) * 4]!)).join(''),
  );
}

describe('EXIF orientation', () => {
  const stored = { width: 3, height: 2, data: new Uint8Array([...'abcdef'].flatMap((c) => [c.charCodeAt(0), 0, 0, 0])) };

  it.each([
    [1, ['abc', 'def']],
    [2, ['cba', 'fed']],
    [3, ['fed', 'cba']],
    [4, ['def', 'abc']],
    [5, ['ad', 'be', 'cf']],
    [6, ['da', 'eb', 'fc']],
    [7, ['fc', 'eb', 'da']],
    [8, ['cf', 'be', 'ad']],
  ])('%i turns the stored pixels as the EXIF specification says', (orientation, shown) => {
    expect(letters(turn(stored, orientation))).toEqual(shown);
  });

  it('a phone photo (stored 1200×900, orientation 6) loads upright: 900×1200, sky at the top, no orientation left', () => {
    const bytes = new Uint8Array(readFileSync(join(FIXTURES, 'phone-photo.jpg')));
    expect(jpegOrientation(bytes)).toBe(6);
    const loaded = loadImage('phone-photo.jpg', join(FIXTURES, 'phone-photo.md'));
    if (!loaded.ok) throw new Error(loaded.reason);
    expect([loaded.width, loaded.height]).toEqual([900, 1200]);
    const data = Buffer.from(loaded.data, 'base64');
    expect(jpegOrientation(data)).toBe(1);
    const pixels = jpeg.decode(data, { useTArray: true });
    expect([pixels.width, pixels.height]).toEqual([900, 1200]);
    const at = (x: number, y: number): [number, number, number] => {
      const i = (y * 900 + x) * 4;
      return [pixels.data[i]!, pixels.data[i + 1]!, pixels.data[i + 2]!];
    };
    const [r, , b] = at(450, 100);
    expect(b).toBeGreaterThan(r + 40); // sky
    const [r2, g2, b2] = at(450, 1150);
    expect(g2).toBeGreaterThan(Math.max(r2, b2) + 40); // ground
  });

  it('a photo with no EXIF is kept byte for byte', () => {
    const loaded = loadImage('portrait-photo.jpg', join(FIXTURES, 'portrait-photo.md'));
    if (!loaded.ok) throw new Error(loaded.reason);
    expect(Buffer.from(loaded.data, 'base64').equals(readFileSync(join(FIXTURES, 'portrait-photo.jpg')))).toBe(true);
    expect([loaded.width, loaded.height]).toEqual([1200, 1600]);
  });

  it('a photo that asks to be turned but whose pixels cannot be read is shown as stored, with a warning', () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefing-orientation-'));
    const bytes = readFileSync(join(FIXTURES, 'phone-photo.jpg'));
    // The headers and EXIF intact, the image data cut short after the frame header.
    const sof = bytes.indexOf(Buffer.from([0xff, 0xc0]));
    writeFileSync(join(dir, 'cut.jpg'), bytes.subarray(0, sof + 40));
    copyFileSync(join(FIXTURES, 'phone-photo.md'), join(dir, 'x.md'));
    const loaded = loadImage('cut.jpg', join(dir, 'x.md'));
    if (!loaded.ok) throw new Error(loaded.reason);
    expect([loaded.width, loaded.height]).toEqual([1200, 900]);
    expect(loaded.warning?.replace(/\(([^()]*)\); it is/, '(…); it is')).toBe(
      'image "cut.jpg" says to turn it (EXIF orientation 6) but its pixels could not be read to turn it (…); it is shown as stored, which some readers turn and others do not. Save it upright and link it again',
    );
  });
});
