import type { ImageBlock } from '../../../model/briefing.js';
import { escapeHtml } from '../escape.js';
import type { State } from '../state.js';

const MIMES = new Set(['image/png', 'image/jpeg']);

/**
 * Inlined as a data URI so the file opens offline. The mime and base64 are checked again: anything else would be a
 * way out of the attribute or a request to somewhere.
 */
export function image(node: ImageBlock, state: State): string {
  const alt = escapeHtml(node.alt);
  if (!MIMES.has(node.mime) || !/^[A-Za-z0-9+/]*={0,2}$/.test(node.data)) {
    state.context.warn(`html: image ${JSON.stringify(node.src)} has no usable data; its alt text is shown instead`);
    return `<p class="image-missing">${state.text(node.alt)}</p>\n`;
  }
  const size = node.width > 0 && node.height > 0 ? ` width="${node.width}" height="${node.height}"` : '';
  const img = `<img src="data:${node.mime};base64,${node.data}" alt="${alt}"${size}>`;
  if (!node.title) return `<figure class="image">${img}</figure>\n`;
  const caption = state.withFace({ italic: false }, () => state.text(node.title ?? ''));
  return `<figure class="image">${img}<figcaption>${caption}</figcaption></figure>\n`;
}
