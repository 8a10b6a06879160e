/** Word measures in twentieths of a point (twips), half-points (font sizes) and eighths of a point (borders). */

export const twips = (pt: number): number => Math.round(pt * 20);
export const halfPoints = (pt: number): number => Math.round(pt * 2);
export const eighths = (pt: number): number => Math.round(pt * 8);

/** docx sizes pictures in CSS pixels (96 per inch). */
export const pixels = (pt: number): number => (pt * 96) / 72;

/** "#1c2430" → "1C2430", as WordprocessingML writes colours. */
export const hex = (colour: string): string => colour.replace(/^#/, '').toUpperCase();
