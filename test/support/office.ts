/**
 * LibreOffice as the independent DOCX reader, and as another program's DOCX writer for the import tests: one
 * `soffice --headless --convert-to` call for many files (its start-up dominates), each call with its own user
 * profile so parallel runs and a stale lock never interfere.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Converts each DOCX to a PDF in `outDir`; returns the PDF path for each input (throws when one is missing). `env`
 * is added to soffice's environment (e.g. FONTCONFIG_FILE).
 */
export function docxToPdf(files: readonly string[], outDir: string, env: NodeJS.ProcessEnv = {}): string[] {
  return officeConvert(files, 'pdf', 'pdf', outDir, env);
}

/** Saves each file (an ODT, an HTML page) as a Word document in `outDir`, as LibreOffice's "Save as .docx" does. */
export function toDocx(files: readonly string[], outDir: string): string[] {
  return officeConvert(files, 'docx:MS Word 2007 XML', 'docx', outDir);
}

function officeConvert(files: readonly string[], filter: string, extension: string, outDir: string, env: NodeJS.ProcessEnv = {}): string[] {
  if (files.length === 0) return [];
  const profile = mkdtempSync(join(tmpdir(), 'briefing-lo-'));
  try {
    const run = spawnSync(
      'soffice',
      [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--nolockcheck', '--convert-to', filter, '--outdir', outDir, ...files],
      { encoding: 'utf8', timeout: 240_000, env: { ...process.env, ...env } },
    );
    const outputs = files.map((f) => join(outDir, `${basename(f, extname(f))}.${extension}`));
    const missing = outputs.filter((p) => !existsSync(p));
    if (missing.length > 0) {
      throw new Error(`soffice did not convert ${missing.join(', ')} (status ${run.status}, ${run.error?.message ?? ''}): ${run.stderr}`);
    }
    return outputs;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

export const DEJAVU_DIR = '/usr/share/fonts/truetype/dejavu';

/**
 * A fontconfig configuration offering only the fonts in `fontDir`, as a fresh machine with nothing but DejaVu has
 * them: returns the environment that points fontconfig (and so LibreOffice) at it. No DOCTYPE line: with one, the
 * file fails to load and fontconfig silently falls back to every installed font. Throws when `fc-list` under it
 * lists any font outside `fontDir`, so a test never passes on fonts it meant to hide.
 */
export function onlyFontsIn(fontDir: string, workDir: string): NodeJS.ProcessEnv {
  mkdirSync(join(workDir, 'fontconfig-cache'), { recursive: true });
  const file = join(workDir, 'fonts.conf');
  writeFileSync(file, `<?xml version="1.0"?>\n<fontconfig><dir>${fontDir}</dir><cachedir>${join(workDir, 'fontconfig-cache')}</cachedir></fontconfig>\n`);
  const env = { FONTCONFIG_FILE: file };
  const listed = execFileSync('fc-list', ['--format', '%{file}\\n'], { encoding: 'utf8', env: { ...process.env, ...env } }).split('\n').filter(Boolean);
  const outside = listed.filter((path) => !path.startsWith(`${fontDir}/`));
  if (listed.length === 0 || outside.length > 0) throw new Error(`fontconfig under ${file} lists ${listed.length} fonts, ${outside.length} outside ${fontDir}: ${outside.slice(0, 3).join(', ')}`);
  return env;
}
