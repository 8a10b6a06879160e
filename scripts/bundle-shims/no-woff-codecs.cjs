// Stands in, in the bundle (scripts/bundle.mjs), for the WOFF and WOFF2 codecs that fontkit (brotli) and fontverter
// (wawoff2, woff2sfnt-sfnt2woff) load when they are imported, to read fonts in formats briefing never gives them: its
// fonts are TrueType files, subset-font is asked for TrueType from TrueType, and the HTML's WOFF2 is written by
// src/render/html/woff2.ts. Loading them cost about 85 ms of every cold start and of every worker's.
function unsupported() {
  throw new Error('briefing reads TrueType fonts only: this WOFF codec is not in the bundle');
}
module.exports = Object.assign(unsupported, { compress: unsupported, decompress: unsupported, toSfnt: unsupported, toWoff: unsupported });
