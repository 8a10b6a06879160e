/**
 * The `briefing import FILE [-o DIR] [--build] [--force]` command: reads the input, writes DIR/NAME.md (and its
 * pictures) without overwriting, prints what it found and guessed, and with --build hands the new source to the
 * CLI's own build. Exit status as the CLI's: 0 written (and built), 1 failed, 2 wrong usage.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatFile } from '../build/report.js';
import { parseBriefing } from '../parse/index.js';
import { FileExistsError, writeNewFiles } from '../io/write-new.js';
import { importDocument, inputKind } from './index.js';
import { importReport } from './report.js';

export interface ImportCommandOptions {
  /** Where NAME.md goes. */
  dir: string;
  force: boolean;
  quiet: boolean;
  /** Builds the new source the way `briefing build` does; null when --build was not given. Returns the exit status. */
  build: ((source: string) => Promise<number>) | null;
  stdin?: NodeJS.ReadableStream;
}

/** A Word file with pictures is larger than a text, but an input past these sizes is not a briefing. */
const MAX_BYTES = { text: 1024 * 1024, html: 4 * 1024 * 1024, docx: 32 * 1024 * 1024 } as const;

async function readStdin(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

export async function runImport(path: string, options: ImportCommandOptions): Promise<number> {
  const kind = inputKind(path);
  if (!kind) {
    console.error(`briefing: cannot import "${path}": import a .txt, .docx or .html file, or - for text on standard input\nRun \`briefing --help\` for usage.`);
    return 2;
  }
  const input = path === '-' ? '<stdin>' : path;
  let bytes: Uint8Array;
  try {
    bytes = path === '-' ? await readStdin(options.stdin ?? process.stdin) : new Uint8Array(await readFile(path));
  } catch (error) {
    console.error(`${input}: error: cannot read it: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    return 1;
  }
  if (bytes.byteLength > MAX_BYTES[kind]) {
    console.error(`${input}: error: is ${Math.ceil(bytes.byteLength / 1024)} KB; an input to import may be at most ${MAX_BYTES[kind] / 1024} KB`);
    return 1;
  }

  let imported;
  try {
    imported = await importDocument(kind, bytes, path === '-' ? null : path);
  } catch (error) {
    // mammoth rejects what is not a Word document (not a zip, no word/document.xml).
    console.error(`${input}: error: cannot read it as ${kind === 'docx' ? 'a Word document' : 'text'} (${(error as Error).message.split('\n')[0]}); save it again as .docx, or import its text`);
    return 1;
  }

  if (imported.draft.body.children.length === 0) {
    console.error(`${input}: error: has no text to import`);
    return 1;
  }

  const target = join(options.dir, `${imported.name}.md`);
  try {
    await writeNewFiles(
      [...imported.pictures.map((p) => ({ path: join(options.dir, p.name), bytes: p.bytes })), { path: target, bytes: new TextEncoder().encode(imported.markdown) }],
      options.force,
    );
  } catch (error) {
    if (!(error instanceof FileExistsError)) throw error;
    console.error(`${error.path}: error: already exists; import with --force to replace it, or with -o DIR to write elsewhere`);
    return 1;
  }

  if (!options.quiet) {
    for (const line of importReport(imported, input, target)) console.log(line);
    console.log(`imported ${input} → ${target}`);
  }
  if (options.build) return options.build(target);
  // Without --build, say now what a build would refuse, rather than leave it for later.
  const { file } = parseBriefing(imported.markdown, target);
  for (const line of formatFile(file)) console.error(line);
  return 0;
}
