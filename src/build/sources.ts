/** Which files a build reads and writes, and the date it stands for: no parser, no layout, cheap to import. */
import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { Format } from '../render/types.js';

const MARKDOWN = new Set(['.md', '.markdown']);

/** Whether a file name is a Markdown source's (`.md` or `.markdown`, in any case): what folders expand to. */
function isMarkdownName(path: string): boolean {
  return MARKDOWN.has(extname(path).toLowerCase());
}

/**
 * Why a file named explicitly cannot be a source, or undefined. A folder gives only Markdown files; a file named on
 * the command line is refused by name before it is read, so `briefing build photo.png` does not "build" a picture.
 */
export function notMarkdownReason(path: string): string | undefined {
  return isMarkdownName(path) ? undefined : "not a Markdown file: a briefing source's name ends in .md or .markdown (rename it if it holds Markdown text)";
}

/** The moment a build stands for: SOURCE_DATE_EPOCH (seconds) when set, so rebuilds are byte-identical. */
export function buildDateFromEnv(env: NodeJS.ProcessEnv = process.env, now = new Date()): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  return now;
}

/** Files stay files; folders give their Markdown files (not recursing), sorted so output order is stable. */
export async function expandSources(paths: readonly string[]): Promise<{ sources: string[]; missing: string[] }> {
  const sources: string[] = [];
  const missing: string[] = [];
  for (const path of paths) {
    let info;
    try {
      info = await stat(path);
    } catch {
      missing.push(path);
      continue;
    }
    if (info.isDirectory()) {
      const names = (await readdir(path)).filter((n) => isMarkdownName(n) && !n.startsWith('.')).sort();
      sources.push(...names.map((n) => join(path, n)));
    } else {
      sources.push(path);
    }
  }
  return { sources, missing };
}

export function outputPath(source: string, outDir: string, format: Format): string {
  return join(outDir, `${basename(source, extname(source))}.${format}`);
}
