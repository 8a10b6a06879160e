/**
 * What the import tells the writer: each field it found or guessed and each heading, list and table it read, at its
 * line in the new file (`path:line:column: guessed: …`), and what it removed or cleaned, at its line in the input.
 */
import type * as M from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { toString } from 'mdast-util-to-string';
import type { Participant } from '../model/briefing.js';
import { participantText } from '../layout/furniture.js';
import { clip, FIELD_ORDER } from './frontmatter.js';
import type { Imported } from './index.js';
import { describeOrigin, type Evidence, type Origin } from './types.js';

const reparse = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

function whence(evidence: Evidence, input: string): string {
  const where = describeOrigin(evidence.origin);
  const place = 'part' in evidence.origin ? `in ${where} of ${input}` : `${where} of ${input}`;
  const quote = evidence.text ? `: “${clip(evidence.text)}”` : '';
  return `${place}${quote}${evidence.why ? ` (${evidence.why})` : ''}`;
}

function shown(value: unknown): string {
  if (Array.isArray(value)) return value.join(', ');
  if (value && typeof value === 'object') return participantText(value as Participant);
  return String(value);
}

/** The line of each front-matter key (and of each participant's `- name:`), 1-based in the file. */
function fieldLines(markdown: string): Map<string, number[]> {
  const lines = markdown.split('\n');
  const out = new Map<string, number[]>();
  let current = '';
  for (let i = 1; i < lines.length && lines[i] !== '---'; i++) {
    const key = /^([a-z_]+):/.exec(lines[i]!)?.[1];
    if (key) {
      current = key;
      out.set(key, [i + 1]);
    } else if (current === 'participants' && /^\s*- /.test(lines[i]!)) {
      out.get(current)!.push(i + 1);
    }
  }
  return out;
}

type Structure = M.Heading | M.List | M.Table;

function structure(root: M.Root): Structure[] {
  const out: Structure[] = [];
  const walk = (nodes: readonly M.Node[]): void => {
    for (const node of nodes) {
      if (node.type === 'heading' || node.type === 'list' || node.type === 'table') out.push(node as Structure);
      if ('children' in node) walk((node as M.Parent).children);
    }
  };
  walk(root.children);
  return out;
}

function describe(node: Structure): string {
  if (node.type === 'heading') return `${node.depth === 2 ? 'section heading' : 'heading'} “${toString(node)}”`;
  if (node.type === 'list') return `${node.ordered ? 'numbered' : 'bulleted'} list of ${node.children.length} item${node.children.length === 1 ? '' : 's'}`;
  const columns = node.children[0]?.children.length ?? 0;
  return `table of ${node.children.length - 1} row${node.children.length === 2 ? '' : 's'} and ${columns} column${columns === 1 ? '' : 's'}`;
}

function at(path: string, point: { line: number; column: number } | undefined): string {
  return point ? `${path}:${point.line}:${point.column}` : path;
}

function inputAt(input: string, origin: Origin | null): string {
  return origin && 'line' in origin ? `${input}:${origin.line}:${origin.column}` : input;
}

/** The lines to print for an import of `input` written to `output`. */
export function importReport(imported: Imported, input: string, output: string): string[] {
  const lines: string[] = [];
  const keys = fieldLines(imported.markdown);
  for (const key of FIELD_ORDER) {
    const field = imported.fields[key];
    if (!field) continue;
    const entries = Array.isArray(field) && key === 'participants' ? field : [field];
    const places = keys.get(key) ?? [1];
    entries.forEach((entry, index) => {
      const line = key === 'participants' ? (places[index + 1] ?? places[0]!) : places[0]!;
      const { value, evidence } = entry as { value: unknown; evidence: Evidence };
      lines.push(`${output}:${line}:1: ${evidence.how}: ${key.replace('_', ' ')} “${shown(value)}”, ${whence(evidence, input)}`);
    });
  }
  if (!imported.fields.title) {
    lines.push(`${output}:1:1: warning: no title found: add \`title:\` to the front matter (or a \`# Title\` line) before building`);
  }
  const ours = structure(imported.draft.body);
  const written = structure(reparse.parse(imported.markdown) as M.Root);
  written.forEach((node, index) => {
    const mine = ours[index];
    const origin = mine && mine.type === node.type ? imported.draft.locate(mine, 0) : null;
    const from = origin ? ` (${describeOrigin(origin)} of ${input})` : '';
    lines.push(`${at(output, node.position?.start)}: found: ${describe(node)}${from}`);
  });
  const lineOf = (origin: Origin | null): number => (origin && 'line' in origin ? origin.line : Number.MAX_SAFE_INTEGER);
  const notes = [...imported.draft.notes].sort((a, b) => lineOf(a.origin) - lineOf(b.origin));
  for (const note of notes) lines.push(`${inputAt(input, note.origin)}: ${note.kind}: ${note.message}`);
  return lines;
}
