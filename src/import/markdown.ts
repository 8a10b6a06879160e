/** The body's mdast → Markdown text, with GFM (tables, strikethrough) and the project's own conventions. */
import type * as M from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';

const processor = unified().use(remarkGfm).use(remarkStringify, {
  bullet: '-',
  emphasis: '*',
  strong: '*',
  fence: '`',
  fences: true,
  rule: '-',
  listItemIndent: 'one',
  incrementListMarker: true,
});

export function bodyMarkdown(body: M.Root): string {
  return processor.stringify(body);
}
