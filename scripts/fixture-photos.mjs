/**
 * Writes the photos the acceptance fixtures show (`node scripts/fixture-photos.mjs`): a made-up harbour scene — sky
 * above, sea and quay below, the sun on the left — so which way up and which way round a picture is drawn can be
 * read from its pixels. Both are small JPEGs (quality 80, smooth areas), committed beside the fixtures.
 *
 * - portrait-photo.jpg: 1200×1600 pixels, stored upright (no EXIF).
 * - phone-photo.jpg: a phone's portrait shot: 900×1200 upright, stored sideways as 1200×900 pixels with EXIF
 *   orientation 6 ("rotate 90° clockwise to show"), as phones write it.
 */
import { writeFileSync } from 'node:fs';
import jpeg from 'jpeg-js';

const OUT = new URL('../test/acceptance/fixtures/', import.meta.url);

/** The upright scene, RGBA. */
function scene(width, height) {
  const data = Buffer.alloc(width * height * 4);
  const horizon = Math.round(height * 0.55);
  const sun = { x: width * 0.25, y: height * 0.18, r: width * 0.09 };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let rgb;
      if ((x - sun.x) ** 2 + (y - sun.y) ** 2 < sun.r ** 2) rgb = [250, 214, 90];
      else if (y < horizon) {
        const t = y / horizon;
        rgb = [70 + 90 * t, 130 + 70 * t, 215 + 25 * t];
      } else if (x > width * 0.62 && y < horizon + height * 0.12 && y > horizon - height * (0.1 + 0.08 * Math.sin(x / 40))) {
        rgb = [60, 66, 78]; // cranes and sheds on the quay, on the right
      } else {
        const t = (y - horizon) / (height - horizon);
        rgb = [30 + 20 * t, 110 + 40 * t, 90 - 30 * t];
      }
      data.set([...rgb.map(Math.round), 255], (y * width + x) * 4);
    }
  }
  return { width, height, data };
}

/** The upright image turned 90° anticlockwise: what a phone stores for EXIF orientation 6. */
function storedForOrientation6(upright) {
  const { width, height } = upright;
  const data = Buffer.alloc(width * height * 4);
  // Stored is `height` wide and `width` tall; upright (x, y) lands at stored (y, width - 1 - x).
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) upright.data.copy(data, ((width - 1 - x) * height + y) * 4, (y * width + x) * 4, (y * width + x) * 4 + 4);
  return { width: height, height: width, data };
}

/** An APP1 Exif segment with one IFD entry: Orientation (0x0112, SHORT) = `value`, little-endian as phones write it. */
function exifOrientation(value) {
  const tiff = Buffer.alloc(8 + 2 + 12 + 4);
  tiff.write('II', 0, 'ascii');
  tiff.writeUInt16LE(42, 2);
  tiff.writeUInt32LE(8, 4);
  tiff.writeUInt16LE(1, 8);
  tiff.writeUInt16LE(0x0112, 10);
  tiff.writeUInt16LE(3, 12);
  tiff.writeUInt32LE(1, 14);
  tiff.writeUInt16LE(value, 18);
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'binary'), tiff]);
  const header = Buffer.from([0xff, 0xe1, 0, 0]);
  header.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([header, payload]);
}

/** jpeg-js writes SOI then APP0 (JFIF); the Exif segment goes right after SOI, where cameras put it. */
function withExif(jpegBytes, segment) {
  return Buffer.concat([jpegBytes.subarray(0, 2), segment, jpegBytes.subarray(2)]);
}

writeFileSync(new URL('portrait-photo.jpg', OUT), jpeg.encode(scene(1200, 1600), 80).data);
writeFileSync(new URL('phone-photo.jpg', OUT), withExif(jpeg.encode(storedForOrientation6(scene(900, 1200)), 80).data, exifOrientation(6)));
