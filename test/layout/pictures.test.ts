import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fitBriefing, layoutAtSize } from '../../src/layout/fit.js';
import { typeset } from '../../src/layout/typeset.js';
import type { ImageBlock } from '../../src/model/briefing.js';
import { parseBriefing } from '../../src/parse/index.js';
import { loadTheme } from '../../src/theme/load.js';
import { runCli } from '../support/cli.js';

const PHOTO = fileURLToPath(new URL('../acceptance/fixtures/portrait-photo.jpg', import.meta.url));
const theme = loadTheme('default');
const PARAGRAPH = 'The port authority asked about dredging the approach channel, which silts up after each wet season and keeps the largest ships waiting outside the reef.';

/** A briefing with the portrait photo at line 7 and `paragraphs` paragraphs after it, in a folder of its own. */
function photoBriefing(paragraphs: number): { path: string; source: string } {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-pictures-'));
  copyFileSync(PHOTO, join(dir, 'photo.jpg'));
  const source = `---\ntitle: Harbour works\n---\n\n## The site\n\n![The new quay](photo.jpg)\n\n${Array.from({ length: paragraphs }, () => PARAGRAPH).join('\n\n')}\n`;
  const path = join(dir, 'harbour.md');
  writeFileSync(path, source);
  return { path, source };
}

describe('pictures', () => {
  it('are as wide as their column unless that would make them taller than the cap; then narrower, in proportion', () => {
    const { path, source } = photoBriefing(1);
    const { briefing } = parseBriefing(source, path);
    const layout = layoutAtSize(theme, 9);
    const picture = typeset(briefing!, theme, layout, { slack: 0, balance: false }).blocks.pictures.get(briefing!.sections[0]!.blocks[0] as ImageBlock)!;
    expect(picture.height).toBeCloseTo(layout.geometry.image.maxHeight);
    expect(picture.width).toBeCloseTo((layout.geometry.image.maxHeight * 1200) / 1600);
    expect(picture.width).toBeLessThan(layout.geometry.columnWidth);
  });

  it('that keep the briefing off one page even at the minimum size are named, at their line', () => {
    // The fewest paragraphs that no longer fit: the picture is then what pushes the page over.
    let paragraphs = 20;
    for (;;) {
      const { path, source } = photoBriefing(paragraphs);
      const fit = fitBriefing(parseBriefing(source, path).briefing!, theme, { allowOverflow: false });
      if (!fit.ok) break;
      paragraphs += 2;
    }
    const { path } = photoBriefing(paragraphs);
    const run = runCli(['build', path, '--out', join(path, '..', 'out')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /harbour\.md:7:1: error: does not fit on one page at the minimum 8\.5 pt: \d+ lines? over, and the picture "photo\.jpg" is 23 lines tall — crop it wider than it is tall, cut about \d+ words, or set `pages: multi`\n/,
    );
  });
});
