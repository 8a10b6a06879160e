// Injected into the CommonJS bundle (scripts/bundle.mjs): there, an ES module's `import.meta.url` is the bundle file's
// own URL, so paths relative to a module (templates/, package.json, the worker) resolve as they do from dist/.
export const importMetaUrl = require('node:url').pathToFileURL(__filename).href;
