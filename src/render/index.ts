/**
 * The registry of output formats. Renderers load on first use, so a build asking only for HTML never loads pdfkit.
 */
import type { Format, Renderer } from './types.js';

const loaders: { [F in Format]: () => Promise<Renderer> } = {
  pdf: async () => (await import('./pdf/index.js')).renderPdf,
  docx: async () => (await import('./docx/index.js')).renderDocx,
  html: async () => (await import('./html/index.js')).renderHtml,
  json: async () => (await import('./json.js')).renderJson,
  eml: async () => (await import('./eml.js')).renderEml,
};

const loaded = new Map<Format, Promise<Renderer>>();

export function rendererFor(format: Format): Promise<Renderer> {
  let renderer = loaded.get(format);
  if (!renderer) {
    renderer = loaders[format]();
    loaded.set(format, renderer);
  }
  return renderer;
}
