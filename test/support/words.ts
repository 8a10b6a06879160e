/**
 * "Every source word is in the output": the source's words as an independent parser (marked, not remark) reads them,
 * compared with the text a format's reader extracts (pdftotext, mammoth, the browser), after normalising what
 * typesetting legitimately changes: whitespace, quote and dash forms, ligatures, line-end hyphenation, case.
 */
import { marked, type Token, type Tokens } from 'marked';
import { decodeHTML } from 'entities';
import { parse as parseYaml } from 'yaml';

/** Named and numeric character references, as an HTML parser decodes them (the `entities` package, not micromark's). */
export function decodeEntities(text: string): string {
  return decodeHTML(text);
}

/** Visible text of raw HTML: tags, comments and script/style bodies are not words a reader sees. */
export function stripHtml(html: string): string {
  return html
    .replace(/<(script|style|template)\b[\s\S]*?(<\/\1\s*>|$)/gi, ' ')
    .replace(/<!--[\s\S]*?(-->|$)/g, ' ')
    .replace(/<[^>]*>?/g, ' ');
}

const BLOCK_TAG = /^(address|article|aside|blockquote|br|caption|dd|div|dl|dt|figcaption|figure|footer|h[1-6]|header|hr|img|li|main|nav|ol|p|pre|section|table|tbody|td|tfoot|th|thead|tr|ul)$/i;

/**
 * The text of an HTML document as a reader sees it: block elements and line breaks separate words, inline elements
 * (<strong>, <a>, <code> …) do not ("foo<strong>bar</strong>" is one word); references decoded.
 */
export function htmlToText(html: string): string {
  const text = html
    .replace(/<(script|style|template|title)\b[\s\S]*?(<\/\1\s*>|$)/gi, ' ')
    .replace(/<!--[\s\S]*?(-->|$)/g, ' ')
    .replace(/<\/?([a-z][a-z0-9]*)\b[^>]*>?/gi, (_tag, name: string) => (BLOCK_TAG.test(name) ? '\n' : ''));
  return decodeEntities(text);
}

function tokenTexts(tokens: readonly Token[], out: string[]): void {
  for (const token of tokens) {
    switch (token.type) {
      case 'image':
      case 'space':
      case 'hr':
      case 'def':
        continue; // an image shows pixels, not its alt text; definitions are not shown
      case 'html':
        out.push(decodeEntities(stripHtml(token.text)));
        continue;
      case 'list':
        for (const item of (token as Tokens.List).items) tokenTexts(item.tokens, out);
        continue;
      case 'table': {
        const table = token as Tokens.Table;
        for (const cell of table.header) tokenTexts(cell.tokens, out);
        for (const row of table.rows) for (const cell of row) tokenTexts(cell.tokens, out);
        continue;
      }
      case 'paragraph':
      case 'heading':
      case 'text':
        // A block's inline content is one run of text: a word can span emphasis or a link ("foo***bar***baz").
        out.push('tokens' in token && Array.isArray(token.tokens) && token.tokens.length > 0 ? inlineText(token.tokens) : decodeEntities(token.text));
        continue;
      default:
        if ('tokens' in token && Array.isArray(token.tokens) && token.tokens.length > 0) tokenTexts(token.tokens, out);
        else if ('text' in token && typeof token.text === 'string') out.push(token.type === 'codespan' || token.type === 'code' ? token.text : decodeEntities(token.text));
    }
  }
}

/** The text of inline tokens, joined as a reader sees it: a hard break or an image separates words. */
function inlineText(tokens: readonly Token[]): string {
  let out = '';
  for (const token of tokens) {
    if (token.type === 'br' || token.type === 'image') out += ' ';
    else if (token.type === 'html') out += decodeEntities(stripHtml(token.text));
    else if (token.type === 'codespan') out += token.text;
    else if ('tokens' in token && Array.isArray(token.tokens) && token.tokens.length > 0) out += inlineText(token.tokens);
    else if ('text' in token && typeof token.text === 'string') out += decodeEntities(token.text);
  }
  return out;
}

/** Splits `---` front matter off a source; marked does not know it. */
export function splitFrontMatter(source: string): { frontMatter: Record<string, unknown>; body: string } {
  const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---[ \t]*(\r?\n|$)/.exec(source);
  if (!match) return { frontMatter: {}, body: source };
  const data: unknown = parseYaml(match[1] ?? '');
  const frontMatter = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  return { frontMatter, body: source.slice(match[0].length) };
}

/** Front-matter fields whose words the page shows (metadata-only fields such as keywords and template are not). */
const SHOWN_FIELDS = ['title', 'subtitle', 'kind', 'location', 'classification', 'participants', 'prepared_by', 'distribution', 'source'];
const MARKDOWN_FIELDS = ['summary', 'key_points'];

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/** The text pieces of a briefing source, as marked reads them (plus the front-matter fields the page shows). */
export function sourceTexts(source: string): string[] {
  const { frontMatter, body } = splitFrontMatter(source);
  const out: string[] = [];
  for (const field of SHOWN_FIELDS) out.push(...strings(frontMatter[field]));
  for (const field of MARKDOWN_FIELDS) for (const text of strings(frontMatter[field])) tokenTexts(marked.lexer(text), out);
  tokenTexts(marked.lexer(body), out);
  return out;
}

/** The same normalisation on both sides. */
export function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u00AD\u200B-\u200D\u2060\uFEFF\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '')
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033«»]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\s\u00A0\u2000-\u200A\u202F\u205F\u3000]+/g, ' ');
}

/** Words of normalised text: split at spaces, hyphens and slashes, punctuation trimmed from both ends. */
export function words(text: string): string[] {
  return normalise(text)
    .split(/[ \-/]+/)
    .map((w) => w.replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, ''))
    .filter((w) => w.length > 0);
}

export function sourceWords(source: string): string[] {
  return [...new Set(sourceTexts(source).flatMap(words))];
}

/**
 * Source words missing from an output's extracted text. A word hyphenated at a line end is found joined; a word too
 * long for a line (a 500-letter word, a URL) is found when its letters appear in order with only line breaks between.
 */
export function missingWords(expected: readonly string[], outputText: string): string[] {
  const joined = outputText.replace(/[-\u2010\u00AD]\s*\n\s*/g, '');
  const kept = outputText.replace(/([-\u2010])\s*\n\s*/g, '$1');
  // pdftotext marks a right-to-left run with embedding controls (U+202A–U+202E), and its reordering may move the space
  // beside the run into it ("…الإنسانية\u202cwe"): a run's edges are word edges too.
  const runs = outputText.replace(/[\u202a-\u202e]/g, ' ');
  const found = new Set([...words(outputText), ...words(joined), ...words(kept), ...words(runs)]);
  const squashed = normalise(outputText).replace(/[\s-]+/g, '');
  // Scripts without spaces between words (Han, kana) may break a line anywhere, with no hyphen.
  const breaksAnywhere = (w: string): boolean => w.length >= 20 || /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(w);
  return expected.filter((w) => !found.has(w) && !(breaksAnywhere(w) && squashed.includes(w.replace(/-/g, ''))));
}

/**
 * A DOCX's text as a reader finds it: mammoth for the body (it reads the document as Word lays out its story), plus
 * the headers and footers, which mammoth leaves out by design, read from their `w:t` runs.
 */
export async function docxText(bytes: Uint8Array): Promise<string> {
  const { default: mammoth } = await import('mammoth');
  const { unzipSync, strFromU8 } = await import('fflate');
  // Its HTML, not its raw text: the raw text drops line breaks (<w:br/>), joining the words on either side.
  const body = htmlToText((await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value);
  const parts = unzipSync(bytes);
  const furniture = Object.keys(parts)
    .filter((name) => /^word\/(header|footer)\d*\.xml$/.test(name))
    .sort()
    .map((name) =>
      strFromU8(parts[name]!)
        .split(/<\/w:p>/)
        .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decodeEntities(m[1] ?? '')).join(''))
        .join('\n'),
    );
  return [body, ...furniture].join('\n');
}
