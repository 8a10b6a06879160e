/** The email fixture (every block kind, an email: block, a picture) and helpers to read what the eml emitter made. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Briefing } from '../../src/model/briefing.js';
import { fitBriefing } from '../../src/layout/fit.js';
import { parseBriefing } from '../../src/parse/index.js';
import { renderEmailBody, type EmailBody } from '../../src/render/email/index.js';
import { loadTheme } from '../../src/theme/load.js';
import type { Theme } from '../../src/theme/theme.js';
import { sourceWords } from './words.js';

export const EMAIL_FIXTURES = fileURLToPath(new URL('../fixtures/email/', import.meta.url));
export const READOUT = `${EMAIL_FIXTURES}readout.md`;

export function readoutBriefing(path = READOUT): Briefing {
  const { briefing, file } = parseBriefing(readFileSync(path), path);
  if (!briefing) throw new Error(`did not parse: ${String(file.messages)}`);
  return briefing;
}

export function emailBody(briefing: Briefing, theme: Theme = loadTheme('default'), warnings: string[] = []): EmailBody {
  const fit = fitBriefing(briefing, theme, { allowOverflow: true });
  if (!fit.ok) throw new Error(fit.message);
  return renderEmailBody(briefing, fit.layout, theme, { buildDate: new Date('2025-03-05T00:00:00Z'), toolVersion: '0.0.0-test', warn: (m) => warnings.push(m) });
}

/** The words a reader must find: the source's (as marked reads it) and the cover note's. */
export function expectedWords(path = READOUT): string[] {
  const source = readFileSync(path, 'utf8');
  const note = /\n {2}note: \|\n((?: {4}.*\n)+)/.exec(source)?.[1]?.replace(/^ {4}/gm, '') ?? '';
  return [...new Set([...sourceWords(source), ...sourceWords(note)])];
}

/** What a mail client does with `cid:` URLs: show the part with that Content-ID (here: inlined, for a browser). */
export function resolveCids(body: EmailBody): string {
  return body.html.replace(/src="cid:([^"]+)"/g, (whole, cid: string) => {
    const part = body.images.find((p) => p.cid === cid);
    return part ? `src="data:${part.contentType};base64,${part.content.toString('base64')}"` : whole;
  });
}

/** What Gmail and Outlook do to mail: every <style> element and class attribute removed. */
export function stripStylesAndClasses(html: string): string {
  return html.replace(/<style\b[\s\S]*?<\/style>/gi, '').replace(/\sclass="[^"]*"/gi, '');
}
