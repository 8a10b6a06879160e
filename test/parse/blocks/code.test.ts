import { describe, expect, it } from 'vitest';
import { sectionBlocks } from '../../support/parse.js';

describe('code', () => {
  it('keeps fenced code verbatim with its language', () => {
    expect(sectionBlocks('```sh\nnpm   run build\n  <b>\n```')).toEqual([
      { type: 'code', lang: 'sh', value: 'npm   run build\n  <b>', position: { line: 7, column: 1 } },
    ]);
  });
});
