/**
 * The YAML parser's errors in a writer's words. The parser says "Nested mappings are not allowed in compact mappings";
 * the writer needs "put the value in quotes: title: "Press Guidance: Ports"". Each translation names the fix with the
 * writer's own key and value; an error with no translation keeps the parser's words (the caller's fallback).
 */
import { isMap, isScalar, parseDocument, stringify, visit, type Document, type YAMLError } from 'yaml';

export interface Translation {
  reason: string;
  /** Where the problem is, as an offset in the YAML text (may differ from where the parser noticed it). */
  offset: number;
}

interface Line {
  text: string;
  /** Offset of the line's first character in the YAML text. */
  start: number;
}

function lineAt(yaml: string, offset: number): Line {
  const start = yaml.lastIndexOf('\n', offset - 1) + 1;
  const end = yaml.indexOf('\n', offset);
  return { text: yaml.slice(start, end === -1 ? undefined : end).replace(/\r$/, ''), start };
}

/** A value as the writer should type it: as it is when YAML reads it back unchanged, else in double quotes. */
function written(value: string): string {
  const back = parseDocument(`k: ${value}`);
  const read: unknown = back.errors.length === 0 && back.warnings.length === 0 ? back.get('k') : undefined;
  const plain = (typeof read === 'string' || typeof read === 'number' || typeof read === 'boolean') && String(read) === value;
  return plain ? value : quoted(value);
}

/** Double quotes, with inner quotes and backslashes escaped the way YAML reads them back. */
function quoted(value: string): string {
  return stringify(value, { defaultStringType: 'QUOTE_DOUBLE', lineWidth: 0 }).trimEnd();
}

/** `  - role: value` → the part before the value (indent, list dashes, key) and the value. */
const KEYED = /^(\s*(?:-\s+)*(?:[^\s#'"[\]{},:][^:#]*?:\s+)?)(\S.*?)\s*$/;

function putInQuotes(line: Line, valueStart: number, value: string): Translation {
  const prefix = line.text.slice(0, valueStart - line.start).trimStart();
  return { reason: `put the value in quotes: ${prefix}${quoted(value)}`, offset: valueStart };
}

/** `title: Press Guidance: Ports` — a colon and space inside an unquoted value. */
function colonInValue(yaml: string, at: number): Translation | undefined {
  const line = lineAt(yaml, at);
  const value = line.text.slice(at - line.start).trimEnd();
  if (!/:(\s|$)/.test(value)) return undefined;
  return putInQuotes(line, at, value);
}

/** `title: @handle`, `title: [Draft] Ports`, `title: "He said "yes""`: a value that starts with a YAML sign. */
function reservedStart(yaml: string, at: number): Translation | undefined {
  const line = lineAt(yaml, at);
  const match = KEYED.exec(line.text);
  if (!match) return undefined;
  const value = match[2]!;
  if (!/^["'[{*&@`%]/.test(value)) return undefined;
  // "He said "yes"" was meant as one quoted value: its outer quotes go, the inner ones stay (escaped).
  const inner = value.length >= 2 && /^["']/.test(value) && value.endsWith(value[0]!) ? value.slice(1, -1) : value;
  return putInQuotes(line, line.start + match[1]!.length, inner);
}

/** `date:2025-01-07` (no space after the colon), or `kind Memo` (no colon at all). */
function missingColonOrSpace(yaml: string, at: number): Translation | undefined {
  const line = lineAt(yaml, at);
  const noSpace = /^(\s*(?:-\s+)?)([A-Za-z_][\w-]*):(\S.*?)\s*$/.exec(line.text);
  if (noSpace && !noSpace[3]!.startsWith(':')) {
    const colon = line.start + noSpace[1]!.length + noSpace[2]!.length;
    return { reason: `put a space after the colon: ${noSpace[2]}: ${written(noSpace[3]!)}`, offset: colon + 1 };
  }
  if (!line.text.includes(':') && line.text.trim() !== '' && at === line.start + (line.text.length - line.text.trimStart().length)) {
    return { reason: 'this line has no colon: write it as `field: value`, or indent it if it continues the line above', offset: at };
  }
  return undefined;
}

/** The opening quote of the quoted value that runs on to where the parser gave up. */
function unclosedQuote(doc: Document, at: number, mark: '"' | "'"): Translation {
  let opening: number | undefined;
  visit(doc, {
    Scalar(_, node) {
      const start = node.range?.[0];
      if (start === undefined || start > at) return;
      if (node.type !== (mark === '"' ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE')) return;
      if (opening === undefined || start > opening) opening = start;
    },
  });
  return { reason: `the \`${mark}\` that opens this value is never closed: add a \`${mark}\` at the end of the value`, offset: opening ?? at };
}

function duplicateKey(doc: Document, at: number, lineOf: (offset: number) => number): Translation | undefined {
  let found: Translation | undefined;
  visit(doc, {
    Map(_, map) {
      const seen = new Map<unknown, number>();
      for (const pair of map.items) {
        if (!isScalar(pair.key) || !pair.key.range) continue;
        const key = pair.key.value;
        const earlier = seen.get(key);
        if (pair.key.range[0] === at && earlier !== undefined) {
          found = { reason: `field \`${String(key)}\` appears twice (first on line ${lineOf(earlier)}): keep one of them`, offset: at };
          return visit.BREAK;
        }
        if (earlier === undefined) seen.set(key, pair.key.range[0]);
      }
      return undefined;
    },
  });
  return found;
}

/**
 * The writer's version of one parser error, or undefined to keep the parser's words. `lineOf` turns a YAML offset into
 * a line in the file, for messages that point at a second place.
 */
export function translateYamlError(yaml: string, doc: Document, error: YAMLError, lineOf: (offset: number) => number): Translation | undefined {
  const at = error.pos[0];
  switch (error.code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
      return colonInValue(yaml, at);
    case 'TAB_AS_INDENT':
      return { reason: 'indent with spaces, not tabs', offset: at };
    case 'BAD_SCALAR_START':
    case 'UNEXPECTED_TOKEN':
      return reservedStart(yaml, at);
    case 'MULTILINE_IMPLICIT_KEY':
      return missingColonOrSpace(yaml, at);
    case 'MISSING_CHAR': {
      const quote = /Missing closing (["'])quote/.exec(error.message)?.[1] as '"' | "'" | undefined;
      return quote ? unclosedQuote(doc, at, quote) : missingColonOrSpace(yaml, at);
    }
    case 'DUPLICATE_KEY':
      return duplicateKey(doc, at, lineOf);
    default:
      return undefined;
  }
}

/** A value that names an anchor never set (`title: *bold*`): YAML reads `*` as "repeat the value called bold". */
export function unresolvedAlias(yaml: string, doc: Document): Translation | undefined {
  let found: Translation | undefined;
  visit(doc, {
    Alias(_, node) {
      if (node.resolve(doc) !== undefined || !node.range) return undefined;
      const line = lineAt(yaml, node.range[0]);
      const value = line.text.slice(node.range[0] - line.start).trimEnd();
      found = putInQuotes(line, node.range[0], value);
      return visit.BREAK;
    },
  });
  return found;
}

/** `title:Press` as the only line: YAML reads the whole front matter as one piece of text, not a field. */
export function textInsteadOfFields(yaml: string, doc: Document): Translation | undefined {
  if (isMap(doc.contents) || !isScalar(doc.contents)) return undefined;
  return missingColonOrSpace(yaml, doc.contents.range?.[0] ?? 0);
}
