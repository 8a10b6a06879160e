/** Finds a template folder by name (or path) and validates its theme tokens. */
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readLogo } from './logo.js';
import { registerHouseFont, type FontStyle } from '../layout/fonts.js';
import { readReferenceDocx } from './reference.js';
import { PAGE_SIZES, themeSchema, type Theme } from './theme.js';

/** `templates/` beside `src/` and `dist/`: both sit one level below the package root. */
export const BUNDLED_TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

export class ThemeError extends Error {}

const cache = new Map<string, Theme>();

/** A name like "default" is looked up in the bundled templates; anything with a slash is a folder path. */
export function templateDir(nameOrPath: string, cwd = process.cwd()): string {
  if (nameOrPath.includes('/') || nameOrPath.includes('\\') || isAbsolute(nameOrPath)) return resolve(cwd, nameOrPath);
  if (!/^[A-Za-z0-9_-]+$/.test(nameOrPath)) throw new ThemeError(`template name "${nameOrPath}" is not a plain name`);
  return join(BUNDLED_TEMPLATES_DIR, nameOrPath);
}

/** `organization`, the American spelling, is `organisation`; both at once is a mistake to name. */
function withAliases(raw: unknown, file: string): unknown {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw) || !('organization' in raw)) return raw;
  const { organization, ...rest } = raw as Record<string, unknown>;
  if ('organisation' in rest) throw new ThemeError(`${file}: "organisation" and "organization" are the same field: keep one of them`);
  return { ...rest, organisation: organization };
}

/** Loads and validates a template once per process. */
export function loadTheme(nameOrPath = 'default', cwd = process.cwd()): Theme {
  const dir = templateDir(nameOrPath, cwd);
  const cached = cache.get(dir);
  if (cached) return cached;
  const file = join(dir, 'theme.json');
  if (!existsSync(file)) throw new ThemeError(`no template "${nameOrPath}" (looked for ${file})`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ThemeError(`${file}: not valid JSON: ${(error as Error).message}`);
  }
  const parsed = themeSchema.safeParse(withAliases(raw, file));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ThemeError(`${file}: ${issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid'}`);
  }
  const referencePath = join(dir, 'reference.docx');
  const reference = existsSync(referencePath) ? readReferenceDocx(referencePath, new Uint8Array(readFileSync(referencePath))) : undefined;
  if (reference && 'problem' in reference) throw new ThemeError(`${referencePath}: ${reference.problem}`);
  const theme: Theme = {
    ...parsed.data,
    name: nameOrPath,
    pageSize: PAGE_SIZES[parsed.data.page.size],
    ...(reference ? { reference } : {}),
  };
  for (const [name, font] of Object.entries(parsed.data.houseFonts ?? {})) {
    const files = {} as Record<FontStyle, string>;
    for (const [style, file] of Object.entries(font.files) as [FontStyle, string][]) {
      const path = join(dir, file);
      if (!existsSync(path)) throw new ThemeError(`${path}: no such file (houseFonts.${name}.files.${style} in theme.json): put the font file in the template folder`);
      if (!isFontFile(readFileSync(path))) throw new ThemeError(`${path}: not a TrueType or OpenType font (houseFonts.${name}.files.${style}): give a .ttf or .otf file`);
      files[style] = path;
    }
    const problem = registerHouseFont({ family: name, wordTwin: font.word, files, fallback: font.fallback });
    if (problem) throw new ThemeError(`${file}: houseFonts.${name}: ${problem}`);
  }
  if (parsed.data.logo) {
    const logo = readLogo(dir, parsed.data.logo);
    if ('problem' in logo) throw new ThemeError(logo.problem);
    theme.logoImage = logo;
  }
  cache.set(dir, theme);
  return theme;
}

/** TrueType (0x00010000, "true") or OpenType ("OTTO") by the first four bytes; a WOFF or a renamed file is not one. */
function isFontFile(bytes: Uint8Array): boolean {
  const tag = String.fromCharCode(...bytes.subarray(0, 4));
  return tag === '\u0000\u0001\u0000\u0000' || tag === 'true' || tag === 'OTTO';
}
