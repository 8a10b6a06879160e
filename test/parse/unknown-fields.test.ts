import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { unknownKeys } from '../../src/parse/unknown-fields.js';

describe('unknown front-matter keys', () => {
  it('reads the known keys from the schema at every depth: objects in lists, in unions, optional or not', () => {
    // A schema of its own, as later fields will extend the real one: nothing here is a hand-kept list of names.
    const schema = z.object({
      footer: z.object({ left: z.string(), right: z.string() }).optional(),
      people: z.array(z.union([z.string(), z.object({ name: z.string(), email: z.string() }).strict()])).optional(),
    });
    const doc = parseDocument('footr: x\nfooter:\n  lfet: a\n  right: b\npeople:\n  - Ann\n  - name: Bo\n    emial: b@x\n    phone: 1\nzzz: 1\n');
    expect(unknownKeys(doc, schema).map(({ key, parent, suggestion, strict, known }) => ({ key, parent, suggestion, strict, known }))).toEqual([
      { key: 'footr', parent: [], suggestion: 'footer', strict: false, known: ['footer', 'people'] },
      { key: 'lfet', parent: ['footer'], suggestion: 'left', strict: false, known: ['left', 'right'] },
      { key: 'emial', parent: ['people', 1], suggestion: 'email', strict: true, known: ['name', 'email'] },
      { key: 'phone', parent: ['people', 1], suggestion: undefined, strict: true, known: ['name', 'email'] },
      { key: 'zzz', parent: [], suggestion: undefined, strict: false, known: ['footer', 'people'] },
    ]);
  });
});
