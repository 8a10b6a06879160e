/**
 * How the page's print sizes become CSS pixels on a screen (the HTML on a phone, the email body): from a 16 px body,
 * every other length keeping its proportion to the body size the fit chose; no text smaller than 13 px.
 */
import type { Layout } from '../layout/layout.js';

export const SCREEN_BODY_PX = 16;
/** The smallest text a screen shows: small text (labels, cells, captions, the footer) is raised to it. */
export const SCREEN_MIN_TEXT_PX = 13;

/** CSS pixels per point of the layout. */
export function screenScale(layout: Layout): number {
  return SCREEN_BODY_PX / layout.bodySize;
}
