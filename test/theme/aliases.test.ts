/** theme.json takes `organization` as `organisation`, and says so when both are there. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { loadTheme } from '../../src/theme/load.js';

const DEFAULT = fileURLToPath(new URL('../../templates/default/', import.meta.url));

function templateWith(change: (tokens: Record<string, unknown>) => void): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'briefing-theme-')), 'house');
  cpSync(DEFAULT, dir, { recursive: true });
  const tokens = JSON.parse(readFileSync(join(dir, 'theme.json'), 'utf8')) as Record<string, unknown>;
  change(tokens);
  writeFileSync(join(dir, 'theme.json'), JSON.stringify(tokens));
  return dir;
}

it('loads `organization`, the American spelling, as the organisation', () => {
  const dir = templateWith((t) => (t.organization = 'Office of the Spokesperson'));
  expect(loadTheme(dir).organisation).toBe('Office of the Spokesperson');
});

it('names both spellings when a template has both', () => {
  const dir = templateWith((t) => {
    t.organization = 'A';
    t.organisation = 'B';
  });
  expect(() => loadTheme(dir)).toThrow(`${join(dir, 'theme.json')}: "organisation" and "organization" are the same field: keep one of them`);
});

it('the default template has no organisation and no footer line of its own', () => {
  const theme = loadTheme('default');
  expect(theme.organisation).toBeUndefined();
  expect(theme.footer.text).toBe('');
});
