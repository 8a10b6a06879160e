/**
 * What every reader (plain text, HTML, DOCX) hands to the rest of the import: the body as mdast, the front-matter
 * fields the input states outright (a Word Title paragraph, a "Media Note" line), where each piece came from, and
 * what cleaning removed. Inference (infer/) adds its guesses; the writer turns all of it into a briefing source.
 */
import type * as M from 'mdast';
import type { Participant } from '../model/briefing.js';

/** Where something was in the input: a line of a text file, or the nth paragraph of an HTML or Word document. */
export type Origin = { line: number; column: number } | { paragraph: number } | { part: string };

export function describeOrigin(origin: Origin): string {
  if ('line' in origin) return `line ${origin.line}`;
  if ('paragraph' in origin) return `paragraph ${origin.paragraph}`;
  return origin.part;
}

/** `found`: the input says it in so many words (a title line, a kind line). `guessed`: read out of running text. */
export type How = 'found' | 'guessed';

export interface Evidence {
  how: How;
  origin: Origin;
  /** The words it was read from, quoted in the comment so the writer can check it. */
  text: string;
  /** How it was made, when it is more than the words ("made from the participants' names"). */
  why?: string;
}

export interface Field<T> {
  value: T;
  evidence: Evidence;
}

/** The front-matter fields an import can fill, each with the evidence for it. */
export interface Fields {
  title?: Field<string>;
  subtitle?: Field<string>;
  kind?: Field<string>;
  date?: Field<string>;
  location?: Field<string>;
  classification?: Field<string>;
  participants?: Field<Participant>[];
  prepared_by?: Field<string>;
  distribution?: Field<string>;
  source?: Field<string>;
  language?: Field<string>;
  keywords?: Field<string[]>;
}

/** Something the import changed in the input that is not in the new file: a line dropped, characters replaced. */
export interface Note {
  kind: 'removed' | 'cleaned';
  origin: Origin | null;
  message: string;
}

/** A picture the reader found, written beside the new source as `NAME-n.ext`; its image node's url is `placeholder`. */
export interface Picture {
  placeholder: string;
  extension: 'png' | 'jpg';
  bytes: Uint8Array;
}

export interface Draft {
  /** The body: blocks only, no title heading (the title is a field). */
  body: M.Root;
  fields: Fields;
  /**
   * The input carried its front matter on the page (a Word document briefing wrote): `fields` is all of it, and
   * nothing is to be guessed from the text.
   */
  complete: boolean;
  /**
   * Where the text of a block of the body came from: `offset` is a position in the block's plain text (as
   * mdast-util-to-string reads it). A text file answers with the exact line and column; HTML and Word with the
   * paragraph's number, or null for a block without paragraphs (a table).
   */
  locate(node: M.Node, offset: number): Origin | null;
  notes: Note[];
  pictures: Picture[];
}
