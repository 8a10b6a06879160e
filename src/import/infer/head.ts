/**
 * The head of a text: the lines a press office's page puts above the first paragraph (the title, "Readout", "Office
 * of the Spokesperson", the date) and the "The following is attributable to …" line. Each is a front-matter field the
 * input states outright, so it leaves the body for the front matter.
 */
import type * as M from 'mdast';
import { toString } from 'mdast-util-to-string';
import { readsAsHeading } from '../text.js';
import type { Draft, Evidence, Fields } from '../types.js';
import { dateLine } from './dates.js';
import { kindLabel } from './kind.js';
import { wordCount } from './units.js';

/** A paragraph this long is the article itself: the head is above it. */
const ARTICLE_WORDS = 12;
const HEAD_MAX_NODES = 8;

const OFFICE_LINE = /^Office of (?:the )?\p{Lu}[\p{L} ,&’'-]{2,60}$/u;
const ATTRIBUTABLE = /^The following (?:statement |readout )?is attributable to (.+?)[:.]?$/iu;

function found(draft: Draft, node: M.Node, text: string): Evidence {
  return { how: 'found', origin: draft.locate(node, 0) ?? { part: 'the text' }, text };
}

/** Moves the head's fields from the body into `fields` (which may hold what the reader found already). */
export function readHead(draft: Draft, fields: Fields): void {
  const body = draft.body.children;
  const remove = new Set<M.RootContent>();

  const attributable = body.find((node) => node.type === 'paragraph' && ATTRIBUTABLE.test(toString(node).trim()));
  if (attributable && !fields.prepared_by) {
    const text = toString(attributable).trim();
    fields.prepared_by = { value: ATTRIBUTABLE.exec(text)![1]!.trim(), evidence: found(draft, attributable, text) };
    remove.add(attributable);
  }

  let consumedBefore = false;
  for (const node of body.slice(0, HEAD_MAX_NODES)) {
    if (node.type !== 'paragraph' && node.type !== 'heading') break;
    const text = toString(node).trim();
    if (node.type === 'paragraph' && wordCount(text) >= ARTICLE_WORDS) break;
    if (remove.has(node)) continue;
    if (text === fields.title?.value) {
      // The title the reader found (a document's properties, a page's <title>) repeated as the first line.
      remove.add(node);
      continue;
    }
    const kind = kindLabel(text);
    const date = dateLine(text);
    if (kind) {
      if (!fields.kind) fields.kind = { value: kind, evidence: found(draft, node, text) };
    } else if (date) {
      if (!fields.date) fields.date = { value: date.iso, evidence: found(draft, node, text) };
    } else if (OFFICE_LINE.test(text)) {
      const field = fields.prepared_by ? 'source' : 'prepared_by';
      if (!fields[field]) fields[field] = { value: text, evidence: found(draft, node, text) };
    } else if (!fields.title && ((node.type === 'heading' && node.depth === 1) || (consumedBefore && readsAsHeading(text)))) {
      // The title line; or, when a kind or date line stood first, the heading-like line after it.
      fields.title = { value: text, evidence: found(draft, node, text) };
    } else {
      continue;
    }
    remove.add(node);
    consumedBefore = true;
  }
  draft.body.children = body.filter((node) => !remove.has(node));
}
