/** Finding a seal on a rendered page: the box of its gold ring's pixels in the header band, in points. */
import { execFileSync } from 'node:child_process';

/** Parses a binary PPM (P6) as pdftoppm writes it. */
function readPpm(data: Buffer): { width: number; height: number; rgb: Buffer } {
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(data.subarray(0, 40).toString('latin1'))!;
  return { width: Number(header[1]), height: Number(header[2]), rgb: data.subarray(header[0].length) };
}

const DPI = 288;

/**
 * The box (points, from the page's top left) of the pixels within 24 of `rgb` in the top fifth of a PDF's first page
 * (a Letter page): where the seal's ring is drawn. -Infinity width when there are none.
 */
export function sealBox(pdf: string, rgb: readonly [number, number, number] = [0xb5, 0x89, 0x2e]): { x: number; y: number; width: number; height: number } {
  const ppm = readPpm(execFileSync('pdftoppm', ['-r', String(DPI), '-f', '1', '-l', '1', '-y', '0', '-H', String(Math.round((792 * DPI) / 72 / 5)), pdf], { maxBuffer: 64 * 1024 * 1024 }));
  let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let y = 0; y < ppm.height; y++) {
    for (let x = 0; x < ppm.width; x++) {
      const i = 3 * (y * ppm.width + x);
      if (rgb.every((c, k) => Math.abs(ppm.rgb[i + k]! - c) <= 24)) {
        left = Math.min(left, x);
        right = Math.max(right, x + 1);
        top = Math.min(top, y);
        bottom = Math.max(bottom, y + 1);
      }
    }
  }
  const pt = (px: number): number => (px * 72) / DPI;
  return { x: pt(left), y: pt(top), width: pt(right - left), height: pt(bottom - top) };
}
