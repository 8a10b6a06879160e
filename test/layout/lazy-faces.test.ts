/**
 * Fallback faces load only when a character needs one: a Latin-only briefing never parses the CJK, Arabic or emoji
 * fonts (the Japanese face alone is 5.4 MB). Its own file, so no other test has loaded a face in this process.
 */
import { expect, it } from 'vitest';
import { loadedFaces } from '../../src/layout/faces.js';
import { fitBriefing } from '../../src/layout/fit.js';
import { renderHtml } from '../../src/render/html/index.js';
import { renderPdf } from '../../src/render/pdf/index.js';
import { loadTheme } from '../../src/theme/load.js';
import { sourceBriefing } from './support.js';

it('builds a Latin-only briefing without loading any fallback face', async () => {
  const theme = loadTheme('default');
  const briefing = sourceBriefing('press-guidance-ports.md');
  const result = fitBriefing(briefing, theme, { allowOverflow: false });
  if (!result.ok) throw new Error(result.message);
  const context = { buildDate: new Date(0), toolVersion: 'test', warn: () => {} };
  await renderPdf(briefing, result.layout, theme, context);
  await renderHtml(briefing, result.layout, theme, context);
  expect(loadedFaces().length).toBeGreaterThan(0);
  expect(loadedFaces().filter((key) => key.startsWith('Noto'))).toEqual([]);
});
