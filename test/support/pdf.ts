/**
 * Reading PDFs with independent tools: poppler (pdfinfo, pdftotext) and qpdf. Plus a small content-stream reader that
 * finds the size text is set at (Tf size × text matrix × CTM), so the PDFs that pdfkit, LibreOffice and Chromium
 * write can be compared on their body size.
 */
import { execFileSync, spawnSync } from 'node:child_process';

export function pdfInfo(path: string): Record<string, string> {
  const out = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  const info: Record<string, string> = {};
  for (const line of out.split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) info[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return info;
}

export function pdfPages(path: string): number {
  return Number(pdfInfo(path).Pages);
}

/** `qpdf --check`: exit 0 (fine) or 3 (warnings only) pass; the output is returned for messages. */
export function qpdfCheck(path: string): { ok: boolean; output: string } {
  const run = spawnSync('qpdf', ['--check', path], { encoding: 'utf8' });
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}`.trim() };
}

/**
 * The PDF's text as a reader copies it, twice: in poppler's reading order, then in drawing order (`-raw`). Poppler's
 * reading order guesses spaces from gaps and can join "q w" in a narrow table cell into "qw" although a space is drawn
 * between them; the drawing order keeps every space the PDF has. A word counts as present when either reading has it.
 */
export function pdfText(path: string): string {
  const read = (mode: string[]): string =>
    execFileSync('pdftotext', [...mode, '-enc', 'UTF-8', path, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return `${read([])}\n${read(['-raw'])}`;
}

export interface WordBox {
  page: number;
  pageWidth: number;
  pageHeight: number;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  text: string;
}

/** Word boxes from `pdftotext -bbox`, with the size of the page each sits on. */
export function pdfWordBoxes(path: string): WordBox[] {
  const xml = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const boxes: WordBox[] = [];
  let page = 0;
  let pageWidth = 0;
  let pageHeight = 0;
  for (const match of xml.matchAll(/<page width="([\d.]+)" height="([\d.]+)">|<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g)) {
    if (match[1] !== undefined) {
      page++;
      pageWidth = Number(match[1]);
      pageHeight = Number(match[2]);
    } else {
      boxes.push({ page, pageWidth, pageHeight, xMin: Number(match[3]), yMin: Number(match[4]), xMax: Number(match[5]), yMax: Number(match[6]), text: match[7] ?? '' });
    }
  }
  return boxes;
}

// ---------------------------------------------------------------------------------------------------------------
// Font sizes from the content streams (via qpdf's JSON, which decodes the streams for us)

type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
type Dict = { [key: string]: JsonValue };
interface QpdfObject {
  value?: JsonValue;
  stream?: { dict: Dict; data?: string };
}

class PdfObjects {
  constructor(private readonly objects: Record<string, QpdfObject>) {}
  get(ref: JsonValue | undefined): QpdfObject | undefined {
    return typeof ref === 'string' && / R$/.test(ref) ? this.objects[`obj:${ref}`] : undefined;
  }
  /** A value, following an indirect reference. */
  resolve(value: JsonValue | undefined): JsonValue | undefined {
    const object = this.get(value);
    if (!object) return value;
    return object.value ?? object.stream?.dict;
  }
  dict(value: JsonValue | undefined): Dict | undefined {
    const resolved = this.resolve(value);
    return resolved && typeof resolved === 'object' && !Array.isArray(resolved) ? resolved : undefined;
  }
  streamData(ref: JsonValue | undefined): string {
    const data = this.get(ref)?.stream?.data;
    return data ? Buffer.from(data, 'base64').toString('latin1') : '';
  }
}

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

type Operand = number | string | { name: string } | Operand[] | { dict: true };

/** Tokenises a content stream into operands and operators (enough of the syntax for text and XObjects). */
function* contentOps(data: string): Generator<{ op: string; args: Operand[] }> {
  let i = 0;
  const stack: Operand[][] = [[]];
  const push = (value: Operand): void => {
    stack[stack.length - 1]!.push(value);
  };
  const isDelimiter = (c: string): boolean => /[\s()<>[\]{}/%]/.test(c);
  while (i < data.length) {
    const c = data[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '%') {
      while (i < data.length && data[i] !== '\n' && data[i] !== '\r') i++;
    } else if (c === '(') {
      let depth = 1;
      let value = '';
      i++;
      while (i < data.length && depth > 0) {
        const d = data[i]!;
        if (d === '\\') {
          const e = data[i + 1] ?? '';
          if (/[0-7]/.test(e)) {
            const octal = /^[0-7]{1,3}/.exec(data.slice(i + 1))![0];
            value += String.fromCharCode(Number.parseInt(octal, 8));
            i += 1 + octal.length;
            continue;
          }
          value += { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' }[e] ?? (e === '\n' || e === '\r' ? '' : e);
          i += 2;
          continue;
        }
        if (d === '(') depth++;
        if (d === ')') depth--;
        if (depth > 0) value += d;
        i++;
      }
      push(value);
    } else if (c === '<' && data[i + 1] === '<') {
      // Dictionaries only appear as marked-content properties here: skip to the matching >>.
      let depth = 0;
      while (i < data.length) {
        if (data.startsWith('<<', i)) {
          depth++;
          i += 2;
        } else if (data.startsWith('>>', i)) {
          depth--;
          i += 2;
          if (depth === 0) break;
        } else i++;
      }
      push({ dict: true });
    } else if (c === '<') {
      const end = data.indexOf('>', i);
      const hex = data.slice(i + 1, end).replace(/\s/g, '');
      push(Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex').toString('latin1'));
      i = end + 1;
    } else if (c === '[') {
      stack.push([]);
      i++;
    } else if (c === ']') {
      const array = stack.pop() ?? [];
      push(array);
      i++;
    } else if (c === '/') {
      let j = i + 1;
      while (j < data.length && !isDelimiter(data[j]!)) j++;
      push({ name: data.slice(i + 1, j) });
      i = j;
    } else {
      let j = i;
      while (j < data.length && !isDelimiter(data[j]!)) j++;
      if (j === i) j++;
      const word = data.slice(i, j);
      i = j;
      if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) {
        push(Number(word));
      } else if (word === 'BI') {
        // Inline image: skip its data up to EI.
        const end = data.indexOf('EI', data.indexOf('ID', i));
        i = end === -1 ? data.length : end + 2;
        stack[stack.length - 1] = [];
      } else {
        const args = stack[stack.length - 1]!;
        stack[stack.length - 1] = [];
        yield { op: word, args };
      }
    }
  }
}

/**
 * Glyph counts per effective font size (rounded to 0.1 pt) over every page, following Form XObjects.
 * `size` is the font's em size on the page in points: Tf size × the vertical scale of text matrix × CTM.
 */
export function pdfFontSizeHistogram(path: string): Map<number, number> {
  const json = JSON.parse(
    execFileSync('qpdf', ['--json=2', '--json-stream-data=inline', '--json-key=pages', '--json-key=qpdf', path], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }),
  ) as { pages: { object: string; contents: string[] }[]; qpdf: [unknown, Record<string, QpdfObject>] };
  const objects = new PdfObjects(json.qpdf[1]);
  const histogram = new Map<number, number>();

  const resourcesOf = (pageRef: string): Dict => {
    for (let node = objects.dict(pageRef); node; node = objects.dict(node['/Parent'])) {
      const resources = objects.dict(node['/Resources']);
      if (resources) return resources;
    }
    return {};
  };

  const run = (data: string, resources: Dict, start: Matrix, depth: number): void => {
    const fonts = objects.dict(resources['/Font']) ?? {};
    const xobjects = objects.dict(resources['/XObject']) ?? {};
    let ctm = start;
    const saved: Matrix[] = [];
    let tm: Matrix = IDENTITY;
    let lineMatrix: Matrix = IDENTITY;
    let size = 0;
    let bytesPerGlyph = 1;
    const show = (text: string): void => {
      const m = multiply(tm, ctm);
      const effective = Math.round(size * Math.hypot(m[2], m[3]) * 10) / 10;
      const glyphs = Math.floor(text.length / bytesPerGlyph);
      if (effective > 0 && glyphs > 0) histogram.set(effective, (histogram.get(effective) ?? 0) + glyphs);
    };
    for (const { op, args } of contentOps(data)) {
      const n = (k: number): number => (typeof args[k] === 'number' ? (args[k] as number) : 0);
      switch (op) {
        case 'q':
          saved.push(ctm);
          break;
        case 'Q':
          ctm = saved.pop() ?? start;
          break;
        case 'cm':
          ctm = multiply([n(0), n(1), n(2), n(3), n(4), n(5)], ctm);
          break;
        case 'BT':
          tm = IDENTITY;
          lineMatrix = IDENTITY;
          break;
        case 'Tm':
          tm = [n(0), n(1), n(2), n(3), n(4), n(5)];
          lineMatrix = tm;
          break;
        case 'Td':
        case 'TD':
          lineMatrix = multiply([1, 0, 0, 1, n(0), n(1)], lineMatrix);
          tm = lineMatrix;
          break;
        case 'Tf': {
          size = n(1);
          const font = objects.dict(fonts[(args[0] as { name: string } | undefined)?.name ? `/${(args[0] as { name: string }).name}` : ''] ?? undefined);
          bytesPerGlyph = font?.['/Subtype'] === '/Type0' ? 2 : 1;
          break;
        }
        case 'Tj':
        case "'":
          if (typeof args[0] === 'string') show(args[0]);
          break;
        case '"':
          if (typeof args[2] === 'string') show(args[2]);
          break;
        case 'TJ':
          if (Array.isArray(args[0])) show(args[0].filter((a): a is string => typeof a === 'string').join(''));
          break;
        case 'Do': {
          const name = (args[0] as { name: string } | undefined)?.name;
          const ref = name ? xobjects[`/${name}`] : undefined;
          const form = objects.get(ref)?.stream;
          if (form && form.dict['/Subtype'] === '/Form' && depth < 8) {
            const matrix = (Array.isArray(form.dict['/Matrix']) ? form.dict['/Matrix'] : IDENTITY) as Matrix;
            run(objects.streamData(ref), objects.dict(form.dict['/Resources']) ?? resources, multiply(matrix, ctm), depth + 1);
          }
          break;
        }
      }
    }
  };

  for (const page of json.pages) {
    const data = page.contents.map((ref) => objects.streamData(ref)).join('\n');
    run(data, resourcesOf(page.object), IDENTITY, 0);
  }
  return histogram;
}

/** The size most glyphs are set at: the body size. */
export function pdfBodyFontSize(path: string): number {
  let best = 0;
  let bestCount = -1;
  for (const [size, count] of pdfFontSizeHistogram(path)) {
    if (count > bestCount) {
      best = size;
      bestCount = count;
    }
  }
  return best;
}

/** Decompressed PDF (qpdf QDF form), for scanning actions and URIs as text. */
export function pdfUncompressed(path: string): string {
  return execFileSync('qpdf', ['--qdf', '--object-streams=disable', path, '-'], { encoding: 'latin1', maxBuffer: 256 * 1024 * 1024 });
}

/** A Link annotation as qpdf reads it, with the structure element its /StructParent leads to in the parent tree. */
export interface LinkAnnotation {
  ref: string;
  page: number;
  /** /Contents as text, or undefined when the key is missing. */
  contents: string | undefined;
  uri: string | undefined;
  structParent: number | undefined;
  /** The parent tree's element for /StructParent: its tag, /Alt, and whether one of its kids is an OBJR of this annotation. */
  element: { tag: string | undefined; alt: string | undefined; hasObjectReference: boolean } | undefined;
}

/** qpdf JSON v2 writes text strings as "u:text" and other strings as "b:hex". */
function qpdfString(value: JsonValue | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (value.startsWith('u:')) return value.slice(2);
  if (value.startsWith('b:')) return Buffer.from(value.slice(2), 'hex').toString('latin1');
  return undefined;
}

/** Every /Annot of /Subtype /Link on every page, read through qpdf's JSON (its own parser, not ours). */
export function pdfLinkAnnotations(path: string): LinkAnnotation[] {
  const json = JSON.parse(execFileSync('qpdf', ['--json=2', '--json-key=pages', '--json-key=qpdf', path], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })) as {
    pages: { object: string }[];
    qpdf: [unknown, Record<string, QpdfObject>];
  };
  const objects = new PdfObjects(json.qpdf[1]);
  const trailer = objects.dict(json.qpdf[1]['trailer']?.value);
  const catalog = objects.dict(trailer?.['/Root']);
  const treeRoot = objects.dict(catalog?.['/StructTreeRoot']);
  // The parent tree is a number tree: /Nums pairs, possibly under /Kids.
  const parents = new Map<number, JsonValue>();
  const readTree = (node: Dict | undefined): void => {
    if (!node) return;
    const nums = objects.resolve(node['/Nums']);
    if (Array.isArray(nums)) for (let i = 0; i + 1 < nums.length; i += 2) parents.set(nums[i] as number, nums[i + 1]!);
    const kids = objects.resolve(node['/Kids']);
    if (Array.isArray(kids)) for (const kid of kids) readTree(objects.dict(kid));
  };
  readTree(objects.dict(treeRoot?.['/ParentTree']));

  const out: LinkAnnotation[] = [];
  json.pages.forEach((page, index) => {
    const annots = objects.resolve(objects.dict(page.object)?.['/Annots']);
    if (!Array.isArray(annots)) return;
    for (const ref of annots) {
      const annot = objects.dict(ref);
      if (!annot || annot['/Subtype'] !== '/Link') continue;
      const structParent = typeof annot['/StructParent'] === 'number' ? annot['/StructParent'] : undefined;
      const parent = structParent === undefined ? undefined : objects.dict(parents.get(structParent));
      const kids = objects.resolve(parent?.['/K']);
      const kidList = Array.isArray(kids) ? kids : kids === undefined ? [] : [kids];
      out.push({
        ref: String(ref),
        page: index + 1,
        contents: qpdfString(annot['/Contents']),
        uri: qpdfString(objects.dict(annot['/A'])?.['/URI']),
        structParent,
        element: parent && {
          tag: typeof parent['/S'] === 'string' ? parent['/S'].slice(1) : undefined,
          alt: qpdfString(parent['/Alt']),
          hasObjectReference: kidList.some((kid) => {
            const k = objects.dict(kid);
            return k?.['/Type'] === '/OBJR' && k['/Obj'] === ref;
          }),
        },
      });
    }
  });
  return out;
}
