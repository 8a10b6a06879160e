/**
 * The fields → the front-matter YAML, written by the `yaml` library (so a title with a colon or a `#` is quoted
 * safely), each field with a comment saying where it came from: `# guessed from line 1: "met in Tokyo"`.
 */
import { Document, isScalar, type Node as YamlNode, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Participant } from '../model/briefing.js';
import { describeOrigin, type Evidence, type Field, type Fields } from './types.js';

/** The README's order of the fields. */
export const FIELD_ORDER = ['title', 'subtitle', 'kind', 'date', 'location', 'classification', 'participants', 'prepared_by', 'distribution', 'source', 'language', 'keywords'] as const;

const QUOTE_LENGTH = 70;

/** Evidence as one line, cut to a length a comment or a message can show. */
export function clip(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > QUOTE_LENGTH ? `${line.slice(0, QUOTE_LENGTH - 1)}…` : line;
}

export function comment(evidence: Evidence): string {
  const where = describeOrigin(evidence.origin);
  const place = 'part' in evidence.origin ? `in ${where}` : evidence.how === 'found' ? `at ${where}` : `from ${where}`;
  const text = evidence.text ? `: "${clip(evidence.text)}"` : '';
  const why = evidence.why ? ` (${evidence.why})` : '';
  return ` ${evidence.how} ${place}${text}${why}`;
}

function commented(doc: Document, field: Field<unknown>): YamlNode {
  // A list of words (keywords) on one line, so its comment sits beside it.
  const node = doc.createNode(field.value, { flow: Array.isArray(field.value) }) as YamlNode;
  node.comment = comment(field.evidence);
  return node;
}

/** The YAML between the `---` lines (ends with a newline), or '' when no field was found. */
export function frontMatterYaml(fields: Fields): string {
  const doc = new Document({});
  const map = doc.contents as YAMLMap;
  for (const key of FIELD_ORDER) {
    const field = fields[key];
    if (!field) continue;
    if (key === 'participants') {
      const people = field as Field<Participant>[];
      const list = doc.createNode(people.map((p) => p.value)) as YAMLSeq;
      list.items.forEach((item, index) => {
        const entry = item as YAMLMap;
        const name = entry.get('name', true);
        if (isScalar(name)) name.comment = comment(people[index]!.evidence);
      });
      map.add(doc.createPair(key, list));
      continue;
    }
    map.add(doc.createPair(key, commented(doc, field as Field<unknown>)));
  }
  return map.items.length === 0 ? '' : doc.toString({ lineWidth: 0 });
}
