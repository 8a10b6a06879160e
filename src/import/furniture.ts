/**
 * Lines a web page puts around an article that are not the article: the U.S. government banner, share and print
 * links, cookie notices, "skip to content". A line is furniture only when it is nothing but such a phrase, so a
 * sentence of the article that mentions cookies or sharing is never dropped.
 */

const WHOLE_LINE: readonly RegExp[] = [
  // The banner every .gov page carries.
  /^an official website of the united states government\.?$/,
  /^here[’']s how you know\.?$/,
  /^official websites use \.gov\.?$/,
  /^a \.gov website belongs to an official government organization in the united states\.?$/,
  /^secure \.gov websites use https\.?$/,
  /^a lock \(.{0,40}\) or https:\/\/ means you[’']ve safely connected to the \.gov website\..{0,120}$/,
  // Share, print and navigation links.
  /^(share|share this( page| article| story)?|share on (facebook|twitter|x|linkedin|whatsapp|email|reddit)|tweet( this)?|email( this( page| article)?)?|print( this( page| article)?)?|copy( the)? link|link copied|facebook|twitter|linkedin|whatsapp|x \(formerly twitter\))\.?$/,
  /^(skip to (main )?content|back to top|return to top|main menu|menu|search|close|breadcrumbs?)$/,
  // Cookie banners and their buttons.
  /^(accept|reject|decline)( all)?( cookies)?$/,
  /^(manage|customi[sz]e) (cookie )?(settings|preferences)$/,
  /^cookie (settings|preferences|policy|notice)$/,
];

/** A cookie notice is a sentence about cookies that asks for consent or points to settings. */
const COOKIE_NOTICE = /\bcookies?\b/;
const COOKIE_ASK = /\b(we use|this (web)?site uses|our site uses|by (continuing|using)|you (agree|consent)|accept|consent|settings|preferences)\b/;

export function isPageFurniture(line: string): boolean {
  const text = line.trim().toLowerCase().replace(/\s+/g, ' ');
  if (text === '') return false;
  if (WHOLE_LINE.some((pattern) => pattern.test(text))) return true;
  return text.length <= 400 && COOKIE_NOTICE.test(text) && COOKIE_ASK.test(text);
}
