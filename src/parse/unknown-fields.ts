/**
 * Keys the front-matter schema does not know, at every depth (a top-level `clasification:`, a participant's `rol:`),
 * each with the closest known key of the same object. The known keys are read from the schema itself, nested object
 * shapes included, so a field added to the schema is suggested without a second list to keep.
 */
import { isMap, isScalar, isSeq, type Document } from 'yaml';
import { z } from 'zod';

export interface UnknownKey {
  key: string;
  /** Path of the object holding the key (`[]` at the top, `['participants', 0]` in a participant). */
  parent: (string | number)[];
  /** Offset of the key in the YAML text. */
  offset: number | undefined;
  /** The known key it is close to, if any. */
  suggestion: string | undefined;
  /** Whether the object refuses unknown keys (a strict schema object) rather than ignoring them. */
  strict: boolean;
  /** The keys the object does know, in schema order. */
  known: string[];
}

/**
 * Edits between two keys, a swap of neighbours counting as one (optimal string alignment): `tilte`, `emial` and `lfet`
 * are one slip each, as a writer sees them, not two.
 */
function editDistance(a: string, b: string): number {
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, before[j - 2]! + 1);
      current.push(best);
    }
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/** The known key a typo is close to: `Prepared-By` → `prepared_by`, `clasification` → `classification`. */
export function closestKey(key: string, known: readonly string[]): string | undefined {
  const normal = key.toLowerCase().replace(/[-\s]/g, '_');
  let best: { field: string; distance: number } | undefined;
  for (const field of known) {
    const distance = editDistance(normal, field);
    if (!best || distance < best.distance) best = { field, distance };
  }
  return best && best.distance <= Math.max(1, Math.floor(best.field.length / 3)) ? best.field : undefined;
}

/** The schemas a value may match: optional, nullable and default wrappers opened, unions spread. */
function alternatives(schema: z.ZodType): z.ZodType[] {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) return alternatives(schema.unwrap() as z.ZodType);
  if (schema instanceof z.ZodDefault) return alternatives(schema.removeDefault() as z.ZodType);
  if (schema instanceof z.ZodUnion) return (schema.options as z.ZodType[]).flatMap(alternatives);
  return [schema];
}

function walk(node: unknown, schemas: z.ZodType[], path: (string | number)[], out: UnknownKey[]): void {
  const options = schemas.flatMap(alternatives);
  if (isMap(node)) {
    const objects = options.filter((s): s is z.ZodObject => s instanceof z.ZodObject);
    if (objects.length === 0) return; // a map where no object belongs: the schema reports the wrong type
    const fields = new Map<string, z.ZodType[]>();
    for (const object of objects) {
      for (const [key, child] of Object.entries(object.shape)) fields.set(key, [...(fields.get(key) ?? []), child as z.ZodType]);
    }
    const known = [...fields.keys()];
    const strict = objects.every((o) => o.def.catchall instanceof z.ZodNever);
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const children = fields.get(key);
      if (children) {
        walk(pair.value, children, [...path, key], out);
        continue;
      }
      const offset = isScalar(pair.key) ? pair.key.range?.[0] : undefined;
      out.push({ key, parent: path, offset, suggestion: closestKey(key, known), strict, known });
    }
  } else if (isSeq(node)) {
    const elements = options.filter((s): s is z.ZodArray => s instanceof z.ZodArray).map((a) => a.element as z.ZodType);
    if (elements.length === 0) return;
    node.items.forEach((item, i) => walk(item, elements, [...path, i], out));
  }
  // Aliases are not followed (an alias bomb must stay cheap); the schema still checks what they resolve to.
}

/** Every key in the document that the schema does not know, in document order. */
export function unknownKeys(doc: Document, schema: z.ZodType): UnknownKey[] {
  const out: UnknownKey[] = [];
  walk(doc.contents, [schema], [], out);
  return out;
}
