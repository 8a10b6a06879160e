/**
 * The DOCX compiler remembers the parts that repeat between documents (theme, settings, font table, styles by their
 * options). A remembered part must be byte for byte what the library writes, and documents with other style options
 * must not get another document's styles. Each test file runs in a fresh module state, so the first render here is
 * the library's own output.
 */
import { describe, expect, it } from 'vitest';
import { layoutAtSize } from '../../../src/layout/fit.js';
import { renderDocx } from '../../../src/render/docx/index.js';
import { loadTheme } from '../../../src/theme/load.js';
import { allKinds } from './all-kinds.js';
import { context, parts } from './support.js';

describe('remembered DOCX parts', () => {
  it('are the bytes the library writes, and follow the style options', async () => {
    const theme = loadTheme('default');
    const briefing = allKinds();
    const first = await renderDocx(briefing, layoutAtSize(theme, 9), theme, context());
    const other = await renderDocx(briefing, layoutAtSize(theme, 10.5), theme, context());
    const again = await renderDocx(briefing, layoutAtSize(theme, 9), theme, context());

    // The second 9 pt document is built from remembered parts; the first was the library's own.
    expect(Buffer.from(again).equals(Buffer.from(first))).toBe(true);

    const a = parts(first);
    const b = parts(other);
    for (const part of ['word/theme/theme1.xml', 'word/settings.xml', 'word/fontTable.xml']) expect(b[part]).toBe(a[part]);
    // Other sizes, other styles: the default run size is 9 pt (18 half-points) in one and 10.5 pt in the other.
    expect(b['word/styles.xml']).not.toBe(a['word/styles.xml']);
    expect(a['word/styles.xml']).toMatch(/<w:docDefaults>.*?<w:sz w:val="18"\/>.*?<\/w:docDefaults>/s);
    expect(b['word/styles.xml']).toMatch(/<w:docDefaults>.*?<w:sz w:val="21"\/>.*?<\/w:docDefaults>/s);
    for (const xml of [...Object.values(a), ...Object.values(b)]) expect(xml).not.toContain('briefing-remembered-part');
  });

  it('stay right when more style sets are seen than are remembered', async () => {
    const theme = loadTheme('default');
    const briefing = allKinds();
    const first = parts(await renderDocx(briefing, layoutAtSize(theme, 9), theme, context()));
    for (let i = 1; i <= 70; i++) await renderDocx(briefing, layoutAtSize(theme, 9 + i / 100), theme, context());
    const again = parts(await renderDocx(briefing, layoutAtSize(theme, 9), theme, context()));
    expect(again).toEqual(first);
  });
});
