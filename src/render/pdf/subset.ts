/**
 * Encoding a document's TrueType font subset: byte for byte what fontkit 2's `TTFSubset.encode` writes, at a fraction
 * of its cost. fontkit decodes every glyph's outline again, reads its metrics, and encodes every table field by field
 * through restructure (the font program, `fpgm`, one byte at a time), for every document; yet all but three tables
 * are the same for every subset of a font, and the other three are plain arrays.
 *
 * So, per face and process: the tables that never change (head, cvt, prep, fpgm; hhea and maxp but for their glyph
 * count) are taken once from fontkit's own encoding of the smallest subset, and each glyph's bytes, components and
 * metrics are read once. Per document only glyf (the glyphs' bytes, composites pointing at their parts' new ids), loca
 * (offsets into glyf) and hmtx (advance and left side bearing) are written, and the table directory laid out as
 * fontkit lays it out: tables in its order, right after the directory, unpadded, checksums 0.
 * test/render/pdf/subset.test.ts holds the bytes equal to fontkit's for every face the project ships.
 */

/** fontkit's TTFSubset (Subset) members used here: the glyphs it holds, in order, and adding one. */
export interface FontkitSubset {
  glyphs: number[];
  includeGlyph(glyphId: number): number;
  encode(): Uint8Array;
}
interface FontkitGlyph {
  advanceWidth: number;
  _getMetrics(): { leftBearing: number };
  _decode(): { numberOfContours: number; components?: { glyphID: number; pos: number }[] } | null;
}
interface TableEntry {
  offset: number;
  length: number;
  compLength?: number;
}
/** The members of a fontkit TTFFont used here. */
export interface TrueTypeFont {
  stream: { buffer: Uint8Array };
  directory: { tables: Record<string, TableEntry | undefined> };
  loca: { offsets: number[]; version: number };
  _variationProcessor?: unknown;
  getGlyph(id: number): FontkitGlyph;
}

interface GlyphRecord {
  /** The glyph's bytes in the font's glyf table (a view: composites are copied before their parts are renumbered). */
  bytes: Uint8Array;
  /** A composite's parts: their glyph ids and where in `bytes` each id is written. */
  components: readonly { glyphID: number; pos: number }[] | undefined;
  advance: number;
  bearing: number;
}

interface Table {
  tag: string;
  bytes: Uint8Array;
}

/** What every subset of one font shares. */
interface FontParts {
  font: TrueTypeFont;
  glyf: TableEntry;
  /** The first 12 bytes of the table directory (tag, table count, search fields): the same for every subset. */
  header: Uint8Array;
  /** Tables in fontkit's order; loca, glyf and hmtx are written per subset, hhea and maxp patched. */
  tables: Table[];
  glyphs: Map<number, GlyphRecord>;
}

/** The byte offsets of the glyph counts the OpenType spec fixes: hhea numberOfHMetrics and maxp numGlyphs. */
const HHEA_METRICS = 34;
const MAXP_GLYPHS = 4;

function readTables(bytes: Uint8Array): { header: Uint8Array; tables: Table[] } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint16(4);
  const tables: Table[] = [];
  for (let i = 0; i < count; i++) {
    const entry = 12 + 16 * i;
    const tag = String.fromCharCode(...bytes.subarray(entry, entry + 4));
    const offset = view.getUint32(entry + 8);
    const length = view.getUint32(entry + 12);
    tables.push({ tag, bytes: bytes.slice(offset, offset + length) });
  }
  return { header: bytes.slice(0, 12), tables };
}

/** Whether the fast path covers the font: a plain TrueType file (not WOFF, not variable). */
function isPlainTrueType(font: TrueTypeFont): boolean {
  const glyf = font.directory.tables.glyf;
  return glyf !== undefined && glyf.compLength === undefined && !font._variationProcessor && !font.directory.tables['CFF '];
}

const parts = new WeakMap<TrueTypeFont, FontParts | null>();

function fontParts(font: TrueTypeFont, template: () => Uint8Array): FontParts | null {
  let found = parts.get(font);
  if (found === undefined) {
    found = null;
    if (isPlainTrueType(font)) {
      const { header, tables } = readTables(template());
      const tags = tables.map((t) => t.tag).join(',');
      // The order fontkit 2 writes; anything else means a fontkit this module does not know.
      if (/^head,hhea,loca,maxp,(cvt ,)?(prep,)?glyf,hmtx(,fpgm)?$/.test(tags)) {
        found = { font, glyf: font.directory.tables.glyf!, header, tables, glyphs: new Map() };
      }
    }
    parts.set(font, found);
  }
  return found;
}

function glyphRecord(parts: FontParts, id: number): GlyphRecord {
  let record = parts.glyphs.get(id);
  if (!record) {
    const { font, glyf } = parts;
    const start = glyf.offset + font.loca.offsets[id]!;
    const end = glyf.offset + font.loca.offsets[id + 1]!;
    const glyph = font.getGlyph(id);
    const outline = glyph._decode();
    record = {
      bytes: font.stream.buffer.subarray(start, end),
      components: outline && outline.numberOfContours < 0 ? outline.components : undefined,
      advance: glyph.advanceWidth,
      bearing: glyph._getMetrics().leftBearing,
    };
    parts.glyphs.set(id, record);
  }
  return record;
}

function encode(parts: FontParts, subset: FontkitSubset): Uint8Array {
  // Glyphs in subset order; a composite adds its parts to the end of the list as it is met, as fontkit does.
  const glyphs: Uint8Array[] = [];
  const metrics: GlyphRecord[] = [];
  let glyfLength = 0;
  for (let i = 0; i < subset.glyphs.length; i++) {
    const record = glyphRecord(parts, subset.glyphs[i]!);
    let bytes = record.bytes;
    if (record.components) {
      bytes = bytes.slice();
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      for (const component of record.components) view.setUint16(component.pos, subset.includeGlyph(component.glyphID));
    }
    glyphs.push(bytes);
    metrics.push(record);
    glyfLength += bytes.length;
  }
  const count = glyphs.length;
  const longLoca = parts.font.loca.version !== 0;
  const sizes = parts.tables.map((table) => {
    switch (table.tag) {
      case 'loca':
        return (count + 1) * (longLoca ? 4 : 2);
      case 'glyf':
        return glyfLength;
      case 'hmtx':
        return 4 * count;
      default:
        return table.bytes.length;
    }
  });
  const directory = 12 + 16 * parts.tables.length;
  const out = new Uint8Array(directory + sizes.reduce((a, b) => a + b, 0));
  const view = new DataView(out.buffer);
  out.set(parts.header);
  let offset = directory;
  parts.tables.forEach((table, i) => {
    const entry = 12 + 16 * i;
    const size = sizes[i]!;
    for (let c = 0; c < 4; c++) out[entry + c] = table.tag.charCodeAt(c);
    view.setUint32(entry + 8, offset);
    view.setUint32(entry + 12, size);
    switch (table.tag) {
      case 'loca': {
        let at = 0;
        for (let g = 0; g <= count; g++) {
          if (longLoca) view.setUint32(offset + 4 * g, at);
          else view.setUint16(offset + 2 * g, at >>> 1); // short offsets count 2-byte words
          at += g < count ? glyphs[g]!.length : 0;
        }
        break;
      }
      case 'glyf': {
        let at = offset;
        for (const bytes of glyphs) {
          out.set(bytes, at);
          at += bytes.length;
        }
        break;
      }
      case 'hmtx':
        metrics.forEach((m, g) => {
          view.setUint16(offset + 4 * g, m.advance);
          view.setInt16(offset + 4 * g + 2, m.bearing);
        });
        break;
      default:
        out.set(table.bytes, offset);
        if (table.tag === 'hhea') view.setUint16(offset + HHEA_METRICS, count);
        if (table.tag === 'maxp') view.setUint16(offset + MAXP_GLYPHS, count);
    }
    offset += size;
  });
  return out;
}

/**
 * Gives `subset` (fontkit's, for `font`) the fast encoder, where it covers the font. `create` makes a new fontkit
 * subset of the font: its own encoding of the missing glyph alone is where the fixed tables come from.
 */
export function encodeFaster(font: TrueTypeFont, subset: FontkitSubset, create: () => FontkitSubset): void {
  const found = fontParts(font, () => create().encode());
  if (found) subset.encode = () => encode(found, subset);
}
