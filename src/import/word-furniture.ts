/**
 * What a Word document shows around its body, read back into front-matter fields. Briefing's own documents put
 * the front matter on the page in named styles (src/render/docx/page-furniture.ts): a header band (a one-cell table
 * with the Band Kicker, Title, Subtitle and Band Detail paragraphs), boxes labelled "Summary" and "Key points", a pull
 * quote (Intense Quote and Quote Attribution, which the build derives from the text, so it is dropped), and a footer
 * and page header. Any Word document may have a Title paragraph, document properties and a "Prepared by:" footer.
 *
 * Runs on mammoth's HTML, whose classes come from the style map in docx.ts.
 */
import type * as H from 'hast';
import { participantFrom } from '../parse/index.js';
import { LABELS } from '../layout/furniture.js';
import type { WordParts } from './docx-parts.js';
import { findAll, findElement, hasClass, isElement, rewrite, textOf } from './hast.js';
import { dateLine } from './infer/dates.js';
import type { Evidence, Fields } from './types.js';

const BAND = 'the header band';

function from(part: string, text: string): Evidence {
  return { how: 'found', origin: { part }, text };
}



function readBand(band: H.Element, parts: WordParts, fields: Fields): void {
  const title = findElement(band, (e) => e.tagName === 'h1');
  if (title) fields.title = { value: textOf(title).trim(), evidence: from(BAND, textOf(title).trim()) };
  const subtitle = findElement(band, (e) => hasClass(e, 'subtitle'));
  if (subtitle) fields.subtitle = { value: textOf(subtitle).trim(), evidence: from(BAND, textOf(subtitle).trim()) };
  // The kicker shows the kind, or the template's header text when there is none; the document's subject is the kind.
  if (parts.subject) fields.kind = { value: parts.subject, evidence: from('the document properties (subject)', parts.subject) };
  // The band prints each participant as "Name, Role", which is how the parser reads a front-matter string.
  const participantsLabel = `${LABELS.participants}: `;
  for (const detail of findAll(band, (e) => hasClass(e, 'band-detail'))) {
    const text = textOf(detail).trim();
    if (text.startsWith(participantsLabel)) {
      fields.participants = text
        .slice(participantsLabel.length)
        .split(' · ')
        .map((entry) => ({ value: participantFrom(entry), evidence: from(BAND, entry) }));
      continue;
    }
    const [first = '', ...rest] = text.split(' · ');
    const date = dateLine(first);
    if (date) fields.date = { value: date.iso, evidence: from(BAND, first) };
    const location = (date ? rest : [first, ...rest]).join(' · ').trim();
    if (location) fields.location = { value: location, evidence: from(BAND, location) };
  }
  const classification = parts.headers[0]?.trim();
  if (classification) fields.classification = { value: classification, evidence: from('the page header', classification) };
}

/** "Prepared by: … · Distribution: …" and "Source: … · Organisation", as the footer prints them. */
function readFooter(parts: WordParts, fields: Fields): void {
  const labelled = { prepared_by: `${LABELS.preparedBy}: `, distribution: `${LABELS.distribution}: `, source: `${LABELS.source}: ` } as const;
  for (const line of parts.footers) {
    for (const piece of line.split(' · ')) {
      for (const [field, label] of Object.entries(labelled) as [keyof typeof labelled, string][]) {
        const value = piece.startsWith(label) ? piece.slice(label.length).trim() : '';
        if (value && !fields[field]) fields[field] = { value, evidence: from('the page footer', piece.trim()) };
      }
    }
  }
}

/** A one-row, one-cell table is a box drawn around text, not a table of data. */
function isBox(table: H.Element): boolean {
  const rows = findAll(table, (e) => e.tagName === 'tr');
  return rows.length === 1 && findAll(rows[0]!, (e) => e.tagName === 'td' || e.tagName === 'th').length === 1;
}

/** Reads the fields and rewrites the tree; true when it is a document briefing wrote (its header band was found). */
export function readWordFurniture(tree: H.Root, parts: WordParts, fields: Fields): boolean {
  const band = findElement(tree, (e) => e.tagName === 'table' && findElement(e, (c) => hasClass(c, 'band-kicker')) !== undefined);
  const ownDocument = band !== undefined;
  if (band) readBand(band, parts, fields);
  readFooter(parts, fields);
  if (parts.keywords) fields.keywords = { value: parts.keywords.split(/,\s*/).filter(Boolean), evidence: from('the document properties (keywords)', parts.keywords) };
  if (parts.language && parts.language !== 'en-US') fields.language = { value: parts.language, evidence: from('the document language', parts.language) };
  if (!fields.title && parts.title && !findElement(tree, (e) => e.tagName === 'h1')) {
    fields.title = { value: parts.title, evidence: from('the document properties (title)', parts.title) };
  }

  rewrite(tree, (node, parent) => {
    if (node === band) return [];
    if (node.tagName === 'table' && isBox(node)) return findElement(node, (e) => e.tagName === 'td' || e.tagName === 'th')?.children ?? [];
    if (hasClass(node, 'box-label')) {
      const label = textOf(node).trim();
      // The Summary box's content is the summary: the paragraphs before the first section. Key points are a section.
      if (label === LABELS.summary) return [];
      return [{ type: 'element', tagName: 'h2', properties: {}, children: [{ type: 'text', value: label }] }];
    }
    if (ownDocument && (hasClass(node, 'intense') || hasClass(node, 'quote-attribution'))) return [];
    if ((node.tagName === 'td' || node.tagName === 'th') && !node.properties.align) {
      const aligned = findElement(node, (e) => ['align-left', 'align-center', 'align-right'].some((c) => hasClass(e, c)));
      const align = aligned ? String((aligned.properties.className as string[]).find((c) => c.startsWith('align-'))).slice(6) : undefined;
      if (align) node.properties.align = align;
    }
    if (node.tagName === 'img' && !node.properties.src) return [];
    if (hasClass(node, 'caption')) {
      // A caption under a picture is the picture's title.
      const index = parent.children.indexOf(node);
      const before = parent.children.slice(0, index).reverse().find((c) => c.type === 'element');
      const picture = isElement(before) ? findElement(before, (e) => e.tagName === 'img') : undefined;
      if (picture) {
        picture.properties.title = textOf(node).trim();
        return [];
      }
    }
    return [node];
  });
  return ownDocument;
}
