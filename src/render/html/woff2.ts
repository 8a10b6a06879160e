/**
 * A TrueType font to WOFF2 (W3C WOFF 2.0, 2nd edition) with every table null-transformed, compressed with Node's own
 * Brotli. subset-font's WOFF2 path (wawoff2: the glyf/loca transform and Brotli quality 11, in WebAssembly) cost about
 * 100 ms per face per document plus its compile on a cold start; this costs under a millisecond. The glyf transform
 * would save a few KB per face (about 20%) on a one-page briefing, which is not worth a tenth of a second per face.
 * Null-transformed glyf and loca (transform version 3) are part of WOFF2 and decoded by every browser that reads WOFF2.
 */
import { brotliCompressSync, constants } from 'node:zlib';

/** The WOFF2 known-table tags, in the order of their 6-bit index (spec section 5.2, "Known Table Tags"). */
const KNOWN_TAGS = [
  'cmap', 'head', 'hhea', 'hmtx', 'maxp', 'name', 'OS/2', 'post', 'cvt ', 'fpgm', 'glyf', 'loca', 'prep', 'CFF ', 'VORG', 'EBDT',
  'EBLC', 'gasp', 'hdmx', 'kern', 'LTSH', 'PCLT', 'VDMX', 'vhea', 'vmtx', 'BASE', 'GDEF', 'GPOS', 'GSUB', 'EBSC', 'JSTF', 'MATH',
  'CBDT', 'CBLC', 'COLR', 'CPAL', 'SVG ', 'sbix', 'acnt', 'avar', 'bdat', 'bloc', 'bsln', 'cvar', 'fdsc', 'feat', 'fmtx', 'fvar',
  'gvar', 'hsty', 'just', 'lcar', 'mort', 'morx', 'opbd', 'prop', 'trak', 'Zapf', 'Silf', 'Glat', 'Gloc', 'Feat', 'Sill',
];
/** Transform version 3 is the null transform for glyf and loca; for every other table version 0 is. */
const NULL_TRANSFORM_GLYF_LOCA = 3 << 6;

export class FontFormatError extends Error {}

/** UIntBase128: big-endian groups of 7 bits, the high bit set on all but the last byte. */
function base128(value: number): number[] {
  const bytes = [value & 0x7f];
  for (let rest = Math.floor(value / 128); rest > 0; rest = Math.floor(rest / 128)) bytes.unshift((rest & 0x7f) | 0x80);
  return bytes;
}

interface Table {
  tag: string;
  data: Uint8Array;
}

/** The tables of a TrueType (or OpenType CFF) font file, in its directory's order (sorted by tag, as sfnt requires). */
function readTables(sfnt: Uint8Array): { flavor: number; tables: Table[] } {
  const view = new DataView(sfnt.buffer, sfnt.byteOffset, sfnt.byteLength);
  if (sfnt.byteLength < 12) throw new FontFormatError('font file too short');
  const flavor = view.getUint32(0);
  const count = view.getUint16(4);
  if (12 + 16 * count > sfnt.byteLength) throw new FontFormatError('font table directory out of bounds');
  const tables: Table[] = [];
  for (let i = 0; i < count; i++) {
    const at = 12 + 16 * i;
    const tag = String.fromCharCode(sfnt[at]!, sfnt[at + 1]!, sfnt[at + 2]!, sfnt[at + 3]!);
    const offset = view.getUint32(at + 8);
    const length = view.getUint32(at + 12);
    if (offset + length > sfnt.byteLength) throw new FontFormatError(`font table ${tag} out of bounds`);
    tables.push({ tag, data: sfnt.subarray(offset, offset + length) });
  }
  return { flavor, tables };
}

export function sfntToWoff2(sfnt: Uint8Array): Buffer {
  const { flavor, tables } = readTables(sfnt);
  const directory: number[] = [];
  for (const { tag, data } of tables) {
    const known = KNOWN_TAGS.indexOf(tag);
    const transform = tag === 'glyf' || tag === 'loca' ? NULL_TRANSFORM_GLYF_LOCA : 0;
    if (known >= 0) directory.push(known | transform);
    else directory.push(63 | transform, tag.charCodeAt(0), tag.charCodeAt(1), tag.charCodeAt(2), tag.charCodeAt(3));
    directory.push(...base128(data.byteLength)); // origLength; no transformLength, as nothing is transformed
  }
  // The compressed stream is the tables back to back, unpadded, in directory order.
  const compressed = brotliCompressSync(Buffer.concat(tables.map((t) => t.data)), {
    params: {
      // Quality 8 with a 64 KB window: within 1% of quality 11's size on a subset face, a hundred times faster.
      [constants.BROTLI_PARAM_QUALITY]: 8,
      [constants.BROTLI_PARAM_LGWIN]: 16,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_FONT,
    },
  });
  const totalSfntSize = 12 + 16 * tables.length + tables.reduce((sum, t) => sum + Math.ceil(t.data.byteLength / 4) * 4, 0);
  const headerSize = 48;
  const unpadded = headerSize + directory.length + compressed.byteLength;
  const length = Math.ceil(unpadded / 4) * 4;
  const out = Buffer.alloc(length);
  out.write('wOF2', 0, 'latin1');
  out.writeUInt32BE(flavor, 4);
  out.writeUInt32BE(length, 8);
  out.writeUInt16BE(tables.length, 12);
  out.writeUInt16BE(0, 14); // reserved
  out.writeUInt32BE(totalSfntSize, 16);
  out.writeUInt32BE(compressed.byteLength, 20);
  out.writeUInt16BE(1, 24); // font version major/minor: informational
  out.writeUInt16BE(0, 26);
  // Metadata and private blocks: none (offsets and lengths 0, bytes 28–47 already zero).
  Buffer.from(directory).copy(out, headerSize);
  compressed.copy(out, headerSize + directory.length);
  return out;
}
