import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { reproducible } from '../../../src/render/docx/package.js';

function packageWithLinks(ids: readonly string[]): Uint8Array {
  const links = ids.map((id) => `<w:hyperlink r:id="${id}"/>`).join('');
  const rels = ids.map((id) => `<Relationship Id="${id}" TargetMode="External" Target="https://example.org/"/>`).join('');
  return zipSync({
    '[Content_Types].xml': strToU8('<Types/>'),
    'word/document.xml': strToU8(`<w:document>${links}</w:document>`),
    'word/_rels/document.xml.rels': strToU8(`<Relationships>${rels}</Relationships>`),
  });
}

describe('reproducible DOCX packages', () => {
  it('renumbers every random link id, including ones ending in "-" or "_"', () => {
    const ids = ['rIdAbCdEfGhIjKlMnOpQrSt-', 'rIdabcdefghijklmnopqrs_', 'rIdZYXWVUTSRQPONMLKJIHGF'];
    const parts = unzipSync(reproducible(packageWithLinks(ids), { buildDate: new Date(0) }));
    expect(strFromU8(parts['word/document.xml']!)).toBe('<w:document><w:hyperlink r:id="rIdH1"/><w:hyperlink r:id="rIdH2"/><w:hyperlink r:id="rIdH3"/></w:document>');
    expect(strFromU8(parts['word/_rels/document.xml.rels']!).match(/Id="[^"]*"/g)).toEqual(['Id="rIdH1"', 'Id="rIdH2"', 'Id="rIdH3"']);
  });
});
