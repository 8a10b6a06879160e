/**
 * The PDF emitter: typesets the briefing at the fitted layout and draws the display list with pdfkit, tagged for
 * accessibility (PDF/UA identification, a structure tree, artifacts for decoration) with embedded subset fonts.
 * Output depends only on its inputs and `context.buildDate`, so the same input gives the same bytes.
 */
import PDFDocument from 'pdfkit';
import { drawnTypeset } from '../../layout/typeset.js';
import { plainText } from '../../model/text.js';
import type { Briefing } from '../../model/briefing.js';
import type { Renderer } from '../types.js';
import { drawGroup } from './blocks.js';
import type { Doc, State } from './state.js';

function subject(briefing: Briefing): string | undefined {
  if (briefing.meta.kind) return briefing.meta.kind;
  const first = briefing.summary.find((b) => b.type === 'paragraph');
  return first?.type === 'paragraph' ? plainText(first.children) : undefined;
}

function collect(doc: Doc): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
}

export const renderPdf: Renderer = async (briefing, layout, theme, context) => {
  const result = drawnTypeset(briefing, theme, layout);
  if (result.pages > layout.pages) context.warn(`the PDF needed ${result.pages} pages where the fit planned ${layout.pages}`);
  const { meta } = briefing;
  const info: PDFKit.DocumentInfo = {
    Title: meta.title,
    Creator: `briefing ${context.toolVersion}`,
    Producer: `briefing ${context.toolVersion} (pdfkit)`,
    CreationDate: context.buildDate,
    ModDate: context.buildDate,
  };
  if (meta.preparedBy) info.Author = meta.preparedBy;
  const about = subject(briefing);
  if (about) info.Subject = about;
  if (meta.keywords.length > 0) info.Keywords = meta.keywords.join(', ');
  const options = {
    size: [layout.page.width, layout.page.height],
    margins: { top: 0, right: 0, bottom: 0, left: 0 },
    bufferPages: true,
    pdfVersion: '1.7',
    subset: 'PDF/UA',
    tagged: true,
    lang: meta.language,
    displayTitle: true,
    info,
    // No default font: pdfkit would otherwise load Helvetica, and nothing here may use a standard-14 font.
    font: null,
  };
  // @types/pdfkit 0.17 lags pdfkit 0.20: it types `subset` without 'PDF/UA' and `font` without null.
  const doc = new PDFDocument(options as unknown as PDFKit.PDFDocumentOptions);
  const done = collect(doc);
  for (let page = 1; page < result.pages; page++) doc.addPage({ size: options.size, margins: options.margins });
  const state: State = { doc, context, page: result.pages - 1, fonts: new Set(), links: new Map() };
  const root = doc.struct('Document');
  doc.addStructure(root);
  for (const group of result.groups) drawGroup(group, root, state);
  root.end();
  doc.end();
  return done;
};
