/**
 * Front matter: YAML parsed with `yaml`, validated with a zod schema. Every problem points at the line **in the file**
 * (not inside the YAML block): we know where the block's value starts and add the YAML offset to it.
 */
import { isMap, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import type { Yaml } from 'mdast';
import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import { z } from 'zod';
import { reportError, reportWarning, type Place } from './diagnostics.js';
import { emailSchema } from './email-fields.js';
import { unknownKeys, type UnknownKey } from './unknown-fields.js';
import { textInsteadOfFields, translateYamlError, unresolvedAlias } from './yaml-errors.js';

const nonEmpty = z.string().trim().min(1, 'must not be empty');

const participant = z.union([
  nonEmpty,
  z.object({ name: nonEmpty, role: nonEmpty.optional() }).strict(),
]);

/** A calendar date that exists: 2025-02-29 and 2025-13-45 are refused. */
const isoDate = z.string().superRefine((value, context) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    context.addIssue({ code: 'custom', message: 'must be a date written YYYY-MM-DD' });
    return;
  }
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    context.addIssue({ code: 'custom', message: 'is not a real calendar date' });
  }
});

const languageTag = nonEmpty.refine((value) => {
  try {
    return Intl.getCanonicalLocales(value).length === 1;
  } catch {
    return false;
  }
}, 'must be a language tag such as en-US, en-GB or fr');

export const frontMatterSchema = z.object({
  title: nonEmpty.optional(),
  subtitle: nonEmpty.optional(),
  kind: nonEmpty.optional(),
  date: isoDate.optional(),
  location: nonEmpty.optional(),
  classification: nonEmpty.optional(),
  participants: z.array(participant).optional(),
  prepared_by: nonEmpty.optional(),
  distribution: z.union([nonEmpty, z.array(nonEmpty)]).optional(),
  source: nonEmpty.optional(),
  language: languageTag.optional(),
  template: z.string().regex(/^[A-Za-z0-9_-]+$/, 'must be a template name such as "default"').optional(),
  keywords: z.union([nonEmpty, z.array(nonEmpty)]).optional(),
  summary: nonEmpty.optional(),
  key_points: z.array(nonEmpty).optional(),
  pages: z.enum(['one', 'multi']).optional(),
  pull_quote: z.union([z.boolean(), nonEmpty]).optional(),
  /** `smart` (default): typographic quotes, dashes and ellipses; `straight`: the characters as typed. */
  typography: z.enum(['smart', 'straight']).optional(),
  /** The template's words, in this briefing's: who issues it, the footer's line (`none` for no line), the band's first line. */
  organisation: nonEmpty.optional(),
  organization: nonEmpty.optional(),
  footer: z.union([z.literal(false), nonEmpty]).optional(),
  header: nonEmpty.optional(),
  /** `false`: no logo, though the template has one. */
  logo: z.literal(false).optional(),
  email: emailSchema.optional(),
});

/** Keys that are another spelling of a field: accepted as it, and never offered as a suggestion of their own. */
export const FIELD_ALIASES: Readonly<Record<string, string>> = { organization: 'organisation' };

export type FrontMatter = z.infer<typeof frontMatterSchema>;

/** Where the YAML text starts in the file, and a converter from YAML offsets to file points. */
function yamlPlacer(node: Yaml, file: VFile): (offset: number | undefined) => Place {
  const start = node.position?.start.offset ?? 0;
  const text = String(file.value);
  const valueStart = text.indexOf('\n', start) + 1;
  const place = location(file);
  return (offset) => (offset === undefined ? node.position?.start : place.toPoint(valueStart + offset));
}

function nodeAt(doc: Document, path: readonly PropertyKey[]): YamlNode | undefined {
  const node = doc.getIn(path.filter((p): p is string | number => typeof p !== 'symbol'), true);
  return node && typeof node === 'object' && 'range' in node ? (node as YamlNode) : undefined;
}

/**
 * A `---` that opens front matter the Markdown parser did not take as front matter: one never closed, or one below
 * blank lines. Unreported, its fields would become body text: "missing title" although `title:` is there, or raw YAML
 * printed in the summary box. Only a `---` followed by a `field:` line counts; a page may open with a plain rule.
 */
function misplacedFrontMatter(file: VFile): boolean {
  const lines = String(file.value).split(/\r?\n/);
  const opening = lines.findIndex((line) => line.trim() !== '');
  if (opening === -1 || !/^---[ \t]*$/.test(lines[opening]!)) return false;
  const next = lines.slice(opening + 1).find((line) => line.trim() !== '');
  if (next === undefined || !/^[A-Za-z_][\w-]*[ \t]*:/.test(next)) return false;
  const place = { line: opening + 1, column: 1 };
  if (opening > 0) {
    reportError(file, `front matter must start on the first line: delete the blank line${opening > 1 ? 's' : ''} above the \`---\``, place, 'front-matter-fence');
  } else {
    reportError(file, `front matter opened on line ${place.line} is never closed: add a \`---\` line after it`, place, 'front-matter-fence');
  }
  return true;
}

/** Parses and validates the front matter; returns the fields, or null after reporting errors. */
export function readFrontMatter(node: Yaml | undefined, file: VFile): FrontMatter | null {
  if (!node) return misplacedFrontMatter(file) ? null : {};
  if (node.value.trim() === '') return {};
  const placeAt = yamlPlacer(node, file);
  let doc: Document;
  try {
    doc = parseDocument(node.value, { prettyErrors: false, uniqueKeys: true });
  } catch (error) {
    // The YAML parser recurses per nesting level; a hostile block nested thousands deep exhausts the stack.
    if (!(error instanceof RangeError)) throw error;
    reportError(file, 'front matter is nested too deeply to read', placeAt(0), 'yaml-depth');
    return null;
  }
  if (doc.errors.length > 0) {
    reportYamlErrors(doc, node.value, placeAt, file);
    return null;
  }
  for (const warning of doc.warnings) {
    reportWarning(file, `front matter: ${warning.message.split('\n')[0]}`, placeAt(warning.pos[0]), 'yaml-warning');
  }
  if (!isMap(doc.contents)) {
    const fix = textInsteadOfFields(node.value, doc);
    if (fix) reportError(file, fix.reason, placeAt(fix.offset), 'yaml-syntax');
    else reportError(file, 'front matter must be a list of `field: value` lines', placeAt(doc.contents?.range?.[0]), 'yaml-shape');
    return null;
  }
  let data: unknown;
  try {
    // A small alias budget: a briefing's front matter has no use for many, and "billion laughs" bombs need thousands.
    data = doc.toJS({ maxAliasCount: 50 });
  } catch (error) {
    if (error instanceof RangeError) {
      reportError(file, 'front matter is nested too deeply to read', placeAt(0), 'yaml-depth');
      return null;
    }
    const fix = unresolvedAlias(node.value, doc);
    if (fix) reportError(file, fix.reason, placeAt(fix.offset), 'yaml-syntax');
    else reportError(file, `front matter: ${(error as Error).message}`, placeAt(0), 'yaml-aliases');
    return null;
  }
  const unknown = unknownKeys(doc, frontMatterSchema);
  let unknownErrors = false;
  for (const entry of unknown) unknownErrors = reportUnknownKey(entry, file, placeAt) || unknownErrors;
  // Objects the walk above reported on already; the schema's own "unknown key" issue for them would say it twice.
  const reported = new Set(unknown.map((u) => JSON.stringify(u.parent)));
  const parsed = frontMatterSchema.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      if (issue.code === 'unrecognized_keys' && reported.has(JSON.stringify(path))) continue;
      const field = path.join('.') || 'front matter';
      reportError(file, `front-matter \`${field}\` ${describeIssue(issue)}`, placeAt(nodeAt(doc, path)?.range?.[0]), 'front-matter-field');
    }
    return null;
  }
  return unknownErrors ? null : parsed.data;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') return `must be ${issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}`;
  if (issue.code === 'invalid_union') return 'must be text, or a list as the README shows';
  if (issue.code === 'invalid_value') return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  if (issue.code === 'unrecognized_keys') return `has unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`;
  return issue.message.startsWith('must') || issue.message.startsWith('is ') ? issue.message : `: ${issue.message}`;
}

/**
 * The parser's errors, each in the writer's words where there is a translation. A mistake often trips several parser
 * errors on its line; once one of them is translated, the others there add nothing.
 */
function reportYamlErrors(doc: Document, yaml: string, placeAt: (offset: number | undefined) => Place, file: VFile): void {
  const lineOf = (offset: number): number => {
    const place = placeAt(offset);
    return place && 'line' in place ? place.line : 0;
  };
  const translated = doc.errors.map((error) => ({ error, fix: translateYamlError(yaml, doc, error, lineOf) }));
  const fixedLines = new Set<number>();
  for (const { fix } of translated) if (fix) fixedLines.add(lineOf(fix.offset));
  const said = new Set<string>();
  for (const { error, fix } of translated) {
    if (fix) {
      const key = `${lineOf(fix.offset)}:${fix.reason}`;
      if (said.has(key)) continue;
      said.add(key);
      reportError(file, fix.reason, placeAt(fix.offset), 'yaml-syntax');
    } else if (!fixedLines.has(lineOf(error.pos[0]))) {
      reportError(file, `front matter is not valid YAML: ${error.message.split('\n')[0]}`, placeAt(error.pos[0]), 'yaml-syntax');
    }
  }
}

/** Code names joined for a sentence: `name` or `role`; `a`, `b` or `c`. */
function oneOf(keys: readonly string[]): string {
  const named = keys.map((k) => `\`${k}\``);
  return named.length <= 1 ? (named[0] ?? '') : `${named.slice(0, -1).join(', ')} or ${named[named.length - 1]}`;
}

/**
 * A near miss of a known key is an error: `clasification:` would send the briefing out without the banner the writer
 * asked for. A key that is merely unknown is ignored with a warning, except inside a strict object (a participant),
 * which has only the keys it names. Returns whether it was an error.
 */
function reportUnknownKey(entry: UnknownKey, file: VFile, placeAt: (offset: number | undefined) => Place): boolean {
  const parent = [...entry.parent].reverse().find((p): p is string => typeof p === 'string');
  const what = parent === undefined ? `unknown front-matter field \`${entry.key}\`` : `unknown field \`${entry.key}\` in \`${parent}\``;
  const place = placeAt(entry.offset);
  if (entry.suggestion !== undefined) {
    const consequence = entry.strict ? '' : ', or the briefing goes out without it';
    reportError(file, `${what} (did you mean \`${entry.suggestion}\`?): correct its spelling${consequence}`, place, 'unknown-field');
    return true;
  }
  if (entry.strict) {
    reportError(file, `${what}: use ${oneOf(entry.known)}`, place, 'unknown-field');
    return true;
  }
  reportWarning(file, `${what} is ignored`, place, 'unknown-field');
  return false;
}
