/**
 * Real Word numbering for lists, written from the layout's markers (src/layout/markers.ts): each level's numFmt,
 * lvlText and marker colour are the layout's for that depth, so Word shows what the PDF and the HTML show. Bullets
 * share one definition; each numbered list gets its own `instance` so it restarts, and a definition per start
 * number (Word keeps `start` on the abstract level). Definitions are created as the handlers ask for them, then
 * written once into the document's numbering part.
 */
import { AlignmentType, LevelFormat, LevelSuffix, type ILevelsOptions, type INumberingOptions } from 'docx';
import type { Geometry } from '../../layout/geometry.js';
import { bulletAt, DEEPEST_LIST_LEVEL, markerLevel, numberFormatAt, type NumberFormat } from '../../layout/markers.js';
import { hex, twips } from './units.js';

const WORD_FORMAT: Record<NumberFormat, (typeof LevelFormat)[keyof typeof LevelFormat]> = {
  decimal: LevelFormat.DECIMAL,
  'lower-letter': LevelFormat.LOWER_LETTER,
  'lower-roman': LevelFormat.LOWER_ROMAN,
};

export interface ListRef {
  reference: string;
  instance: number;
}

export class ListNumbering {
  private readonly configs = new Map<string, ILevelsOptions[]>();
  private nextInstance = 1;

  constructor(private readonly list: Geometry['list']) {}

  /** A bulleted list (the body's and the key points'). */
  bullet(): ListRef {
    const reference = 'bullet';
    const { markers } = this.list;
    if (!this.configs.has(reference)) {
      this.configs.set(
        reference,
        this.levels((level) => ({ format: LevelFormat.BULLET, text: bulletAt(markers, level), style: { run: { color: hex(markers.bulletColour) } } })),
      );
    }
    // Bullets need no restart: every bulleted list shares instance 0.
    return { reference, instance: 0 };
  }

  /**
   * A task item's paragraph: a list item (so Word, and readers such as mammoth, see the list) whose level shows no
   * marker; the paragraph starts with the box (blocks/list.ts), at the layout's `taskX`, and a tab to the text.
   */
  task(): ListRef {
    const reference = 'task';
    if (!this.configs.has(reference)) {
      this.configs.set(reference, this.levels(() => ({ format: LevelFormat.BULLET, text: '', suffix: LevelSuffix.NOTHING }), this.list.indent - this.list.taskX));
    }
    return { reference, instance: 0 };
  }

  /**
   * A numbered list starting at `start`; every call is a new list that counts from its own start. A list uses only
   * the level of its depth (a nested list is a list of its own), so every level starts at `start`.
   */
  ordered(start: number): ListRef {
    const reference = `ordered-${start}`;
    const { markers } = this.list;
    if (!this.configs.has(reference)) {
      this.configs.set(
        reference,
        this.levels((level) => ({
          format: WORD_FORMAT[numberFormatAt(markers, level)],
          text: `%${level + 1}${markers.numberSuffix}`,
          start,
          style: { run: { color: hex(markers.numberColour) } },
        })),
      );
    }
    return { reference, instance: this.nextInstance++ };
  }

  /** The Word level of a list at `depth`: Word has nine, and a deeper list stays on the last. */
  levelAt(depth: number): number {
    return markerLevel(depth);
  }

  /** Where the text of a list item at `depth` (0-based) starts, in points from the column edge. */
  indentAt(depth: number): number {
    return this.list.indent * (depth + 1);
  }

  options(): INumberingOptions {
    return { config: [...this.configs].map(([reference, levels]) => ({ reference, levels })) };
  }

  /** Every level, its text at `indentAt(level)` and its first line `hanging` before that (the marker's place). */
  private levels(make: (level: number) => Omit<ILevelsOptions, 'level'>, hanging = this.list.indent): ILevelsOptions[] {
    return Array.from({ length: DEEPEST_LIST_LEVEL + 1 }, (_, level) => {
      const made = make(level);
      return {
        level,
        alignment: AlignmentType.LEFT,
        ...made,
        style: {
          ...made.style,
          paragraph: { indent: { left: twips(this.indentAt(level)), hanging: twips(hanging) } },
        },
      };
    });
  }
}
