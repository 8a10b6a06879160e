/**
 * A picture's drawn size, decided once: as wide as where it sits, and no taller than the geometry's cap (a portrait
 * photo is narrowed until it is), keeping its proportions. The PDF draws this box, the DOCX writes it as the
 * drawing's extent, the HTML as the image's width and height. The parser has already turned a rotated photo upright,
 * so the proportions here are the ones a reader sees.
 */
import type { ImageBlock } from '../model/briefing.js';
import type { TypesetEnv } from './frame.js';
import type { PictureGeometry } from './layout.js';

export function pictureGeometry(node: ImageBlock, env: TypesetEnv): PictureGeometry {
  const recorded = env.layout.blocks.pictures.get(node);
  const decided = recorded ?? fitted(node, env.width, env.layout.geometry.image.maxHeight);
  env.blocks.pictures.set(node, decided);
  return decided;
}

function fitted(node: ImageBlock, width: number, maxHeight: number): PictureGeometry {
  const aspect = node.height / Math.max(1, node.width);
  const height = width * aspect;
  return height <= maxHeight ? { width, height } : { width: maxHeight / aspect, height: maxHeight };
}
