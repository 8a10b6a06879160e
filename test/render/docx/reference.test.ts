import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../../src/render/docx/index.js';
import { layoutAtSize } from '../../../src/layout/fit.js';
import { loadTheme } from '../../../src/theme/load.js';
import type { Theme } from '../../../src/theme/theme.js';
import { allKinds } from './all-kinds.js';
import { context, parts } from './support.js';

describe('a template with reference.docx', () => {
  it("uses the reference document's styles instead of generated styles", async () => {
    const base = loadTheme('default');
    // A reference document made on the fly: our own output with a distinct primary colour and body face.
    const restyled: Theme = { ...base, fonts: { ...base.fonts, body: 'Tinos' }, colours: { ...base.colours, primary: '#7a1f5c' } };
    const reference = await renderDocx(allKinds(), layoutAtSize(restyled, 9), restyled, context());
    const referenceStyles = strFromU8(unzipSync(reference)['word/styles.xml'] ?? new Uint8Array());
    expect(referenceStyles).toContain('7A1F5C');

    const withReference: Theme = { ...base, referenceDocx: reference };
    const out = parts(await renderDocx(allKinds(), layoutAtSize(base, 10), withReference, context()));
    const styles = out['word/styles.xml'] ?? '';
    expect(styles).toContain('w:styleId="Heading1"');
    expect(styles).toMatch(/w:styleId="Heading1"[\s\S]*?<w:color w:val="7A1F5C"\/>/);
    expect(styles).toContain('w:ascii="Times New Roman"');
    expect(styles).not.toContain(base.colours.primary.slice(1).toUpperCase());
    // The document still uses the same style ids, so the reference's styles apply to it.
    expect(out['word/document.xml']).toContain('<w:pStyle w:val="Heading1"/>');
  });

  it('rejects a reference.docx without styles', async () => {
    const base = loadTheme('default');
    const broken: Theme = { ...base, referenceDocx: new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]) };
    await expect(renderDocx(allKinds(), layoutAtSize(base, 10), broken, context())).rejects.toThrow(/styles\.xml/);
  });
});
