/**
 * "Every source word is in the output": the source's words as an independent parser (marked, not remark) reads them,
 * compared with the text a format's reader extracts (pdftotext, mammoth, the browser), after normalising what
 * typesetting legitimately changes: whitespace, quote and dash forms, ligatures, line-end hyphenation, case.
 */
import { marked, type Token, type Tokens } from 'marked';
import { parse as parseYaml } from 'yaml';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '';
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Visible text of raw HTML: tags, comments and script/style bodies are not words a reader sees. */
export function stripHtml(html: string): string {
  return html
    .replace(/<(script|style|template)\b[\s\S]*?(<\/\1\s*>|$)/gi, ' ')
    .replace(/<!--[\s\S]*?(-->|$)/g, ' ')
    .replace(/<[^>]*>?/g, ' ');
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
      default:
        if ('tokens' in token && Array.isArray(token.tokens) && token.tokens.length > 0) tokenTexts(token.tokens, out);
        else if ('text' in token && typeof token.text === 'string') out.push(token.type === 'codespan' || token.type === 'code' ? token.text : decodeEntities(token.text));
    }
  }
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
  const found = new Set([...words(outputText), ...words(joined), ...words(kept)]);
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
  const body = (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
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
