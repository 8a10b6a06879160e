/**
 * Everything that turns model strings into HTML text goes through here, so no handler builds markup from raw text.
 */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes for text and for double-quoted attribute values alike. C0 controls other than tab, LF and CR are dropped:
 * HTML forbids them and the DOCX library strips them too, so the formats keep saying the same words.
 */
export function escapeHtml(value: string): string {
  return value.replace(/[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/g, '').replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/**
 * The model promises vetted URLs; this checks again (defence in depth) and returns null for anything but
 * http(s)/mailto, or for URLs with whitespace or controls that browsers would strip before reading the scheme.
 */
export function safeHref(url: string): string | null {
  if (/[\x00-\x20\x7F]/.test(url)) return null;
  if (!/^(https?:\/\/|mailto:)/i.test(url)) return null;
  return url;
}

/** A BCP 47-shaped tag for `<html lang>`, else the model's default; keeps hostile front matter out of the attribute. */
export function safeLang(language: string): string {
  return /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(language) ? language : 'en-US';
}

/** An id usable in `id` and in the space-separated `aria-labelledby`: no whitespace. */
export function idToken(value: string): string {
  const token = value.replace(/\s+/g, '-');
  return token === '' ? 'x' : token;
}
