import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importChapter } from '../../src/import/chapter.ts';
import { ImportError } from '../../src/import/errors.ts';
import { escapeMdxText } from '../../src/import/mdx-escape.ts';
import { contentPaths } from '../../src/validation/paths.ts';
import { validateContent } from '../../src/validation/validate.ts';

const SEED = 'content/sources/2026/kazakhstan.txt';
const themes = async () => (await validateContent(contentPaths('content'))).themes;

describe('importing a chapter', () => {
  it('makes exactly the committed Kazakhstan content from the seed', async () => {
    const report = importChapter(readFileSync(SEED, 'utf8'), {
      edition: '2026',
      country: 'kazakhstan',
      themes: await themes(),
    });
    const dir = 'content/sections/2026/kazakhstan';
    const committed = readdirSync(dir).sort();
    expect(report.sections.map((s) => `${s.theme}.mdx`).sort()).toEqual(committed);
    for (const section of report.sections) {
      expect(section.mdx, section.theme).toBe(readFileSync(path.join(dir, `${section.theme}.mdx`), 'utf8'));
    }
    expect(report).toMatchObject({ paragraphsJoined: 6, linksMade: 2, linksDropped: 1 });
  });

  it('stops at a heading that names no theme, with its line and the closest themes', async () => {
    const attempt = async () =>
      importChapter('Kazakhstan\n\nFREEDOM OF ASOCIATION\n\nText.\n', { edition: '2026', country: 'kazakhstan', themes: await themes() });
    await expect(attempt()).rejects.toThrow(ImportError);
    await expect(attempt()).rejects.toMatchObject({ line: 3 });
    await expect(attempt()).rejects.toThrow(/FREEDOM OF ASOCIATION.*Closest: freedom-of-association/);
  });

  it('escapes what MDX would read as code, so the text stays the text', () => {
    expect(escapeMdxText('a {b} <c> `d` *e*')).toBe('a \\{b\\} \\<c\\> \\`d\\` \\*e\\*');
    expect(escapeMdxText('- not a list')).toBe('\\- not a list');
    expect(escapeMdxText('1. not a list')).toBe('1\\. not a list');
  });
});
