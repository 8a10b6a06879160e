/** The running text of a body, block by block, for the inference rules to read. */
import type * as M from 'mdast';
import { toString } from 'mdast-util-to-string';

export interface Unit {
  node: M.Paragraph | M.Heading;
  text: string;
}

/** Paragraphs and headings in reading order, also those inside lists and quotes (not table cells: they are data). */
export function units(root: M.Root): Unit[] {
  const out: Unit[] = [];
  const walk = (nodes: readonly M.Node[]): void => {
    for (const node of nodes) {
      if (node.type === 'paragraph' || node.type === 'heading') out.push({ node: node as M.Paragraph | M.Heading, text: toString(node) });
      else if (node.type === 'list' || node.type === 'listItem' || node.type === 'blockquote') walk((node as M.Parent).children);
    }
  };
  walk(root.children);
  return out;
}

export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
