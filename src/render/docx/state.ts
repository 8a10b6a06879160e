/**
 * What every block and inline handler receives. Pandoc's split: `env` is what a handler inherits from where it sits
 * (read-only, replaced when descending); `numbering` and `drawingId` accumulate over the whole document.
 */
import type { Briefing } from '../../model/briefing.js';
import type { Layout } from '../../layout/layout.js';
import type { Theme } from '../../theme/theme.js';
import type { RenderContext } from '../types.js';
import type { ListNumbering } from './numbering.js';

/** What a DOCX handler inherits from where it sits in the document (`withEnv` makes the env of a nested place). */
export interface DocxEnv {
  /** Paragraph style for running text here: BodyText in the body, Quote inside a block quote, … */
  paragraphStyle: string;
  /** List nesting depth of the enclosing list item (0 outside lists). */
  listDepth: number;
  /** Left indent in points of running text here (continuation paragraphs of list items line up with the item). */
  indent: number;
  /** Width available to the current block, in points (the column, less list and quote indents). */
  width: number;
}

export interface State {
  briefing: Briefing;
  layout: Layout;
  theme: Theme;
  context: RenderContext;
  env: DocxEnv;
  numbering: ListNumbering;
  /**
   * The next drawing id (wp:docPr), unique within this document. Left to the library, ids come from one counter per
   * process, so a picture's id depended on how many pictures were built before it: not reproducible in a batch.
   */
  drawingId: () => string;
}

export const withEnv = (state: State, env: Partial<DocxEnv>): State => ({ ...state, env: { ...state.env, ...env } });
