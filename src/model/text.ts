/** Text of the model as a reader sees it, for every layer that needs words rather than structure. */
import type { Inline } from './briefing.js';

/** The visible text of inlines, as a reader would copy it (line breaks become spaces). */
export function plainText(inlines: readonly Inline[]): string {
  let out = '';
  for (const node of inlines) {
    switch (node.type) {
      case 'text':
      case 'code':
        out += node.value;
        break;
      case 'break':
        out += ' ';
        break;
      default:
        out += plainText(node.children);
    }
  }
  return out;
}
