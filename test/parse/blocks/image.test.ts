import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { messages, parse, sectionBlocks } from '../../support/parse.js';
import { tinyPng } from '../../support/png.js';

let dir: string;
let source: string;

beforeAll(() => {
  const root = mkdtempSync(join(tmpdir(), 'briefing-image-'));
  dir = join(root, 'briefings');
  mkdirSync(join(dir, 'img'), { recursive: true });
  writeFileSync(join(dir, 'img', 'map.png'), tinyPng(40, 20));
  writeFileSync(join(root, 'secret.png'), tinyPng(2, 2));
  writeFileSync(join(dir, 'img', 'fake.png'), 'not an image');
  symlinkSync(join(root, 'secret.png'), join(dir, 'img', 'link.png'));
  source = join(dir, 'b.md');
});

function imageResult(markdown: string) {
  return parse(`# T\n\n## S\n\n${markdown}\n`, source);
}

describe('image', () => {
  it('reads a local PNG next to the source into the model, with its size and alt text', () => {
    const [image] = sectionBlocks('![Map of the region](img/map.png "Region")', source);
    expect(image).toMatchObject({ type: 'image', alt: 'Map of the region', title: 'Region', mime: 'image/png', width: 40, height: 20, src: 'img/map.png' });
    expect(image?.type === 'image' && Buffer.from(image.data, 'base64').subarray(1, 4).toString()).toBe('PNG');
  });

  it.each([
    ['../secret.png', 'outside'],
    ['../../../../etc/passwd', 'outside'],
    ['/etc/passwd', 'absolute'],
    ['img/link.png', 'link to a file outside'],
    ['img/missing.png', 'not found'],
    ['img/fake.png', 'not a PNG or JPEG'],
  ])('refuses %s with an error on its line', (path, words) => {
    const result = imageResult(`text\n\n![alt](${path})`);
    expect(result.briefing).toBeNull();
    expect(messages(result)).toContain('7:1 error image');
    expect(result.file.messages[0]?.reason).toContain(words);
  });

  it('never fetches a remote image: warns on its line and keeps the alt text', () => {
    const result = imageResult('![Harbour at dawn](https://example.org/a.png)');
    expect(messages(result)).toEqual(['5:1 warning remote-image']);
    expect(result.briefing?.sections[0]?.blocks).toMatchObject([{ type: 'paragraph', children: [{ value: 'Harbour at dawn' }] }]);
  });

  it('shows an image inside running text as its alt text, with a warning', () => {
    const result = imageResult('Before ![inline alt](img/map.png) after');
    expect(JSON.stringify(result.briefing?.sections[0]?.blocks)).toContain('Before inline alt after');
    expect(messages(result)).toEqual(['5:8 warning inline-image']);
  });
});
