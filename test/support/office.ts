/**
 * LibreOffice as the independent DOCX reader, and as another program's DOCX writer for the import tests: one
 * `soffice --headless --convert-to` call for many files (its start-up dominates), each call with its own user
 * profile so parallel runs and a stale lock never interfere.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Converts each DOCX to a PDF in `outDir`; returns the PDF path for each input (throws when one is missing). */
export function docxToPdf(files: readonly string[], outDir: string): string[] {
  return officeConvert(files, 'pdf', 'pdf', outDir);
}

/** Saves each file (an ODT, an HTML page) as a Word document in `outDir`, as LibreOffice's "Save as .docx" does. */
export function toDocx(files: readonly string[], outDir: string): string[] {
  return officeConvert(files, 'docx:MS Word 2007 XML', 'docx', outDir);
}

function officeConvert(files: readonly string[], filter: string, extension: string, outDir: string): string[] {
  if (files.length === 0) return [];
  const profile = mkdtempSync(join(tmpdir(), 'briefing-lo-'));
  try {
    const run = spawnSync(
      'soffice',
      [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--nolockcheck', '--convert-to', filter, '--outdir', outDir, ...files],
      { encoding: 'utf8', timeout: 240_000 },
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
