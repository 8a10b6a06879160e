/**
 * PDF/UA-1 for links (ISO 14289-1, 7.18.5): every Link annotation carries an alternate description in /Contents, is
 * reached from a Link structure element (OBJR) and points back to it (/StructParent). Read back with qpdf's parser.
 * veraPDF, the reference checker, is neither a Debian nor an npm package, so these conditions are checked one by one.
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fitBriefing } from '../../../src/layout/fit.js';
import type { Briefing } from '../../../src/model/briefing.js';
import { renderPdf } from '../../../src/render/pdf/index.js';
import { loadTheme } from '../../../src/theme/load.js';
import { clientsAvailable } from '../../support/clients.js';
import { parse } from '../../support/parse.js';
import { pdfLinkAnnotations, pdfUncompressed, type LinkAnnotation } from '../../support/pdf.js';
import { SOURCE_DIR, sourceBriefing } from '../../support/sources.js';

const dir = mkdtempSync(join(tmpdir(), 'briefing-pdf-links-'));
const context = { buildDate: new Date('2025-01-08T09:00:00Z'), toolVersion: '0.1.0-test', warn: () => {} };

async function pdfOf(name: string, briefing: Briefing): Promise<string> {
  const theme = loadTheme('default');
  const fit = fitBriefing(briefing, theme, { allowOverflow: false });
  if (!fit.ok) throw new Error(fit.message);
  const path = join(dir, `${name}.pdf`);
  writeFileSync(path, await renderPdf(briefing, fit.layout, theme, context));
  return path;
}

/** Several links in a narrow column: long link text breaks across lines, one link is accented, one has a title. */
const SEVERAL_LINKS = `---
title: Links
---

## Resources

The readout is on the [State Department website](https://www.state.gov/) and the
[Ministry of Foreign Affairs of Japan’s page for the meeting with the Secretary of State](https://www.mofa.go.jp/na/na1/us/page1e_000123.html),
with the [Ministère de l’Europe et des Affaires étrangères](https://www.diplomatie.gouv.fr/) and
[the embassy](https://jp.usembassy.gov/ "U.S. Embassy and Consulates in Japan") following, and [email the desk](mailto:desk@example.org).

## Other

Plain text only.
`;

function several(): Briefing {
  const { briefing, file } = parse(SEVERAL_LINKS);
  if (!briefing) throw new Error(String(file.messages));
  return briefing;
}

function expectAccessible(annotations: readonly LinkAnnotation[]): void {
  for (const annotation of annotations) {
    expect(annotation.contents, annotation.ref).toBeTruthy();
    expect(annotation.structParent, annotation.ref).toBeTypeOf('number');
    expect(annotation.element, annotation.ref).toMatchObject({ tag: 'Link', hasObjectReference: true });
    // One description for the link, whatever line a piece of it is on: the annotation says what its element says.
    expect(annotation.contents).toBe(annotation.element?.alt);
  }
}

describe.skipIf(!clientsAvailable('qpdf'))('PDF link annotations (PDF/UA-1 7.18.5)', () => {
  it('describe the link in the shipped ports guidance: its text and its address', async () => {
    const annotations = pdfLinkAnnotations(await pdfOf('ports', sourceBriefing('press-guidance-ports.md')));
    expect(annotations.map((a) => [a.contents, a.uri])).toEqual([
      ['the Department’s website (https://www.state.gov/)', 'https://www.state.gov/'],
    ]);
    expectAccessible(annotations);
  });

  it('are accessible in every shipped source', async () => {
    for (const name of readdirSync(SOURCE_DIR).filter((f) => f.endsWith('.md'))) expectAccessible(pdfLinkAnnotations(await pdfOf(name, sourceBriefing(name))));
  });

  it('describe every link of a briefing with several, both pieces of one broken across two lines too', async () => {
    const path = await pdfOf('several', several());
    const annotations = pdfLinkAnnotations(path);
    expectAccessible(annotations);
    const byUri = new Map<string, string[]>();
    for (const a of annotations) byUri.set(a.uri ?? '', [...(byUri.get(a.uri ?? '') ?? []), a.contents ?? '']);
    expect(byUri.get('https://www.state.gov/')).toEqual(['State Department website (https://www.state.gov/)']);
    const japan = 'Ministry of Foreign Affairs of Japan’s page for the meeting with the Secretary of State (https://www.mofa.go.jp/na/na1/us/page1e_000123.html)';
    // The long link breaks: one annotation per line it is on, each with the whole description.
    expect(byUri.get('https://www.mofa.go.jp/na/na1/us/page1e_000123.html')!.length).toBeGreaterThanOrEqual(2);
    expect(new Set(byUri.get('https://www.mofa.go.jp/na/na1/us/page1e_000123.html'))).toEqual(new Set([japan]));
    expect(new Set(byUri.get('https://www.diplomatie.gouv.fr/'))).toEqual(new Set(['Ministère de l’Europe et des Affaires étrangères (https://www.diplomatie.gouv.fr/)']));
    expect(new Set(byUri.get('https://jp.usembassy.gov/'))).toEqual(new Set(['U.S. Embassy and Consulates in Japan']));
    expect(new Set(byUri.get('mailto:desk@example.org'))).toEqual(new Set(['email the desk (mailto:desk@example.org)']));
    // As the raw file says it, for readers that do not go through qpdf's JSON: no annotation with an empty /Contents.
    expect(pdfUncompressed(path)).not.toMatch(/\/Contents \(\)/);
  });
});
