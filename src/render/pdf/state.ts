/** What every PDF handler shares: the pdfkit document, the page being drawn, fonts registered so far. */
import type PDFDocument from 'pdfkit';
import type { Face } from '../../layout/faces.js';
import type { LinkInline } from '../../model/briefing.js';
import type { RenderContext } from '../types.js';
import { pdfFont } from './font-view.js';

export type Doc = InstanceType<typeof PDFDocument>;
export type StructElement = PDFKit.PDFStructureElement;

/**
 * A link as the PDF tags it: its Link structure element and its alternate description, which the element carries as
 * /Alt and each of its annotations as /Contents (PDF/UA-1 7.18.5; a link broken across lines has one per line).
 */
export interface LinkTarget {
  element: StructElement;
  description: string;
}

export interface State {
  doc: Doc;
  context: RenderContext;
  page: number;
  fonts: Set<string>;
  /** Link structure elements by link, so a link broken across lines is one Link element. */
  links: Map<LinkInline, LinkTarget>;
}

/** Pages can only change between marked-content sequences, never inside one. */
export function goToPage(state: State, page: number): void {
  if (state.page !== page) {
    state.doc.switchToPage(page);
    state.page = page;
  }
}

export function useFont(state: State, face: Face): void {
  if (!state.fonts.has(face.key)) {
    // pdfkit also accepts a parsed fontkit font (it checks for `layout`), which saves parsing the file again for
    // every document; we give it a view that subsets faster (./font-view.ts). Its type declarations only list byte
    // sources, hence the cast.
    state.doc.registerFont(face.key, pdfFont(face) as unknown as Uint8Array);
    state.fonts.add(face.key);
  }
  state.doc.font(face.key);
}
