/**
 * Real Word numbering for lists. Bullets share one definition per colour; each numbered list gets its own
 * `instance` so it restarts, and a definition per start number (Word keeps `start` on the abstract level).
 * Definitions are created as the handlers ask for them, then written once into the document's numbering part.
 */
import { AlignmentType, LevelFormat, type ILevelsOptions, type INumberingOptions } from 'docx';
import { twips } from './units.js';

const BULLETS = ['\u2022', '\u25E6', '\u25AA'] as const;
const LEVELS = 9;

export interface ListRef {
  reference: string;
  instance: number;
}

export class ListNumbering {
  private readonly configs = new Map<string, ILevelsOptions[]>();
  private nextInstance = 1;

  /** `indent`: hanging indent per level in points (≈ 1.2 em, per the design). */
  constructor(private readonly indent: number) {}

  /** A bulleted list; `colour` set for the key points, whose bullets are in the accent colour. */
  bullet(colour?: string): ListRef {
    const reference = colour ? `bullet-${colour}` : 'bullet';
    if (!this.configs.has(reference)) {
      this.configs.set(
        reference,
        this.levels((level) => ({
          format: LevelFormat.BULLET,
          text: BULLETS[level % BULLETS.length] ?? '\u2022',
          ...(colour ? { style: { run: { color: colour } } } : {}),
        })),
      );
    }
    // Bullets need no restart: every bulleted list shares instance 0.
    return { reference, instance: 0 };
  }

  /** A numbered list starting at `start`; every call is a new list that counts from its own start. */
  ordered(start: number): ListRef {
    const reference = `ordered-${start}`;
    if (!this.configs.has(reference)) {
      this.configs.set(
        reference,
        this.levels((level) => ({
          format: [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN][level % 3] ?? LevelFormat.DECIMAL,
          text: `%${level + 1}.`,
          start: level === 0 ? start : 1,
        })),
      );
    }
    return { reference, instance: this.nextInstance++ };
  }

  /** Where the text of a list item at `level` (0-based) starts, in points from the column edge. */
  indentAt(level: number): number {
    return this.indent * (level + 1);
  }

  options(): INumberingOptions {
    return { config: [...this.configs].map(([reference, levels]) => ({ reference, levels })) };
  }

  private levels(make: (level: number) => Omit<ILevelsOptions, 'level'>): ILevelsOptions[] {
    return Array.from({ length: LEVELS }, (_, level) => {
      const made = make(level);
      return {
        level,
        alignment: AlignmentType.LEFT,
        ...made,
        style: {
          ...made.style,
          paragraph: { indent: { left: twips(this.indentAt(level)), hanging: twips(this.indent) } },
        },
      };
    });
  }
}
