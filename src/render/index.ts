/**
 * The registry of output formats. Renderers load on first use, so a build asking only for HTML never loads pdfkit.
 */
import type { Format, Renderer } from './types.js';

const notYet = (format: string): Renderer => async () => {
  throw new Error(`the ${format} emitter is not built yet`);
};

const loaders: { [F in Format]: () => Promise<Renderer> } = {
  pdf: async () => notYet('pdf'),
  docx: async () => notYet('docx'),
  html: async () => notYet('html'),
  json: async () => (await import('./json.js')).renderJson,
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
