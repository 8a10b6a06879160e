import { pictureGeometryOf } from '../../../layout/layout.js';
import type { ImageBlock } from '../../../model/briefing.js';
import { escapeHtml } from '../escape.js';
import type { State } from '../state.js';

const MIMES = new Set(['image/png', 'image/jpeg']);

function points(pt: number): string {
  return `${Math.round(pt * 1000) / 1000}pt`;
}

/**
 * Inlined as a data URI so the file opens offline. The mime and base64 are checked again: anything else would be a
 * way out of the attribute or a request to somewhere. Drawn at the layout's size: the width and height attributes
 * (CSS pixels, for readers without the stylesheet) and, exactly, the custom properties css.ts sizes it by. The
 * parser turned a rotated photo upright and dropped its EXIF orientation, so `image-orientation: from-image` (the
 * default) has nothing to turn.
 */
export function image(node: ImageBlock, state: State): string {
  const alt = escapeHtml(node.alt);
  if (!MIMES.has(node.mime) || !/^[A-Za-z0-9+/]*={0,2}$/.test(node.data)) {
    state.context.warn(`html: image ${JSON.stringify(node.src)} has no usable data; its alt text is shown instead`);
    return `<p class="image-missing">${state.text(node.alt)}</p>\n`;
  }
  const { width, height } = pictureGeometryOf(state.layout, node);
  const px = (pt: number): number => Math.max(1, Math.round((pt * 4) / 3));
  const size = ` width="${px(width)}" height="${px(height)}" style="--width:${points(width)};--height:${points(height)}"`;
  const img = `<img src="data:${node.mime};base64,${node.data}" alt="${alt}"${size}>`;
  if (!node.title) return `<figure class="image">${img}</figure>\n`;
  const caption = state.withFace({ italic: false }, () => state.text(node.title ?? ''));
  return `<figure class="image">${img}<figcaption>${caption}</figcaption></figure>\n`;
}
