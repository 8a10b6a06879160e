/**
 * HTML → a draft, through rehype-parse and rehype-remark. A web page brings more than its article: the article is
 * the page's `<main>` (else its `<article>`, else its body), navigation, forms, scripts and hidden elements go, and
 * so does every element whose whole text is page furniture (furniture.ts), with a note naming it. The Word reader
 * (docx.ts) ends in the same pipeline, with mammoth's HTML.
 */
import type * as H from 'hast';
import type * as M from 'mdast';
import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import { unified } from 'unified';
import { Cleaner } from './clean.js';
import { isPageFurniture } from './furniture.js';
import { eachText, findElement, isElement, rewrite, textOf } from './hast.js';
import { units } from './infer/units.js';
import type { Draft, Fields, Note, Origin } from './types.js';

const toMarkdownTree = unified().use(rehypeRemark);

/** Elements that are never the article's text. */
const CHROME = new Set(['nav', 'aside', 'form', 'button', 'select', 'input', 'textarea', 'script', 'style', 'noscript', 'template', 'iframe', 'svg', 'dialog', 'footer']);
const CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'search', 'dialog', 'alertdialog']);
/** Elements whose text, when it is nothing but furniture, is dropped whole. */
const FURNITURE_HOLDERS = new Set(['p', 'li', 'div', 'section', 'a', 'span', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

function isChrome(node: H.Element): boolean {
  const role = String(node.properties.role ?? '');
  if (CHROME.has(node.tagName) || CHROME_ROLES.has(role)) return true;
  if (node.properties.hidden !== undefined && node.properties.hidden !== false) return true;
  if (String(node.properties.ariaHidden ?? '') === 'true') return true;
  // A site header goes; an article's header holds its title.
  return node.tagName === 'header' && !findElement(node, (e) => e.tagName === 'h1');
}

/**
 * A checkbox that starts a list item or its first paragraph marks a task: Word's checkbox content control (as
 * briefing's DOCX writes a task's box, and mammoth reads it) or a web page's task list. It becomes the box it shows,
 * which markTasks reads; any other form control is chrome.
 */
function isTaskCheckbox(node: H.Element, parent: H.Root | H.Element): boolean {
  if (node.tagName !== 'input' || node.properties.type !== 'checkbox' || !isElement(parent, 'li', 'p')) return false;
  return parent.children.find((child) => !(child.type === 'text' && child.value.trim() === '')) === node;
}

/** The page title without the site's name after it ("Readout - United States Department of State"). */
function pageTitle(tree: H.Root): string | undefined {
  const title = findElement(tree, (e) => e.tagName === 'title');
  const text = title ? textOf(title).replace(/\s+/g, ' ').trim() : '';
  return text.split(/\s+[|–—-]\s+/)[0]?.trim() || undefined;
}

/** Drops elements whose whole text is page furniture, noting each; a table's cells are data, never furniture. */
function dropFurniture(parent: H.Root | H.Element, notes: Note[]): void {
  parent.children = parent.children.filter((child) => {
    if (child.type !== 'element' || child.tagName === 'table') return true;
    if (FURNITURE_HOLDERS.has(child.tagName) && isPageFurniture(textOf(child))) {
      notes.push({ kind: 'removed', origin: null, message: `page furniture “${textOf(child).replace(/\s+/g, ' ').trim()}”` });
      return false;
    }
    dropFurniture(child, notes);
    return true;
  });
}

/** Removes chrome and furniture from `root` and cleans its text, noting what went. */
export function tidyHtml(root: H.Root | H.Element, notes: Note[]): void {
  rewrite(root, (node, parent) => {
    if (isTaskCheckbox(node, parent)) return [{ type: 'text', value: node.properties.checked ? '\u2611 ' : '\u2610 ' }];
    if (isChrome(node)) return [];
    // Anchors without an address are bookmarks (Word's, a page's): their text stays, the anchor goes.
    if (node.tagName === 'a' && !node.properties.href) return node.children;
    return [node];
  });
  dropFurniture(root, notes);
  const cleaner = new Cleaner();
  eachText(root, (text) => {
    text.value = cleaner.clean(text.value);
  });
  notes.push(...cleaner.notes());
}

/** A list item that starts with a ballot box (as Word writes a task, and briefing's DOCX does) is a task. */
function markTasks(node: M.Nodes): void {
  if (node.type === 'listItem' && node.checked == null) {
    const [first] = node.children;
    const text = first?.type === 'paragraph' ? first.children[0] : undefined;
    const box = text?.type === 'text' ? /^([☐☒☑])\s+/u.exec(text.value) : null;
    if (text?.type === 'text' && box) {
      node.checked = box[1] !== '☐';
      text.value = text.value.slice(box[0].length);
    }
  }
  if ('children' in node) for (const child of node.children) markTasks(child);
}

/**
 * The shallowest heading level under the title is the section level (`##`): a Word draft written with Heading 2 as
 * its top level (as Pandoc writes `##`), or a page whose sections are `<h3>`, still has sections. The first node,
 * when a `#` heading, is the title and keeps its level.
 */
function promoteHeadings(body: M.Root): void {
  const headings: M.Heading[] = [];
  const walk = (node: M.Nodes): void => {
    if (node.type === 'heading' && !(node === body.children[0] && node.depth === 1)) headings.push(node);
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(body);
  const top = Math.min(...headings.map((h) => h.depth));
  if (!Number.isFinite(top) || top <= 2) return;
  for (const heading of headings) heading.depth = (heading.depth - (top - 2)) as M.Heading['depth'];
}

/** The finished hast of an article → a draft; origins are the paragraph's number in the article. */
export async function hastToDraft(root: H.Root, fields: Fields, notes: Note[], complete = false): Promise<Draft> {
  const body = (await toMarkdownTree.run(root)) as M.Root;
  markTasks(body);
  // A document briefing wrote has its levels as the source had them.
  if (!complete) promoteHeadings(body);
  const numbers = new Map<M.Node, number>();
  units(body).forEach((unit, index) => numbers.set(unit.node, index + 1));
  // A list or table is where its first paragraph is.
  const first = (node: M.Node): number | undefined =>
    numbers.get(node) ?? ('children' in node ? (node as M.Parent).children.map(first).find((n) => n !== undefined) : undefined);
  const locate = (node: M.Node): Origin | null => {
    const paragraph = first(node);
    return paragraph === undefined ? null : { paragraph };
  };
  return { body, fields, complete, locate, notes, pictures: [] };
}

/** Reads an HTML page into a draft. */
export async function readHtml(html: string): Promise<Draft> {
  const notes: Note[] = [];
  const tree = unified().use(rehypeParse).parse(html);
  const article =
    findElement(tree, (e) => e.tagName === 'main' || e.properties.role === 'main') ?? findElement(tree, (e) => e.tagName === 'article') ?? findElement(tree, (e) => e.tagName === 'body') ?? tree;
  if (article.type === 'element' && article.tagName !== 'body') {
    notes.push({ kind: 'removed', origin: null, message: `everything outside the page's <${article.tagName}> (banners, navigation, footer)` });
  }
  tidyHtml(article, notes);
  const fields: Fields = {};
  const title = pageTitle(tree);
  if (title && !findElement(article, (e) => e.tagName === 'h1')) fields.title = { value: title, evidence: { how: 'found', origin: { part: "the page's <title>" }, text: title } };
  const root: H.Root = { type: 'root', children: isElement(article) ? [article] : article.children };
  return hastToDraft(root, fields, notes);
}
