/**
 * Changing a paragraph once it is made: a docx Paragraph cannot be changed, so these make it again from its options
 * with the change (a handler learns only after its paragraphs exist which one ends a list, or that the layout keeps
 * them in one column).
 */
import { Paragraph, type ISpacingProperties } from 'docx';
import type { WordBlock } from './blocks/index.js';

/** The block at `index` with other spacing, when it is a paragraph. */
export function respaced(blocks: readonly WordBlock[], index: number, spacing: ISpacingProperties): WordBlock[] {
  return blocks.map((block, i) =>
    i === index && block instanceof Paragraph ? new Paragraph({ ...block.options, spacing: { ...block.options.spacing, ...spacing } }) : block,
  );
}

/** Every paragraph but the last kept with the next, so Word sets them in one column (as the layout keeps them). */
export function keptTogether(blocks: readonly WordBlock[]): WordBlock[] {
  return blocks.map((block, i) => (i < blocks.length - 1 && block instanceof Paragraph ? new Paragraph({ ...block.options, keepNext: true }) : block));
}
