/** The messages between a build's thread and its render helper (./thread.ts): plain data, cloned across threads. */
import type { Layout } from '../../layout/layout.js';
import type { Briefing } from '../../model/briefing.js';
import type { Theme } from '../../theme/theme.js';
import type { Format } from '../types.js';

export interface RenderRequest {
  id: number;
  format: Format;
  briefing: Briefing;
  layout: Layout;
  theme: Theme;
  /** The build date as milliseconds since the epoch (a Date survives cloning, but a number says what is meant). */
  buildDate: number;
  toolVersion: string;
}

export type RenderReply =
  | { id: number; ok: true; bytes: Uint8Array; warnings: string[] }
  /** The renderer threw: the same failure the document would get in this thread. */
  | { id: number; ok: false; message: string; warnings: string[] };

/** Sent once, when the thread starts: the formats whose code it loads before the first request arrives. */
export interface HelperData {
  preload: Format[];
}
