/** What every emitter is: a function of (briefing, layout, theme) to bytes. Emitters never see Markdown. */
import type { Briefing } from '../model/briefing.js';
import type { Layout } from '../layout/layout.js';
import type { Theme } from '../theme/theme.js';
import type { MailOverrides } from '../mail/plan.js';

export interface RenderContext {
  /**
   * The moment the build stands for: `SOURCE_DATE_EPOCH` when set, else the start of the build. Emitters put it
   * into document metadata instead of reading the clock, so builds with SOURCE_DATE_EPOCH are byte-identical.
   */
  buildDate: Date;
  /** The tool's version, for "Producer"/"Generator" fields. */
  toolVersion: string;
  /** Reports something the reader should know but that does not stop the build (content the format cannot show). */
  warn(message: string): void;
  /** The same build's other outputs, for a format that carries them (the eml attaches the PDF and the DOCX). */
  siblings?: Siblings;
  /** For the eml: the command line's recipients and subject, and whether it is the message `send` sends. */
  mail?: MailContext;
}

export interface Siblings {
  /** NAME of NAME.pdf: the source's name, which the attachments are called by. */
  name: string;
  /** The bytes of this document in `format`, exactly as the build writes them (rendered once, shared). */
  bytes(format: 'pdf' | 'docx'): Promise<Uint8Array>;
}

export interface MailContext {
  overrides?: MailOverrides;
  /** Set for `briefing send`: no X-Unsent and no Bcc header, this Date, and a fresh Message-ID unless one is given. */
  sent?: { date: Date; messageId?: string };
}

export type Renderer = (briefing: Briefing, layout: Layout, theme: Theme, context: RenderContext) => Promise<Uint8Array>;

/** Output formats, in the order they are written; eml comes after the PDF and DOCX it attaches. */
export const FORMATS = ['pdf', 'docx', 'html', 'json', 'eml'] as const;
export type Format = (typeof FORMATS)[number];
