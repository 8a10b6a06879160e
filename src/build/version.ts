/** The tool's version, read from package.json once. */
import { existsSync, readFileSync } from 'node:fs';

/**
 * The package's own package.json, found by walking up from this module: tsc's dist/build/version.js and the bundled
 * CLI (dist/bundle/, see scripts/bundle.mjs) both sit two levels below the package root.
 */
function packageJson(): URL {
  for (let url = new URL('../package.json', import.meta.url); ; url = new URL('../package.json', new URL('.', url))) {
    if (existsSync(url)) {
      const pkg = JSON.parse(readFileSync(url, 'utf8')) as { name?: string };
      if (pkg.name === 'briefing') return url;
    }
    if (new URL('..', url).pathname === new URL('.', url).pathname) throw new Error('briefing: cannot find its package.json');
  }
}

export const TOOL_VERSION: string = (JSON.parse(readFileSync(packageJson(), 'utf8')) as { version: string }).version;
