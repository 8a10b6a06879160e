/**
 * The safety scan every hostile output goes through: no script, no event-handler attributes, no URL outside
 * http/https/mailto in a link, nothing fetched from elsewhere, no PDF actions that run code or open files.
 * Each scan returns what it found, so a failing test says what and where.
 */
import { strFromU8, unzipSync } from 'fflate';
import { pdfUncompressed } from './pdf.js';

const SAFE_LINK = /^(https?:|mailto:|#)/i;
const UNSAFE_SCHEME = /(java|vb)script\s*:|livescript\s*:/i;

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", colon: ':', tab: '\t', newline: '\n' } as Record<string, string>)[name.toLowerCase()] ?? whole;
  });
}

/** A URL as a browser would read the attribute: entities decoded, controls and whitespace dropped. */
function urlOf(value: string): string {
  return decodeEntities(value).replace(/[\u0000-\u0020\u007f]/g, '');
}

export function scanHtml(html: string, options: { strictText?: boolean } = {}): string[] {
  const problems: string[] = [];
  if (/<script\b/i.test(html)) problems.push('has a <script> element');
  for (const tag of ['iframe', 'object', 'embed', 'base', 'form', 'frame', 'applet', 'portal']) {
    if (new RegExp(`<${tag}\\b`, 'i').test(html)) problems.push(`has an <${tag}> element`);
  }
  if (/<meta[^>]+http-equiv\s*=\s*["']?refresh/i.test(html)) problems.push('has a meta refresh');
  // Tags with their attributes tokenised, so a quoted value that merely contains ` onclick=` is not mistaken for one.
  for (const [tag, attributes] of html.matchAll(/<[a-zA-Z][^\s/>]*((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?|\s*\/)*)\s*>/g)) {
    for (const attr of (attributes ?? '').matchAll(/([^\s=>/]+)(?:\s*=\s*("([^"]*)"|'([^']*)'|([^\s>"']+)))?/g)) {
      const name = attr[1]!.toLowerCase();
      const value = attr[3] ?? attr[4] ?? attr[5] ?? '';
      if (name.startsWith('on')) problems.push(`event handler attribute ${name} in ${tag.slice(0, 120)}`);
      if (['href', 'src', 'action', 'formaction', 'poster', 'data', 'srcset', 'background', 'xlink:href', 'ping', 'cite'].includes(name)) {
        const url = urlOf(value);
        const ok = name === 'href' || name === 'cite' ? SAFE_LINK.test(url) : /^data:(image|font|application\/font)/i.test(url);
        if (!ok) problems.push(`${name}="${url.slice(0, 80)}" in ${tag.slice(0, 80)}`);
      }
      if (name === 'style' && /url\s*\(\s*["']?(?!data:|#)/i.test(decodeEntities(value))) problems.push(`style attribute loads a URL: ${tag.slice(0, 120)}`);
    }
  }
  for (const [, css] of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) {
    for (const [url] of (css ?? '').matchAll(/url\s*\(\s*["']?(?!data:|#)[^)]{0,80}/gi)) problems.push(`CSS loads ${url}`);
    if (/@import/i.test(css ?? '')) problems.push('CSS @import');
    if (/expression\s*\(/i.test(css ?? '')) problems.push('CSS expression()');
  }
  if (options.strictText !== false && UNSAFE_SCHEME.test(decodeEntities(html))) problems.push('mentions a javascript:/vbscript: URL');
  return problems;
}

export function unzip(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

export function scanDocx(bytes: Uint8Array, options: { strictText?: boolean } = {}): string[] {
  const problems: string[] = [];
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzip(bytes);
  } catch (error) {
    return [`does not unzip: ${(error as Error).message}`];
  }
  for (const [name, data] of Object.entries(parts)) {
    if (/vbaProject|activeX|embeddings\/|\.bin$/i.test(name)) problems.push(`carries ${name}`);
    if (!/\.(xml|rels)$/i.test(name)) continue;
    const xml = strFromU8(data);
    for (const [rel] of xml.matchAll(/<Relationship\b[^>]*>/g)) {
      if (!/TargetMode\s*=\s*"External"/i.test(rel)) continue;
      const target = urlOf(/Target\s*=\s*"([^"]*)"/.exec(rel)?.[1] ?? '');
      const isLink = /relationships\/hyperlink"/.test(rel);
      if (!isLink) problems.push(`${name}: external ${/Type="([^"]*)"/.exec(rel)?.[1] ?? 'relationship'} → ${target}`);
      else if (!/^(https?:|mailto:)/i.test(target)) problems.push(`${name}: hyperlink to ${target}`);
    }
    for (const [, field] of xml.matchAll(/<w:instrText[^>]*>([^<]*)</g)) {
      if (/INCLUDEPICTURE|INCLUDETEXT|DDE|LINK\b/i.test(field ?? '')) problems.push(`${name}: field ${field}`);
      if (/HYPERLINK/i.test(field ?? '') && !/HYPERLINK\s+"?(https?:|mailto:)/i.test(field ?? '')) problems.push(`${name}: field ${field}`);
    }
    if (/<w:fldSimple[^>]*w:instr="[^"]*(INCLUDE|DDE)/i.test(xml)) problems.push(`${name}: fldSimple with INCLUDE/DDE`);
    if (/<script\b/i.test(xml)) problems.push(`${name}: <script`);
    if (options.strictText !== false && UNSAFE_SCHEME.test(decodeEntities(xml))) problems.push(`${name}: mentions a javascript:/vbscript: URL`);
  }
  return problems;
}

export function scanPdf(path: string, options: { strictText?: boolean } = {}): string[] {
  const problems: string[] = [];
  const text = pdfUncompressed(path);
  // Keys are looked for outside strings: a link or a keyword may well contain the text "/JS".
  const structure = withoutStrings(text);
  for (const key of ['/JS', '/JavaScript', '/Launch', '/SubmitForm', '/ImportData', '/GoToR', '/GoToE', '/RichMedia', '/EmbeddedFile', '/XFA', '/AA']) {
    if (new RegExp(`${key.replace('/', '\\/')}(?![A-Za-z])`).test(structure)) problems.push(`has ${key}`);
  }
  for (const match of text.matchAll(/\/URI\s*(\((?:\\.|[^\\)])*\)|<[0-9a-fA-F\s]*>)/g)) {
    const raw = match[1]!;
    const uri = raw.startsWith('<') ? Buffer.from(raw.slice(1, -1).replace(/\s/g, ''), 'hex').toString('latin1') : raw.slice(1, -1).replace(/\\(.)/g, '$1');
    if (!/^(https?:|mailto:)/i.test(uri.replace(/^\uFEFF|^\xFE\xFF/, ''))) problems.push(`link to ${uri.slice(0, 80)}`);
  }
  if (options.strictText !== false && UNSAFE_SCHEME.test(text)) problems.push('mentions a javascript:/vbscript: URL');
  return problems;
}

/** PDF text with the contents of literal and hex strings and stream data blanked out. */
function withoutStrings(pdf: string): string {
  let out = '';
  let i = 0;
  while (i < pdf.length) {
    const c = pdf[i]!;
    if (pdf.startsWith('stream', i) && /[\r\n]/.test(pdf[i + 6] ?? '')) {
      const end = pdf.indexOf('endstream', i);
      out += 'stream ';
      i = end === -1 ? pdf.length : end;
      continue;
    }
    if (c === '(') {
      let depth = 0;
      for (; i < pdf.length; i++) {
        const d = pdf[i];
        if (d === '\\') {
          i++;
          continue;
        }
        if (d === '(') depth++;
        else if (d === ')' && --depth === 0) break;
      }
      out += '()';
      i++;
      continue;
    }
    if (c === '<' && pdf[i + 1] !== '<' && pdf[i - 1] !== '<') {
      const end = pdf.indexOf('>', i);
      out += '<>';
      i = end === -1 ? pdf.length : end + 1;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}
