/** A document's bytes must not depend on what the process built before it (a batch builds many per worker). */
import { describe, expect, it } from 'vitest';
import { layoutAtSize } from '../../../src/layout/fit.js';
import { renderDocx } from '../../../src/render/docx/index.js';
import { loadTheme } from '../../../src/theme/load.js';
import { allKinds } from './all-kinds.js';
import { context, parts } from './support.js';

describe('a DOCX built after others', () => {
  it("numbers the document's pictures from 1 whatever the process built before", async () => {
    const theme = loadTheme('default');
    // allKinds has one picture; the library's own counter would give the third document's picture id 3.
    for (let i = 0; i < 3; i++) {
      const document = parts(await renderDocx(allKinds(), layoutAtSize(theme, 9), theme, context()))['word/document.xml'];
      expect(document?.match(/<wp:docPr id="[^"]*"/g)).toEqual(['<wp:docPr id="1"']);
    }
  });
});
