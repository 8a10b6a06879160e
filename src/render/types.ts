/** What every emitter is: a function of (briefing, layout, theme) to bytes. Emitters never see Markdown. */
import type { Briefing } from '../model/briefing.js';
import type { Layout } from '../layout/layout.js';
import type { Theme } from '../theme/theme.js';

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
}

export type Renderer = (briefing: Briefing, layout: Layout, theme: Theme, context: RenderContext) => Promise<Uint8Array>;

/** Output formats, in the order they are written. */
export const FORMATS = ['pdf', 'docx', 'html', 'json'] as const;
export type Format = (typeof FORMATS)[number];
