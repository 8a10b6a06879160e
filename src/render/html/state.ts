/**
 * What every handler receives. Inherited settings (theme, layout, context) are kept apart from what accumulates
 * while emitting (fonts used, ids claimed, the last heading level), as Pandoc keeps Env apart from State.
 */
import type { Block, Inline } from '../../model/briefing.js';
import type { Layout } from '../../layout/layout.js';
import type { Theme } from '../../theme/theme.js';
import type { RenderContext } from '../types.js';
import { escapeHtml, idToken } from './escape.js';
import { FontUsage, type Face } from './fonts.js';

export interface State {
  readonly theme: Theme;
  readonly layout: Layout;
  readonly context: RenderContext;
  readonly fonts: FontUsage;
  /** The face the current run is drawn in, as the CSS sets it; handlers change it with `withFace`. */
  face: Face;
  /** The level of the last heading emitted, so nested headings never skip a level (h2 → h3 → h4). */
  headingLevel: number;
  /** Escapes text and records its characters for the current face; `upper` for text the CSS uppercases. */
  text(value: string, options?: { upper?: boolean }): string;
  withFace<T>(change: Partial<Face>, emit: () => T): T;
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
    text(value, options) {
      state.fonts.record(value, state.face);
      if (options?.upper) state.fonts.record(value.toUpperCase(), state.face);
      return escapeHtml(value);
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
