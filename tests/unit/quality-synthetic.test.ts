import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/lib/problems.ts';
import { REVIEW_COUNTRIES } from '../../src/quality/review-countries.ts';
import { generateSyntheticContent, SYNTHETIC_MARK, writeSyntheticContent } from '../../src/quality/synthetic.ts';
import { lintContent } from '../../src/validation/lint.ts';
import { contentPaths } from '../../src/validation/paths.ts';
import { validateContent } from '../../src/validation/validate.ts';

const seed = {
  sourceText: readFileSync('content/sources/2026/kazakhstan.txt', 'utf8'),
  themesYaml: readFileSync('content/themes.yaml', 'utf8'),
};
const sectionsOf = (files: Map<string, string>) => [...files.keys()].filter((f) => f.startsWith('sections/'));

describe('synthetic editions', () => {
  it('cover the 54 countries of the annual review, each with its own ISO code', () => {
    expect(REVIEW_COUNTRIES).toHaveLength(54);
    expect(new Set(REVIEW_COUNTRIES.map((c) => c.iso)).size).toBe(54);
  });

  it('give every country a section for every theme, labelled synthetic', () => {
    const files = generateSyntheticContent({ ...seed, countries: 3, editions: 2 });
    expect(sectionsOf(files)).toHaveLength(3 * 27 * 2);
    expect(files.get('editions.yaml')).toMatch(new RegExp(`title: "?${SYNTHETIC_MARK} EDITION 2026`));
    expect(files.get('editions.yaml')).toContain(`shortTitle: ${SYNTHETIC_MARK} 2025`);
    for (const file of sectionsOf(files)) {
      const body = files.get(file)!.split('---\n')[2]!.trim();
      expect(body.startsWith(`${SYNTHETIC_MARK} TEXT.`), file).toBe(true);
    }
  });

  it('are the same for the same seed and differ for another', () => {
    const a = generateSyntheticContent({ ...seed, countries: 2 });
    const b = generateSyntheticContent({ ...seed, countries: 2 });
    const c = generateSyntheticContent({ ...seed, countries: 2, seed: 2 });
    expect([...a]).toEqual([...b]);
    expect(a.get('sections/2026/albania/asylum.mdx')).not.toEqual(c.get('sections/2026/albania/asylum.mdx'));
  });

  it('copy sentences of the seed as written', () => {
    const text = generateSyntheticContent({ ...seed, countries: 1 }).get('sections/2026/albania/education.mdx')!;
    const sentence = text
      .split('\n\n')[2]!
      .split(/(?<=\.) /)[0]!
      .replace(/\\/g, '');
    expect(seed.sourceText.replace(/\s+/g, ' ').replace(/\\/g, '')).toContain(sentence);
  });

  it('make content that passes every content check', async () => {
    // Four countries keep this test quick; the benchmark builds all 54, and the build validates them.
    const dir = mkdtempSync(path.join(tmpdir(), 'synthetic-'));
    try {
      await writeSyntheticContent(dir, { countries: 4, editions: 2 });
      const paths = contentPaths(dir);
      const report = await validateContent(paths);
      expect(report.problems.map(formatProblem)).toEqual([]);
      expect(report.sections).toHaveLength(4 * 27 * 2);
      expect((await lintContent(report, paths)).map(formatProblem)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('never write into the real content folder or over files they did not make', async () => {
    await expect(writeSyntheticContent('content/sections/x', { countries: 1 })).rejects.toThrow('inside the real content folder');
    const dir = mkdtempSync(path.join(tmpdir(), 'synthetic-'));
    try {
      writeFileSync(path.join(dir, 'notes.txt'), 'mine');
      await expect(writeSyntheticContent(dir, { countries: 1 })).rejects.toThrow('did not make');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
