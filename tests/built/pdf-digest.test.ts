/** The digest the built Kazakhstan page records (npm test builds first). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chapterDigest, digestOfBuiltPage } from '../../src/pdf/link.ts';

describe('the digest a built chapter page carries', () => {
  it('is read from the page, so a PDF records the text it was printed from, not later edits', () => {
    const built = readFileSync('dist/2026/kazakhstan/index.html', 'utf8');
    expect(digestOfBuiltPage(built)).toBe(chapterDigest('content', '2026', 'kazakhstan'));
    expect(digestOfBuiltPage('<article class="chapter">')).toBeUndefined();
  });
});
