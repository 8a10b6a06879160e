import type { CodeBlock } from '../../../model/briefing.js';
import { escapeHtml } from '../escape.js';
import type { State } from '../state.js';

/** Verbatim, upright and regular whatever surrounds it (the CSS resets pre's slant and weight). */
export function code(node: CodeBlock, state: State): string {
  const lang = node.lang && /^[\w+#.-]+$/.test(node.lang) ? ` class="language-${escapeHtml(node.lang)}"` : '';
  const body = state.withFace({ role: 'mono', bold: false, italic: false }, () => state.text(node.value));
  return `<pre><code${lang}>${body}</code></pre>\n`;
}
