/** The text a model holds, block by block, for tests that check an output kept every word. */
import type { Block } from '../../src/model/briefing.js';
import { plainText } from '../../src/model/text.js';

/** One string per paragraph-like piece (paragraph, heading, table cell, code block), in document order. */
export function blockStrings(blocks: readonly Block[]): string[] {
  return blocks.flatMap((b): string[] => {
    switch (b.type) {
      case 'paragraph':
      case 'heading':
        return [plainText(b.children)];
      case 'list':
        return b.items.flatMap((i) => blockStrings(i.children));
      case 'blockquote':
        return blockStrings(b.children);
      case 'table':
        return [...b.header, ...b.rows.flat()].map((c) => plainText(c.children));
      case 'code':
        return [b.value];
      case 'image':
        // The title is the picture's caption, shown under it in every format.
        return b.title ? [b.title] : [];
      case 'thematicBreak':
        return [];
    }
  });
}
