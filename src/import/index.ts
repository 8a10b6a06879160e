/**
 * `briefing import`: a plain-text readout, an HTML page or a Word document → a briefing source. Each input has its
 * reader (text.ts, html.ts, docx.ts) that makes a draft: the body as mdast plus the fields the input states outright;
 * inference (infer/) adds the fields the text suggests; the source is the front matter (frontmatter.ts) and the
 * body as Markdown (markdown.ts), named after its date and title (name.ts).
 */
import { extname } from 'node:path';
import type * as M from 'mdast';
import { bodyMarkdown } from './markdown.js';
import { frontMatterYaml } from './frontmatter.js';
import { inferFields } from './infer/index.js';
import { sourceName } from './name.js';
import type { Draft, Fields } from './types.js';

export const INPUT_KINDS = { '.txt': 'text', '.text': 'text', '.html': 'html', '.htm': 'html', '.docx': 'docx' } as const;
export type InputKind = (typeof INPUT_KINDS)[keyof typeof INPUT_KINDS];

/** `-` is text on standard input; otherwise the file's extension says what it is (null: nothing we read). */
export function inputKind(path: string): InputKind | null {
  if (path === '-') return 'text';
  return INPUT_KINDS[extname(path).toLowerCase() as keyof typeof INPUT_KINDS] ?? null;
}

export interface Imported {
  /** The file name without `.md`. */
  name: string;
  markdown: string;
  /** Pictures to write beside the source, under their final names. */
  pictures: { name: string; bytes: Uint8Array }[];
  fields: Fields;
  draft: Draft;
}

async function read(kind: InputKind, bytes: Uint8Array): Promise<Draft> {
  if (kind === 'docx') return (await import('./docx.js')).readDocx(bytes);
  const text = new TextDecoder('utf-8').decode(bytes);
  if (kind === 'html') return (await import('./html.js')).readHtml(text);
  return (await import('./text.js')).readText(text);
}

/** Gives each picture its final name (`NAME-1.png`) and points its image nodes there. */
function namePictures(draft: Draft, name: string): { name: string; bytes: Uint8Array }[] {
  const names = new Map(draft.pictures.map((p, i) => [p.placeholder, `${name}-${i + 1}.${p.extension}`]));
  const walk = (node: M.Nodes): void => {
    if (node.type === 'image') node.url = names.get(node.url) ?? node.url;
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(draft.body);
  return draft.pictures.map((p) => ({ name: names.get(p.placeholder)!, bytes: p.bytes }));
}

/** Reads an input (`path` null for standard input) into a new source. Throws only when the input cannot be read. */
export async function importDocument(kind: InputKind, bytes: Uint8Array, path: string | null): Promise<Imported> {
  const draft = await read(kind, bytes);
  const fields = inferFields(draft);
  const name = sourceName(fields.date?.value, fields.title?.value, path);
  const pictures = namePictures(draft, name);
  const yaml = frontMatterYaml(fields);
  const body = bodyMarkdown(draft.body);
  const markdown = yaml ? `---\n${yaml}---\n\n${body}` : body;
  return { name, markdown, pictures, fields, draft };
}
