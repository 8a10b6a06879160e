/**
 * Makes the docx library's package reproducible: it stamps core.xml with the clock, zip entries with Date.now(),
 * and gives hyperlink relationships random ids. We take the library's parts before it zips them, renumber those ids
 * in order of first appearance, pin the dates to the build date, and zip once, in a stable entry order with a fixed
 * timestamp (1980-01-01, the zip epoch).
 */
import { Packer, type Document } from 'docx';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { ZipFile } from 'yazl';

/** Built from local fields on purpose: yazl writes DOS times from local fields, so this is 1980-01-01 00:00 anywhere. */
const ZIP_EPOCH = new Date(1980, 0, 1, 0, 0, 0);

/**
 * The library's random relationship ids: "rId" followed by a nanoid (not the small counters it also uses). The end is
 * a look-ahead, not `\b`: a nanoid may end in "-", where `\b` before the closing quote fails and the id went
 * unrenumbered, so about one build in sixty per link was not reproducible.
 */
const RANDOM_RID = /\brId[A-Za-z0-9_-]{12,}(?![A-Za-z0-9_-])/g;

export interface PackageFixes {
  buildDate: Date;
  /** Parts to put in place of the library's (e.g. a reference document's theme). */
  replaceParts?: Record<string, Uint8Array>;
  /** `w:style` elements to add to word/styles.xml (styles the library has no option for, e.g. table styles). */
  appendStyles?: string;
}

/** A package's parts by path, XML parts as text. */
export type Parts = Map<string, string | Uint8Array>;

/** The docx library's compiler and its formatter: public in its source, private in its type declarations. */
interface XmlFormatter {
  format(component: object, context: unknown): object;
}
interface PartsCompiler {
  formatter: XmlFormatter;
  compile(file: Document): Map<string, string | Uint8Array>;
}
/** The parts of the library's File the memo recognises, by identity. */
interface LibraryFile {
  Theme?: object;
  Settings?: object;
  Styles?: object;
  FontTable?: { View?: object };
}

/**
 * Parts whose XML is the same for every document with the same key, and which component of the library's File each
 * is. The theme, settings and font table come from Document options renderDocx never sets (theme, features, fonts…),
 * so their key is their path alone: whoever starts passing such an option must add it to their key. The styles come
 * from the template and the fitted sizes (the caller's key), which most documents of a folder share. The embedded
 * fonts (embedded-fonts.ts) are written into the font table and settings after compiling, on the parts returned,
 * so what is remembered stays the library's.
 */
const MEMO_PARTS = {
  'word/theme/theme1.xml': (file: LibraryFile) => file.Theme,
  'word/settings.xml': (file: LibraryFile) => file.Settings,
  'word/fontTable.xml': (file: LibraryFile) => file.FontTable?.View,
  'word/styles.xml': (file: LibraryFile) => file.Styles,
} as const;
type MemoPart = keyof typeof MEMO_PARTS;
const MEMO_PATHS = Object.keys(MEMO_PARTS) as MemoPart[];
/** What the formatter writes for a part the memo has: the whole part is swapped for the remembered XML after. */
const PLACEHOLDER = 'briefing-remembered-part';

/**
 * The library formats and serialises every part of every document; the theme and styles alone were about a third
 * of its time for a briefing. This compiler remembers those parts' XML by key, and for a part it has, the library's
 * formatter returns a one-element placeholder instead of walking the part's tree; the placeholder is then replaced by
 * the remembered XML. A part the library did not format through its formatter (a later version) is simply compiled,
 * and remembered.
 */
class RememberingCompiler {
  private readonly xml = new Map<string, string>();
  private hits = new Set<object>();

  constructor(private readonly compiler: PartsCompiler) {
    const formatter = compiler.formatter;
    compiler.formatter = {
      format: (component, context) => (this.hits.has(component) ? { [PLACEHOLDER]: {} } : formatter.format(component, context)),
    };
  }

  compile(doc: Document, stylesKey: string): Parts {
    const file = doc as unknown as LibraryFile;
    const keyOf = (path: MemoPart): string => (path === 'word/styles.xml' ? `${path}\u0000${stylesKey}` : path);
    // Taken before compiling: remembering this document's other parts may evict them.
    const known = new Map<MemoPart, string>();
    this.hits = new Set();
    for (const path of MEMO_PATHS) {
      const component = MEMO_PARTS[path](file);
      const xml = this.xml.get(keyOf(path));
      if (component && xml !== undefined) {
        this.hits.add(component);
        known.set(path, xml);
      }
    }
    const parts = this.compiler.compile(doc);
    this.hits = new Set();
    for (const path of MEMO_PATHS) {
      const data = parts.get(path);
      const xml = known.get(path);
      if (typeof data !== 'string') continue;
      if (xml !== undefined && data.includes(`<${PLACEHOLDER}`)) parts.set(path, xml);
      else this.remember(keyOf(path), data);
    }
    return parts;
  }

  private remember(key: string, xml: string): void {
    // Bounded: a folder's documents share a few style sets; a long watch session may see many.
    if (this.xml.size >= MEMO_SIZE) this.xml.delete(this.xml.keys().next().value!); // size > 0, so a first key exists
    this.xml.set(key, xml);
  }
}
const MEMO_SIZE = 64;

let remembering: RememberingCompiler | null | undefined;

/** A compiler of our own (so the library's shared one is left as it is), or null if the library has none to copy. */
function rememberingCompiler(): RememberingCompiler | null {
  if (remembering !== undefined) return remembering;
  const shared = (Packer as unknown as { compiler?: Partial<PartsCompiler> }).compiler;
  const Compiler = shared?.constructor as (new () => Partial<PartsCompiler>) | undefined;
  const own = typeof shared?.compile === 'function' && Compiler ? new Compiler() : undefined;
  remembering = own && typeof own.compile === 'function' && typeof own.formatter?.format === 'function' ? new RememberingCompiler(own as PartsCompiler) : null;
  return remembering;
}

/**
 * The parts of `doc`, unzipped. The library zips them in `Packer`; zipping there and unzipping here cost a DEFLATE
 * and an INFLATE per document for nothing, so its compiler is asked for the parts directly. If a later version of the
 * library moves it, the packed file is unzipped instead: slower, the same parts. `stylesKey` says which documents
 * share word/styles.xml (the same key, the same styles).
 */
export async function compileParts(doc: Document, stylesKey: string): Promise<Parts> {
  const compiler = rememberingCompiler();
  if (compiler) return compiler.compile(doc, stylesKey);
  return new Map(Object.entries(unzipSync(new Uint8Array(await Packer.toBuffer(doc)))));
}

const text = (data: string | Uint8Array): string => (typeof data === 'string' ? data : strFromU8(data));

export function reproducible(parts: Parts, fixes: PackageFixes): Promise<Uint8Array> {
  const renumber = relationshipRenumbering(parts);
  const entries: [string, Uint8Array][] = [];
  for (const name of entryOrder([...parts.keys()])) {
    const replaced = fixes.replaceParts?.[name];
    let data = replaced ?? parts.get(name);
    if (data === undefined) continue;
    if (!replaced && /\.(xml|rels)$/.test(name)) {
      let xml = text(data);
      xml = xml.replace(RANDOM_RID, (id) => renumber.get(id) ?? id);
      if (name === 'docProps/core.xml') xml = pinDates(xml, fixes.buildDate);
      if (name === 'word/styles.xml' && fixes.appendStyles) xml = xml.replace('</w:styles>', `${fixes.appendStyles}</w:styles>`);
      data = xml;
    }
    entries.push([name, typeof data === 'string' ? strToU8(data) : data]);
  }
  return zipped(entries);
}

/**
 * The entries zipped, in order, with the epoch as every entry's time and nothing else that varies. yazl compresses
 * with Node's zlib: fflate's DEFLATE, in JavaScript, cost 50–80 ms of a cold DOCX build (the embedded fonts are most
 * of its 170 KB), zlib 8 ms. Added as buffers, each entry's local header carries its CRC and sizes (no data
 * descriptors, which some readers of Office files refuse). Node's zlib makes the PDF's streams too, so the bytes of
 * both depend on the same library.
 */
function zipped(entries: readonly [string, Uint8Array][]): Promise<Uint8Array> {
  const zip = new ZipFile();
  for (const [name, data] of entries) {
    zip.addBuffer(Buffer.from(data.buffer, data.byteOffset, data.byteLength), name, { mtime: ZIP_EPOCH, forceDosTimestamp: true, mode: 0o100644 });
  }
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

/** [Content_Types].xml first (some readers sniff it), then the rest by name. */
function entryOrder(names: string[]): string[] {
  const first = '[Content_Types].xml';
  return [...names.filter((n) => n === first), ...names.filter((n) => n !== first).sort()];
}

/** Random ids → rIdH1, rIdH2 … in the order they first appear in the sorted parts (document before headers…). */
function relationshipRenumbering(parts: Parts): Map<string, string> {
  const ids = new Map<string, string>();
  for (const name of entryOrder([...parts.keys()])) {
    if (!/\.(xml|rels)$/.test(name) || name.endsWith('.rels')) continue;
    const data = parts.get(name);
    if (data === undefined) continue;
    for (const match of text(data).matchAll(RANDOM_RID)) {
      if (!ids.has(match[0])) ids.set(match[0], `rIdH${ids.size + 1}`);
    }
  }
  return ids;
}

function pinDates(xml: string, date: Date): string {
  const stamp = `${date.toISOString().slice(0, 19)}Z`;
  return xml.replace(/(<dcterms:(?:created|modified)\b[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g, `$1${stamp}$2`);
}
