/**
 * Files in → files out, used by the CLI and the tests. A document is parsed, fitted and rendered in memory in every
 * requested format; only when all of that succeeded are its files written (each atomically). A document that fails
 * writes nothing and overwrites nothing.
 *
 * The fit (one page, or how far over) belongs to the page formats (PDF, DOCX, HTML). JSON is the model and has no
 * page: asked for alone, it is written without a fit, whatever the length. Asked for with a page format, it shares
 * that document's fate: a briefing too long for its page fails, and its JSON is not written either.
 */
import { readFile } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { VFile } from 'vfile';
import { location } from 'vfile-location';
import type { FitResult } from '../layout/fit.js';
import type { Layout } from '../layout/layout.js';
import type { Briefing, BriefingMeta } from '../model/briefing.js';
import { parseBriefing } from '../parse/index.js';
import { reportError, reportWarning } from '../parse/diagnostics.js';
import { rendererFor } from '../render/index.js';
import { modelJson } from '../render/json.js';
import type { Format, MailContext, RenderContext } from '../render/types.js';
import { loadTheme, ThemeError } from '../theme/load.js';
import type { Theme } from '../theme/theme.js';
import { TOOL_VERSION } from './version.js';
import { writeFileAtomic } from '../io/write.js';
import { documentInputs, type InputHashes } from './inputs.js';
import { fileStamp, type FileStamps } from '../io/file-stamp.js';
import { notMarkdownReason, outputPath } from './sources.js';

// Re-exported from a module of their own so the CLI can find sources without loading the parser and layout.
export { buildDateFromEnv, expandSources, outputPath } from './sources.js';

export interface BuildOptions {
  outDir: string;
  formats: readonly Format[];
  /** --template: wins over the front matter's `template`. */
  template?: string;
  /** --allow-overflow: let a briefing too long for one page flow onto more pages (with a warning). */
  allowOverflow: boolean;
  buildDate: Date;
  /** No --format was given: each briefing's template may name its own (theme `email.formats`), else `formats`. */
  templateFormats?: boolean;
  /** For the eml: --to, --cc, --bcc, --from, --subject, and for `send` the sent message's Date and Message-ID. */
  mail?: MailContext;
}

/** The formats to write: the template's own list when no --format was given and it has one, in FORMATS order. */
function formatsFor(options: BuildOptions, theme: Theme): readonly Format[] {
  return (options.templateFormats && theme.email.formats) || options.formats;
}

export interface DocumentResult {
  source: string;
  ok: boolean;
  /** Paths written, in format order. */
  outputs: string[];
  /** Errors and warnings, each with its place in the source. */
  file: VFile;
  layout?: Layout;
  /** When built: the model's title, date and the rest of its front matter. */
  meta?: BriefingMeta;
  /** When built: the files it was built from (source, images, template) with content hashes, for the build cache. */
  inputs?: InputHashes;
  /** Built or not: the source and every image it names (found or not), with their stamps when read (for --watch). */
  seen: FileStamps;
}

/**
 * A document made in memory: its outputs' bytes by path, unless an error stopped it (`file` says why); either way the
 * images it names, found or not, with their stamps (for --watch).
 */
export type RenderedDocument =
  | { ok: false; file: VFile; seen: FileStamps }
  | {
      ok: true;
      file: VFile;
      seen: FileStamps;
      rendered: { path: string; bytes: Uint8Array }[];
      briefing: Briefing;
      /** The fitted layout; absent when no page format was asked for (JSON alone is not fitted). */
      layout?: Layout;
      template: string;
    };

/** Formats drawn on pages, which need the fitted layout; JSON is the model itself. */
function isPageFormat(format: Format): boolean {
  return format !== 'json';
}

/**
 * The layout the page formats draw, or why there is none. Loaded on first use: a build of JSON alone never loads the
 * layout engine (its fonts and shaping), which would be most of its time.
 */
async function fitted(briefing: Briefing, theme: Theme, allowOverflow: boolean): Promise<FitResult> {
  const { fitBriefing } = await import('../layout/fit.js');
  return fitBriefing(briefing, theme, { allowOverflow });
}

/**
 * Parses, fits (when a page format is asked for) and renders a source's bytes in every requested format, in memory and
 * writing nothing: what a build does before its files are written (the sweeps in the tests run thousands of sources
 * through it).
 */
export async function renderDocument(bytes: Uint8Array, source: string, options: BuildOptions): Promise<RenderedDocument> {
  const { briefing, file, seen = {} } = parseBriefing(bytes, source);
  if (!briefing) return { ok: false, file, seen };

  let theme;
  const template = options.template ?? briefing.meta.template ?? 'default';
  try {
    theme = loadTheme(template);
  } catch (error) {
    if (!(error instanceof ThemeError)) throw error;
    reportError(file, error.message, { line: 1, column: 1 }, 'template');
    return { ok: false, file, seen };
  }

  let layout: Layout | undefined;
  const formats = formatsFor(options, theme);
  if (formats.some(isPageFormat)) {
    const fit = await fitted(briefing, theme, options.allowOverflow || briefing.meta.allowMultiPage);
    if (!fit.ok) {
      reportError(file, fit.message, fit.position ?? { line: 1, column: 1 }, 'overflow');
      return { ok: false, file, seen };
    }
    for (const warning of fit.warnings) reportWarning(file, warning.message, firstOccurrence(file, warning.characters), 'fit');
    layout = fit.layout;
  }

  // Each format is rendered once: the eml attaches the very bytes written as NAME.pdf and NAME.docx, and renders
  // them in memory (unwritten) when they were not asked for.
  const made = new Map<Format, Promise<Uint8Array>>();
  const renderOnce = (format: Format): Promise<Uint8Array> => {
    let bytes = made.get(format);
    if (!bytes) {
      const at = layout;
      if (!isPageFormat(format)) bytes = Promise.resolve(modelJson(briefing));
      // The fit above runs whenever a page format is asked for.
      else if (at) bytes = rendererFor(format).then((render) => render(briefing, at, theme, context));
      else bytes = Promise.reject(new Error(`no layout for ${format}`));
      made.set(format, bytes);
    }
    return bytes;
  };
  const context: RenderContext = {
    buildDate: options.buildDate,
    toolVersion: TOOL_VERSION,
    warn: (message) => reportWarning(file, message, { line: 1, column: 1 }, 'render'),
    siblings: { name: basename(source, extname(source)), bytes: renderOnce },
    ...(options.mail ? { mail: options.mail } : {}),
  };
  const rendered: { path: string; bytes: Uint8Array }[] = [];
  for (const format of formats) {
    try {
      rendered.push({ path: outputPath(source, options.outDir, format), bytes: await renderOnce(format) });
    } catch (error) {
      // A renderer bug must cost one document, not the batch; and the message says where to report it.
      reportError(file, `could not write ${format}: ${(error as Error).message} (this is a bug in briefing; please report it with the source)`, { line: 1, column: 1 }, 'render-failed');
      return { ok: false, file, seen };
    }
  }
  return { ok: true, file, seen, rendered, briefing, ...(layout ? { layout } : {}), template };
}

export async function buildDocument(source: string, options: BuildOptions): Promise<DocumentResult> {
  // Stamped before it is read: a save during the read leaves a stamp that no longer matches.
  const seen: FileStamps = { [resolve(source)]: fileStamp(source) };
  const failed = (file: VFile): DocumentResult => ({ source, ok: false, outputs: [], file, seen });
  const notMarkdown = notMarkdownReason(source);
  if (notMarkdown) {
    const file = new VFile({ path: source });
    reportError(file, notMarkdown, undefined, 'not-markdown');
    return failed(file);
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(source));
  } catch (error) {
    const file = new VFile({ path: source });
    reportError(file, `cannot read the source: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, undefined, 'read');
    return failed(file);
  }
  const made = await renderDocument(bytes, source, options);
  Object.assign(seen, made.seen);
  if (!made.ok) return failed(made.file);
  // Side by side: each write is a few round trips to the I/O threads, and nothing orders them.
  await Promise.all(made.rendered.map((output) => writeFileAtomic(output.path, output.bytes)));
  const inputs = documentInputs(source, bytes, made.briefing, made.template);
  return {
    source,
    ok: true,
    outputs: made.rendered.map((r) => r.path),
    file: made.file,
    ...(made.layout ? { layout: made.layout } : {}),
    meta: made.briefing.meta,
    inputs,
    seen,
  };
}

/** Where the first of `characters` first occurs in the source (its title, a cell, the body), else the file's start. */
function firstOccurrence(file: VFile, characters: readonly string[] | undefined): { line: number; column: number } {
  const text = String(file.value);
  const index = characters?.length ? text.indexOf(characters[0]!) : -1;
  if (index === -1) return { line: 1, column: 1 };
  return location(file).toPoint(index) ?? { line: 1, column: 1 };
}
