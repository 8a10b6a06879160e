/**
 * The README's set-up puts `briefing` on the PATH with `npm install -g .`: installed into a throwaway npm prefix, the
 * command builds a briefing from a folder outside the clone, finding its templates and fonts in the package.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

it('the README installs `briefing` on the PATH, and it builds from another folder', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  expect(readme).toContain('npm install -g .');
  expect(readme).not.toMatch(/npx briefing|node dist\/cli\.js/);

  const prefix = mkdtempSync(join(tmpdir(), 'briefing-prefix-'));
  const install = spawnSync('npm', ['install', '-g', '.', '--prefix', prefix, '--no-audit', '--no-fund'], { cwd: ROOT, encoding: 'utf8' });
  expect(install.status, install.stderr).toBe(0);

  const elsewhere = mkdtempSync(join(tmpdir(), 'briefing-elsewhere-'));
  mkdirSync(join(elsewhere, 'drafts'));
  copyFileSync(join(ROOT, 'source/press-guidance-ports.md'), join(elsewhere, 'drafts/ports.md'));
  const env = { ...process.env, PATH: `${join(prefix, 'bin')}:${process.env.PATH ?? ''}` };
  const run = spawnSync('briefing', ['build', 'drafts/ports.md', '--out', 'out', '--template', 'embassy'], { cwd: elsewhere, env, encoding: 'utf8' });
  expect(run.status, `${run.stdout}${run.stderr}`).toBe(0);
  for (const format of ['pdf', 'docx', 'html']) expect(existsSync(join(elsewhere, 'out', `ports.${format}`)), format).toBe(true);
  expect(spawnSync('briefing', ['--version'], { cwd: elsewhere, env, encoding: 'utf8' }).stdout).toMatch(/\d+\.\d+\.\d+/);
}, 120_000);
