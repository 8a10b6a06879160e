/**
 * The parts of a Word file mammoth does not read: the document properties (docProps/core.xml: title, subject,
 * keywords), the page headers and footers, and the document's language (the default run language in
 * word/styles.xml). Unzipped with fflate, read with xast-util-from-xml; only those few parts are inflated.
 */
import { strFromU8, unzipSync } from 'fflate';
import type * as X from 'xast';
import { fromXml } from 'xast-util-from-xml';

export interface WordParts {
  title?: string;
  subject?: string;
  keywords?: string;
  /** The text of each header's and footer's paragraphs, in part-name order (tabs kept as tabs). */
  headers: string[];
  footers: string[];
  /** The language tag the document's text defaults to (w:docDefaults), when it names one. */
  language?: string;
}

const WANTED = /^(?:docProps\/core\.xml|word\/styles\.xml|word\/(?:header|footer)\d*\.xml)$/;

function elements(node: X.Root | X.Element, name: string, out: X.Element[] = []): X.Element[] {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (child.name === name) out.push(child);
    elements(child, name, out);
  }
  return out;
}

function text(node: X.Root | X.Element): string {
  return node.children.map((child) => (child.type === 'text' ? child.value : child.type === 'element' ? text(child) : '')).join('');
}

/** A paragraph's visible text: its runs' `w:t`, with `w:tab` as a tab. */
function paragraphText(paragraph: X.Element): string {
  let out = '';
  const walk = (node: X.Element): void => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (child.name === 'w:t') out += text(child);
      else if (child.name === 'w:tab') out += '\t';
      else walk(child);
    }
  };
  walk(paragraph);
  return out;
}

function parse(bytes: Uint8Array | undefined): X.Root | null {
  if (!bytes) return null;
  try {
    return fromXml(strFromU8(bytes));
  } catch {
    // A part that is not well-formed XML says nothing we can use; mammoth reports on the body.
    return null;
  }
}

export function readWordParts(docx: Uint8Array): WordParts {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(docx, { filter: (file) => WANTED.test(file.name) });
  } catch {
    return { headers: [], footers: [] };
  }
  const parts: WordParts = { headers: [], footers: [] };
  const core = parse(files['docProps/core.xml']);
  if (core) {
    const field = (name: string): string | undefined => {
      const [element] = elements(core, name);
      const value = element ? text(element).trim() : '';
      return value || undefined;
    };
    const title = field('dc:title');
    const subject = field('dc:subject');
    const keywords = field('cp:keywords');
    if (title) parts.title = title;
    if (subject) parts.subject = subject;
    if (keywords) parts.keywords = keywords;
  }
  const styles = parse(files['word/styles.xml']);
  const [defaults] = styles ? elements(styles, 'w:docDefaults') : [];
  const [lang] = defaults ? elements(defaults, 'w:lang') : [];
  const language = lang?.attributes['w:val'];
  if (language) parts.language = language;
  for (const name of Object.keys(files).sort()) {
    const kind = /^word\/(header|footer)/.exec(name)?.[1];
    const tree = kind ? parse(files[name]) : null;
    if (!tree) continue;
    const texts = elements(tree, 'w:p').map(paragraphText).filter((t) => t.trim() !== '');
    (kind === 'header' ? parts.headers : parts.footers).push(...texts);
  }
  return parts;
}
