/**
 * JSON is the model, not a page: asked for alone it is written whatever the fit would say, and the fit does not run;
 * asked for with a page format, a briefing too long for its page fails whole (its JSON is not written either).
 */
import { describe, expect, it, vi } from 'vitest';
import { renderDocument, type BuildOptions } from '../../src/build/build.js';

// The real fit, counted: a build of JSON alone must not pay for it.
const calls = vi.hoisted(() => ({ fit: 0 }));
vi.mock('../../src/layout/fit.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/layout/fit.js')>();
  return {
    ...real,
    fitBriefing: (...args: Parameters<typeof real.fitBriefing>) => {
      calls.fit++;
      return real.fitBriefing(...args);
    },
  };
});

const SENTENCE = 'The delegation reviewed supply chains, maritime security and cooperation on critical minerals with partners. ';
/** Twelve sections of three long paragraphs: pages over at the smallest size. */
const TOO_LONG = `---\ntitle: Too long\n---\n\nSummary.\n\n${Array.from({ length: 12 }, (_, i) => `## Section ${i + 1}\n\n${`${SENTENCE.repeat(6)}\n\n`.repeat(3)}`).join('')}`;
const SHORT = '---\ntitle: Short\n---\n\nSummary.\n\n## Section\n\nBody.\n';

const options = (formats: BuildOptions['formats']): BuildOptions => ({
  outDir: '/tmp/briefing-build-test/out',
  formats,
  allowOverflow: false,
  buildDate: new Date('2025-01-08T09:00:00Z'),
});

async function made(markdown: string, formats: BuildOptions['formats']) {
  calls.fit = 0;
  const result = await renderDocument(new TextEncoder().encode(markdown), '/tmp/briefing-build-test/x.md', options(formats));
  return { result, fits: calls.fit, messages: result.file.messages.map(String) };
}

describe('renderDocument: JSON and the fit', () => {
  it('writes the JSON of a briefing too long for one page when JSON alone is asked for, without fitting it', async () => {
    const { result, fits, messages } = await made(TOO_LONG, ['json']);
    expect(messages).toEqual([]);
    expect(fits).toBe(0);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rendered.map((r) => r.path)).toEqual(['/tmp/briefing-build-test/out/x.json']);
    const model = JSON.parse(new TextDecoder().decode(result.rendered[0]!.bytes)) as { sections: unknown[] };
    expect(model.sections).toHaveLength(12);
    expect(result.layout).toBeUndefined();
  });

  it('does not fit a briefing that fits either, when JSON alone is asked for', async () => {
    const { result, fits } = await made(SHORT, ['json']);
    expect(result.ok).toBe(true);
    expect(fits).toBe(0);
  });

  it('fails the whole document, JSON included, when a page format is asked for too and the page overflows', async () => {
    const { result, fits, messages } = await made(TOO_LONG, ['pdf', 'json']);
    expect(fits).toBe(1);
    expect(result.ok).toBe(false);
    expect(result).not.toHaveProperty('rendered');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^\/tmp\/briefing-build-test\/x\.md:1:1: does not fit on one page at the minimum 8\.5 pt: \d+ lines over — cut about \d+ words, or set `pages: multi`$/);
  });

  it('renders JSON with the page formats, in format order, when the page fits', async () => {
    const { result, fits } = await made(SHORT, ['html', 'json']);
    expect(fits).toBe(1);
    expect(result.ok && result.rendered.map((r) => r.path)).toEqual(['/tmp/briefing-build-test/out/x.html', '/tmp/briefing-build-test/out/x.json']);
    expect(result.ok && result.layout?.pages).toBe(1);
  });
});
