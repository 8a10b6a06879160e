/**
 * What every handler receives. Inherited settings (theme, layout, context) are kept apart from what accumulates
 * while emitting (fonts used, ids claimed, the last heading level), as Pandoc keeps Env apart from State.
 */
import type { Block, Inline } from '../../model/briefing.js';
import type { Layout } from '../../layout/layout.js';
import type { Theme } from '../../theme/theme.js';
import type { RenderContext } from '../types.js';
import { escapeHtml, idToken } from './escape.js';
import { FontUsage, type CssFace } from './fonts.js';

const RTL = '\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff';
/** A right-to-left stretch: RTL letters with the spaces, joiners and marks between them. */
const RTL_STRETCH = new RegExp(`[${RTL}](?:[${RTL}\\s\u200c\u200d]*[${RTL}])?`, 'gu');

/**
 * Escapes text, isolating each right-to-left stretch in <bdi>: the browser then orders it right to left inside a
 * left-to-right line, as the PDF typesetter does, and neighbouring numbers and punctuation stay outside it.
 */
export function escapeText(value: string): string {
  RTL_STRETCH.lastIndex = 0;
  if (!RTL_STRETCH.test(value)) return escapeHtml(value);
  return value
    .split(new RegExp(`(${RTL_STRETCH.source})`, 'u'))
    .map((piece, i) => (i % 2 === 1 ? `<bdi>${escapeHtml(piece)}</bdi>` : escapeHtml(piece)))
    .join('');
}

export interface State {
  readonly theme: Theme;
  readonly layout: Layout;
  readonly context: RenderContext;
  readonly fonts: FontUsage;
  /** The face the current run is drawn in, as the CSS sets it; handlers change it with `withFace`. */
  face: CssFace;
  /** The level of the last heading emitted, so nested headings never skip a level (h2 → h3 → h4). */
  headingLevel: number;
  /** Lists enclosing the current block (0 outside lists): the depth whose marker a list here shows. */
  listDepth: number;
  /** Escapes text and records its characters for the current face; `upper` for text the CSS uppercases. */
  text(value: string, options?: { upper?: boolean }): string;
  withFace<T>(change: Partial<CssFace>, emit: () => T): T;
  /** A document-unique id derived from `wanted`, unescaped: escape it where it is written. */
  claimId(wanted: string): string;
  inlines(nodes: readonly Inline[]): string;
  blocks(nodes: readonly Block[]): string;
}

export interface Emitters {
  inlines(nodes: readonly Inline[], state: State): string;
  blocks(nodes: readonly Block[], state: State): string;
}

export function createState(theme: Theme, layout: Layout, context: RenderContext, emitters: Emitters): State {
  const ids = new Set<string>();
  const state: State = {
    theme,
    layout,
    context,
    fonts: new FontUsage(theme),
    face: { role: 'body', bold: false, italic: false },
    headingLevel: 2,
    listDepth: 0,
    text(value, options) {
      state.fonts.record(value, state.face);
      if (options?.upper) state.fonts.record(value.toUpperCase(), state.face);
      return escapeText(value);
    },
    withFace(change, emit) {
      const saved = state.face;
      state.face = { ...saved, ...change };
      try {
        return emit();
      } finally {
        state.face = saved;
      }
    },
    claimId(wanted) {
      const base = idToken(wanted);
      let id = base;
      for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
      ids.add(id);
      return id;
    },
    inlines: (nodes) => emitters.inlines(nodes, state),
    blocks: (nodes) => emitters.blocks(nodes, state),
  };
  return state;
}
