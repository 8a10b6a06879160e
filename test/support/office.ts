/**
 * LibreOffice as the independent DOCX reader: one `soffice --headless --convert-to pdf` call for many files (its
 * start-up dominates), each call with its own user profile so parallel runs and a stale lock never interfere.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Converts each DOCX to a PDF in `outDir`; returns the PDF path for each input (throws when one is missing). */
export function docxToPdf(files: readonly string[], outDir: string): string[] {
  if (files.length === 0) return [];
  const profile = mkdtempSync(join(tmpdir(), 'briefing-lo-'));
  try {
    const run = spawnSync(
      'soffice',
      [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--nolockcheck', '--convert-to', 'pdf', '--outdir', outDir, ...files],
      { encoding: 'utf8', timeout: 240_000 },
    );
    const pdfs = files.map((f) => join(outDir, `${basename(f, extname(f))}.pdf`));
    const missing = pdfs.filter((p) => !existsSync(p));
    if (missing.length > 0) {
      throw new Error(`soffice did not convert ${missing.join(', ')} (status ${run.status}, ${run.error?.message ?? ''}): ${run.stderr}`);
    }
    return pdfs;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
