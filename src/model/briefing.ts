/**
 * The Briefing model: the only contract between parsing and every emitter.
 *
 * It is a closed set of block and inline kinds (discriminated unions on `type`). Emitters keep one handler per
 * kind in a map typed over these unions, so adding a kind here is a compile error in each emitter until it is handled.
 * Everything is plain data, serialisable to JSON (`--format json`) with `version` telling readers which shape it is.
 * This file imports nothing.
 */

/** Bump when the JSON shape changes incompatibly. */
export const MODEL_VERSION = 1;

/** Where a node came from in the source: 1-based line and column, as in editor messages. */
export interface SourcePoint {
  line: number;
  column: number;
}

// ---------------------------------------------------------------------------------------------------------------
// Inlines

/** Plain text, already unescaped; emitters escape it for their format. */
export interface TextInline {
  type: 'text';
  value: string;
}
/** Strong importance (Markdown `**…**`). */
export interface StrongInline {
  type: 'strong';
  children: Inline[];
}
/** Stress emphasis (Markdown `*…*`). */
export interface EmphasisInline {
  type: 'emphasis';
  children: Inline[];
}
/** Struck-through text (GFM `~~…~~`). */
export interface StrikethroughInline {
  type: 'strikethrough';
  children: Inline[];
}
/** Inline code, shown in a monospace face. */
export interface CodeInline {
  type: 'code';
  value: string;
}
/** A hyperlink; `url` is already vetted to http(s) or mailto. Unsafe links never reach the model (their text does). */
export interface LinkInline {
  type: 'link';
  url: string;
  title?: string;
  children: Inline[];
}
/** A hard line break inside a paragraph. */
export interface BreakInline {
  type: 'break';
}

export type Inline =
  | TextInline
  | StrongInline
  | EmphasisInline
  | StrikethroughInline
  | CodeInline
  | LinkInline
  | BreakInline;

export type InlineKind = Inline['type'];

// ---------------------------------------------------------------------------------------------------------------
// Blocks

/** A paragraph of running text. */
export interface ParagraphBlock {
  type: 'paragraph';
  children: Inline[];
  position?: SourcePoint;
}
/** A heading below section level (Markdown `###` and deeper); `depth` is 3–6 as written. */
export interface HeadingBlock {
  type: 'heading';
  depth: 3 | 4 | 5 | 6;
  children: Inline[];
  position?: SourcePoint;
}
/** One item of a list: its own blocks (paragraphs, nested lists …) and a task-list state when GFM gave one. */
export interface ListItem {
  checked?: boolean;
  children: Block[];
}
/** A bulleted (`ordered: false`) or numbered list; `start` is the first number of a numbered list. */
export interface ListBlock {
  type: 'list';
  ordered: boolean;
  start: number;
  items: ListItem[];
  position?: SourcePoint;
}
/** A block quotation (Markdown `>`). */
export interface BlockquoteBlock {
  type: 'blockquote';
  children: Block[];
  position?: SourcePoint;
}
export type ColumnAlign = 'left' | 'center' | 'right' | null;
/** A table cell: inline content only, as in GFM. */
export interface TableCell {
  children: Inline[];
}
/** A GFM table; the first row is the header row. Every row has `align.length` cells (short rows are padded). */
export interface TableBlock {
  type: 'table';
  align: ColumnAlign[];
  header: TableCell[];
  rows: TableCell[][];
  position?: SourcePoint;
}
/** A fenced or indented code block, shown verbatim. */
export interface CodeBlock {
  type: 'code';
  lang?: string;
  value: string;
  position?: SourcePoint;
}
/**
 * An image from a local file next to the source. The parser resolved and read it: `data` is base64 of the file's
 * bytes (of the photo turned upright, with no EXIF, when the file's EXIF orientation said to turn it), `mime` its
 * type (png or jpeg), `width`/`height` its pixel size as shown. `alt` is the text for readers who cannot see it.
 */
export interface ImageBlock {
  type: 'image';
  alt: string;
  title?: string;
  /** The path as written in the source, for messages. */
  src: string;
  mime: 'image/png' | 'image/jpeg';
  data: string;
  width: number;
  height: number;
  position?: SourcePoint;
}
/** A thematic break (Markdown `---` between paragraphs). */
export interface ThematicBreakBlock {
  type: 'thematicBreak';
  position?: SourcePoint;
}

export type Block =
  | ParagraphBlock
  | HeadingBlock
  | ListBlock
  | BlockquoteBlock
  | TableBlock
  | CodeBlock
  | ImageBlock
  | ThematicBreakBlock;

export type BlockKind = Block['type'];

// ---------------------------------------------------------------------------------------------------------------
// The document

/** A person at the meeting or named in the briefing. */
export interface Participant {
  name: string;
  role?: string;
}

/** A quotation attributed to a speaker in the text (“…,” Blinken said). */
export interface Quote {
  text: string;
  speaker: string;
  /** The id of the section it was found in, or null when found in the summary. */
  sectionId: string | null;
  /** Where the paragraph it was found in starts (absent for a front-matter summary). */
  position?: SourcePoint;
}

/** A `##` section of the body. */
export interface Section {
  /** A slug unique within the briefing, for anchors and bookmarks. */
  id: string;
  /** Never empty: the parser folds the content under an empty heading into the part above. */
  title: Inline[];
  blocks: Block[];
  position?: SourcePoint;
}

export interface BriefingMeta {
  /** Front matter `title`, else the first `#` heading. Always non-empty. */
  title: string;
  subtitle?: string;
  /** What this is, e.g. "Meeting readout", shown above the title. */
  kind?: string;
  /** ISO calendar date, YYYY-MM-DD, validated. */
  date?: string;
  location?: string;
  /** e.g. "UNCLASSIFIED", "OFFICIAL-SENSITIVE": shown as a banner at top and bottom of the page when set. */
  classification?: string;
  participants: Participant[];
  preparedBy?: string;
  /** Who receives it, e.g. "Press office; Embassy Tokyo". */
  distribution?: string;
  /** Where the information comes from, shown in the footer. */
  source?: string;
  /** BCP 47 language tag; defaults to "en-US". */
  language: string;
  /** The template named in front matter, if any (the CLI's --template wins). */
  template?: string;
  keywords: string[];
  /** `pages: multi` in front matter: this briefing may flow onto further pages. */
  allowMultiPage: boolean;
  /** The writer's words in place of the template's: the organisation (header band, footer, document author) … */
  organisation?: string;
  /** … the line under the footer's halves (null: none at all, `footer: none`) … */
  footer?: string | null;
  /** … and the header band's first line when the briefing has no `kind`. */
  header?: string;
  /** `logo: false`: the template's logo is left off this briefing. */
  noLogo?: boolean;
}

/** A mailbox as RFC 5322 writes it: `Name <address>`, or the address alone. Checked by the parser. */
export interface MailAddress {
  name?: string;
  address: string;
}

/** Which of the build's files an email carries. */
export type EmailAttach = 'pdf' | 'docx' | 'both' | 'none';

/** Front matter `email:`: who a draft or a sent message goes to, and what it says above the briefing. */
export interface BriefingEmail {
  to: MailAddress[];
  cc: MailAddress[];
  bcc: MailAddress[];
  from?: MailAddress;
  replyTo: MailAddress[];
  /** Replaces the template's subject pattern. One line. */
  subject?: string;
  /** A cover note (Markdown) shown above the briefing in the email body. May be empty. */
  note: Block[];
  attach: EmailAttach;
  /** Where `email:` is in the source, for messages about it. */
  position?: SourcePoint;
}

export interface Briefing {
  version: typeof MODEL_VERSION;
  meta: BriefingMeta;
  /** Front matter `email:`, when it is there. `distribution` is display text and never becomes addresses. */
  email?: BriefingEmail;
  /**
   * Front matter `summary` followed by the lede paragraph(s) before the first section (either may be absent).
   * May be empty.
   */
  summary: Block[];
  /** Front matter `key_points`, else the items of a "Key points" / "Key takeaways" / "Takeaways" section. */
  keyPoints: Inline[][];
  sections: Section[];
  /** Every attributed quotation found, in document order. */
  quotes: Quote[];
  /**
   * The index into `quotes` of the pull quote: the writer's (`pull_quote: "…"`), else the first automatic choice;
   * null for none (`pull_quote: false`, or no quote). The layout shows it, or the next of `pullQuoteCandidates`.
   */
  pullQuote: number | null;
  /**
   * Automatic choice only: the quotes fit to be pulled, best first. The layout takes the first that is not already
   * on the page a few lines below it (at the top of a column). Empty when the writer chose, or chose none.
   */
  pullQuoteCandidates: number[];
}
