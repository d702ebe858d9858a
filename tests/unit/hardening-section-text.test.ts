/**
 * Section files that would pass a careless check and then hang or break the build, or publish
 * text that reads differently from what it holds (issue 17, items 2, 3, 4, 7, 8).
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, type Problem } from '../../src/lib/problems.ts';
import { contentPaths } from '../../src/validation/paths.ts';
import { validateContent } from '../../src/validation/validate.ts';

const real = contentPaths('content');

async function reportOf(fixture: string) {
  const own = contentPaths(fixture.includes('/') ? fixture : path.join('tests/fixtures/invalid', fixture));
  return validateContent({ ...real, root: own.root, sections: own.sections, themes: existsSync(own.themes) ? own.themes : real.themes });
}
const lines = (problems: Problem[]) => problems.map(formatProblem);

describe('nesting (item 2)', () => {
  it('refuses lists nested thousands deep at once, naming the line, instead of parsing for minutes or overflowing the build', async () => {
    const started = performance.now();
    const report = await reportOf('deep-nesting');
    expect(performance.now() - started).toBeLessThan(3000);
    const found = lines(report.problems);
    const dir = 'tests/fixtures/invalid/deep-nesting/sections';
    expect(found).toContainEqual(expect.stringContaining(`${dir}/a.mdx:7  opens more than 8 lists or quotes inside each other`));
    expect(found).toContainEqual(expect.stringContaining(`${dir}/b.mdx:7  opens more than 8 lists or quotes`));
    expect(found).toContainEqual(
      expect.stringContaining(`${dir}/c.mdx:24  is indented 34 spaces; lists may nest 8 deep (32 spaces) at most`),
    );
    expect(found).toContainEqual(expect.stringContaining(`${dir}/d.mdx:7  nests lists, quotes or emphasis more than 8 deep`));
    expect(found).toHaveLength(4);
  });
});

describe('YAML alias bombs (item 3)', () => {
  it('are a problem with file and line in a section and in a data file, listed with the others', async () => {
    const report = await reportOf('yaml-alias-bomb');
    expect(lines(report.problems)).toEqual([
      expect.stringMatching(
        /^tests\/fixtures\/invalid\/yaml-alias-bomb\/themes\.yaml:4 {2}cannot be read: .*alias.* write the values out\.$/,
      ),
      expect.stringMatching(/^tests\/fixtures\/invalid\/yaml-alias-bomb\/sections\/a\.mdx:6 {2}cannot be read: .*alias/),
    ]);
  });
});

describe('encoding and control characters (item 4)', () => {
  it('refuses a file that is not UTF-8 and NUL or control characters, naming line and code point', async () => {
    const found = lines((await reportOf('not-utf8')).problems);
    const dir = 'tests/fixtures/invalid/not-utf8/sections';
    expect(found).toEqual([
      `${dir}/a.mdx:9  is not UTF-8 text (byte 0xe9 at column 4). Save the file as UTF-8 in your editor.`,
      expect.stringContaining(`${dir}/b.mdx:7  holds U+0000 (a control character) at column 7`),
      expect.stringContaining(`${dir}/b.mdx:7  holds U+0007 (a control character) at column 25`),
    ]);
  });
});

describe('invisible characters (item 7)', () => {
  it('refuses direction overrides unless the section allows them, and warns of every invisible character, changing nothing', async () => {
    const report = await reportOf('invisible-characters');
    const dir = 'tests/fixtures/invalid/invisible-characters/sections';
    expect(lines(report.problems)).toEqual([
      expect.stringContaining(`${dir}/a.mdx:7  holds the invisible U+202E (RIGHT-TO-LEFT OVERRIDE) at column 16`),
      expect.stringContaining(`${dir}/a.mdx:7  holds the invisible U+202C (POP DIRECTIONAL FORMATTING) at column 30`),
    ]);
    expect(report.problems[0]?.message).toContain('add `allowDirectionControls: true`');
    expect(lines(report.warnings)).toEqual([
      expect.stringContaining(`${dir}/a.mdx:7  holds the invisible U+200B (ZERO WIDTH SPACE) at column 47; it is published as it is`),
      expect.stringContaining(
        `${dir}/b.mdx:8  holds the invisible U+2067 (RIGHT-TO-LEFT ISOLATE) at column 13, which makes the text read in another order than it is written (allowed by allowDirectionControls)`,
      ),
      expect.stringContaining(`${dir}/b.mdx:8  holds the invisible U+2069 (POP DIRECTIONAL ISOLATE)`),
    ]);
    // The allowed section passes, its text unchanged.
    expect(report.sections.find((s) => s.file.endsWith('b.mdx'))?.body).toContain('\u2067שלום\u2069');
  });
});

describe('size (item 8)', () => {
  it('refuses a section over 100 KB with its size and what to do', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'hardening-size-'));
    try {
      await mkdir(path.join(root, 'sections'));
      const paragraph = 'The law was adopted in March and applied to every association in the country. ';
      writeFileSync(
        path.join(root, 'sections', 'a.mdx'),
        `---\nedition: 2026\ncountry: kazakhstan\ntheme: education\n---\n\n${`${paragraph.repeat(10)}\n\n`.repeat(200)}`,
      );
      const found = lines((await reportOf(root)).problems);
      expect(found).toEqual([expect.stringMatching(/a\.mdx {2}is 153 KB; a section may hold at most 100 KB of text\./)]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
