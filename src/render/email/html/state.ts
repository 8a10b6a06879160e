/**
 * What every handler of the email's HTML part receives: the inherited settings (styles, theme, context) and what
 * accumulates (pictures, the last heading level, the margin the next block starts with).
 */
import type { Block, Inline } from '../../../model/briefing.js';
import type { Theme } from '../../../theme/theme.js';
import { escapeHtml } from '../../html/escape.js';
import { escapeText } from '../../html/state.js';
import type { RenderContext } from '../../types.js';
import type { ImageParts } from '../images.js';
import type { EmailStyles } from '../styles.js';

export interface HtmlState {
  readonly styles: EmailStyles;
  readonly theme: Theme;
  readonly context: RenderContext;
  readonly images: ImageParts;
  /** The current run is italic (a quotation): emphasis inside it turns upright, as in the other formats. */
  italic: boolean;
  /** The level of the last heading emitted, so nested headings never skip a level. */
  headingLevel: number;
  /** Px above the block being emitted: 0 for the first block of a flow. */
  marginTop: number;
  /** Lists around the current one: a nested bullet list gets other bullets. */
  listDepth: number;
  /** The width text has inside the current box, px (pictures are drawn no wider). */
  available: number;
  /** The size of the text being emitted, px: inline code is set smaller, but never below the screen's minimum. */
  fontPx: number;
  text(value: string): string;
  /** A `style` attribute: the block's top margin, then `declarations`. */
  block(declarations: string): string;
  inlines(nodes: readonly Inline[]): string;
  /** Blocks of one flow, `gap` px apart (default: the paragraph spacing), the first `first` px below what precedes it. */
  blocks(nodes: readonly Block[], gap?: number, first?: number): string;
}

/** A `style` attribute. Declarations come from the theme's checked tokens; escaped all the same, keeping the single quotes of font names. */
export function styleAttribute(declarations: string): string {
  return declarations ? ` style="${declarations.replace(/[&<>"]/g, (c) => escapeHtml(c))}"` : '';
}

export interface HtmlEmitters {
  inlines(nodes: readonly Inline[], state: HtmlState): string;
  blocks(nodes: readonly Block[], state: HtmlState, before: (index: number) => void): string;
}

export function createHtmlState(styles: EmailStyles, theme: Theme, context: RenderContext, images: ImageParts, emitters: HtmlEmitters): HtmlState {
  const state: HtmlState = {
    styles,
    theme,
    context,
    images,
    italic: false,
    headingLevel: 2,
    marginTop: 0,
    listDepth: 0,
    available: styles.width - 2 * styles.inset,
    fontPx: styles.sizes.body,
    text: (value) => escapeText(value),
    block: (declarations) => styleAttribute([`margin:${state.marginTop}px 0 0`, declarations].filter(Boolean).join(';')),
    inlines: (nodes) => emitters.inlines(nodes, state),
    blocks(nodes, gap = styles.gaps.paragraph, first = 0) {
      const saved = state.marginTop;
      try {
        return emitters.blocks(nodes, state, (index) => {
          state.marginTop = index === 0 ? first : gap;
        });
      } finally {
        state.marginTop = saved;
      }
    },
  };
  return state;
}
