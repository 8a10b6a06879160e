/** Helpers for the import tests: import a fixture, build what it wrote, and read which fields were found or guessed. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDocument } from '../../src/build/build.js';
import { importDocument, type Imported, type InputKind } from '../../src/import/index.js';
import type { Fields } from '../../src/import/types.js';

export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export async function importFixture(name: string, kind: InputKind = 'text'): Promise<Imported> {
  const path = join(FIXTURES, name);
  return importDocument(kind, readFileSync(path), path);
}

/** Each field the import wrote and whether it was found or guessed (participants: one entry each). */
export function howFields(fields: Fields): Record<string, string | string[]> {
  return Object.fromEntries(
    Object.entries(fields).map(([key, field]) => [key, Array.isArray(field) ? field.map((f) => f.evidence.how) : (field as { evidence: { how: string } }).evidence.how]),
  );
}

/** Writes the imported source to a fresh folder and builds it in all three formats; returns the build's result. */
export async function buildImported(imported: Imported): Promise<{ ok: boolean; messages: string[]; source: string; outDir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-import-'));
  const source = join(dir, `${imported.name}.md`);
  writeFileSync(source, imported.markdown);
  for (const picture of imported.pictures) writeFileSync(join(dir, picture.name), picture.bytes);
  const outDir = join(dir, 'out');
  const result = await buildDocument(source, { outDir, formats: ['pdf', 'docx', 'html'], allowOverflow: false, buildDate: new Date('2026-01-01T00:00:00Z') });
  return { ok: result.ok, messages: result.file.messages.map(String), source, outDir };
}
