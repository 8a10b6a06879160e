import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { reproducible, type Parts } from '../../../src/render/docx/package.js';

function packageWithLinks(ids: readonly string[]): Parts {
  const links = ids.map((id) => `<w:hyperlink r:id="${id}"/>`).join('');
  const rels = ids.map((id) => `<Relationship Id="${id}" TargetMode="External" Target="https://example.org/"/>`).join('');
  return new Map([
    ['[Content_Types].xml', '<Types/>'],
    ['word/document.xml', `<w:document>${links}</w:document>`],
    ['word/_rels/document.xml.rels', `<Relationships>${rels}</Relationships>`],
  ]);
}

describe('reproducible DOCX packages', () => {
  it('renumbers every random link id, including ones ending in "-" or "_"', async () => {
    const ids = ['rIdAbCdEfGhIjKlMnOpQrSt-', 'rIdabcdefghijklmnopqrs_', 'rIdZYXWVUTSRQPONMLKJIHGF'];
    const parts = unzipSync(await reproducible(packageWithLinks(ids), { buildDate: new Date(0) }));
    expect(strFromU8(parts['word/document.xml']!)).toBe('<w:document><w:hyperlink r:id="rIdH1"/><w:hyperlink r:id="rIdH2"/><w:hyperlink r:id="rIdH3"/></w:document>');
    expect(strFromU8(parts['word/_rels/document.xml.rels']!).match(/Id="[^"]*"/g)).toEqual(['Id="rIdH1"', 'Id="rIdH2"', 'Id="rIdH3"']);
  });
});
