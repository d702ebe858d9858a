/**
 * Synthetic archives (src/quality/synthetic.ts with `archive: true`), which the archive benchmark
 * builds (npm run bench -- --archive 1,5,15): the editions asked for, every page labelled
 * SYNTHETIC, older editions a little different from newer ones, some country-years missing, and
 * content the project's validator accepts.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { formatProblem } from '../../src/lib/problems.ts';
import type { ArchiveRun } from '../../src/quality/bench/archive.ts';
import { archiveEstimate, archiveTargets } from '../../src/quality/bench/archive-report.ts';
import { parseArchive } from '../../src/quality/bench/run.ts';
import { archiveCoverage, generateSyntheticContent, random, SYNTHETIC_MARK, writeSyntheticContent } from '../../src/quality/synthetic.ts';
import { lintContent } from '../../src/validation/lint.ts';
import { contentPaths } from '../../src/validation/paths.ts';
import { validateContent } from '../../src/validation/validate.ts';

const seed = {
  sourceText: readFileSync('content/sources/2026/kazakhstan.txt', 'utf8'),
  themesYaml: readFileSync('content/themes.yaml', 'utf8'),
};
const THEMES = Object.keys(parseYaml(seed.themesYaml) as object).length;
const sections = (files: Map<string, string>) => [...files.keys()].filter((f) => f.startsWith('sections/'));
const chapters = (files: Map<string, string>) => new Set(sections(files).map((f) => path.dirname(f)));
const body = (text: string) => text.split('---\n')[2]!.trim();

describe('synthetic archives', () => {
  const files = generateSyntheticContent({ ...seed, countries: 20, editions: 15, archive: true });
  const years = Array.from({ length: 15 }, (_, i) => 2026 - i);

  it('write the editions asked for, newest 2026, each in editions.yaml', () => {
    const editions = parseYaml(files.get('editions.yaml')!) as Record<string, { title: string; publicationYear: number }>;
    expect(Object.keys(editions).sort()).toEqual(years.map(String).sort());
    const written = new Set(sections(files).map((f) => f.split('/')[1]));
    expect([...written].sort()).toEqual(years.map(String).sort());
    for (const [year, edition] of Object.entries(editions)) expect(edition.publicationYear).toBe(Number(year));
  });

  it('label every edition and every section SYNTHETIC', () => {
    const editions = parseYaml(files.get('editions.yaml')!) as Record<string, { title: string; shortTitle: string; summary: string }>;
    for (const edition of Object.values(editions)) {
      expect(edition.title.startsWith(`${SYNTHETIC_MARK} EDITION`)).toBe(true);
      expect(edition.shortTitle.startsWith(SYNTHETIC_MARK)).toBe(true);
      expect(edition.summary).toContain(SYNTHETIC_MARK);
    }
    for (const file of sections(files)) expect(body(files.get(file)!).startsWith(`${SYNTHETIC_MARK} TEXT.`), file).toBe(true);
  });

  it('cover every country in the newest edition and leave some country-years out of older ones', () => {
    const written = chapters(files);
    const countries = new Set([...written].map((c) => c.split('/')[2]));
    expect(countries.size).toBe(20);
    for (const country of countries) expect(written.has(`sections/2026/${country}`), country).toBe(true);
    const missing = years.length * countries.size - written.size;
    expect(missing).toBeGreaterThan(0);
    // A gap, not a hole: most of the archive is there.
    expect(missing).toBeLessThan(written.size / 4);
    // A chapter that is written has every theme.
    for (const chapter of written) expect(sections(files).filter((f) => path.dirname(f) === chapter)).toHaveLength(THEMES);
    // Each edition's title counts the countries it covers.
    const editions = parseYaml(files.get('editions.yaml')!) as Record<string, { title: string }>;
    for (const year of years) {
      const count = [...written].filter((c) => c.startsWith(`sections/${year}/`)).length;
      expect(editions[year]!.title).toContain(`${year}: ${count} countries`);
    }
  });

  it('leave a gap even with two editions and few countries', () => {
    const two = generateSyntheticContent({ ...seed, countries: 2, editions: 2, archive: true });
    expect(chapters(two).size).toBeLessThan(4);
    expect(chapters(two).has('sections/2026/andorra')).toBe(true);
    for (let s = 1; s <= 20; s++) {
      const coverage = archiveCoverage(3, [2026, 2025, 2024], random(s));
      for (const years of coverage) expect(years.has(2026)).toBe(true);
      expect(coverage.reduce((n, y) => n + y.size, 0)).toBeLessThan(9);
    }
  });

  it('make each older edition a little different from the newer one, so a comparison has words to mark', () => {
    let same = 0;
    let differ = 0;
    for (const file of sections(files).filter((f) => f.startsWith('sections/2026/'))) {
      const older = files.get(file.replace('/2026/', '/2025/'));
      if (!older) continue;
      const a = body(files.get(file)!).split('\n\n');
      const b = body(older).split('\n\n');
      // The same paragraphs (so paragraph numbers line up), most of them word for word.
      expect(b).toHaveLength(a.length);
      for (const [i, paragraph] of a.entries()) {
        if (paragraph === b[i]) same++;
        else differ++;
      }
    }
    expect(differ).toBeGreaterThan(0);
    expect(same).toBeGreaterThan(differ);
  });

  it('are the same for the same seed, and leave the default (unrelated editions, every country) unchanged', () => {
    expect([...generateSyntheticContent({ ...seed, countries: 3, editions: 3, archive: true })]).toEqual([
      ...generateSyntheticContent({ ...seed, countries: 3, editions: 3, archive: true }),
    ]);
    const plain = generateSyntheticContent({ ...seed, countries: 3, editions: 3 });
    expect(sections(plain)).toHaveLength(3 * 3 * THEMES);
  });

  // Validation reads every file: seconds on a loaded machine, where the default 5 s is too short.
  it('make content that passes every content check', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'synthetic-archive-'));
    try {
      await writeSyntheticContent(dir, { countries: 4, editions: 3, archive: true });
      const written = readdirSync(path.join(dir, 'sections'), { recursive: true }).filter((f) => String(f).endsWith('.mdx'));
      const paths = contentPaths(dir);
      const report = await validateContent(paths);
      expect(report.problems.map(formatProblem)).toEqual([]);
      expect(report.sections).toHaveLength(written.length);
      expect(written.length).toBeLessThan(4 * 3 * THEMES);
      expect((await lintContent(report, paths)).map(formatProblem)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);

  it('are asked for by number of editions, 1 to 15', () => {
    expect(parseArchive('1,5,15')).toEqual([1, 5, 15]);
    expect(() => parseArchive('0,16')).toThrow('from 1 to 15');
  });
});

describe('archive benchmark verdicts', () => {
  const search = (bytes: number, median: number) => ({ search: { bytes }, median });
  const run = (editions: number, sections: number, buildSeconds: number, peak: number, bytes: number) =>
    ({
      editions,
      sections,
      build: { seconds: buildSeconds, peakTreeBytes: peak },
      rebuild: { seconds: buildSeconds },
      dist: { bytes: sections },
      pagefind: { indexBytes: sections },
      search: { newest: search(bytes, 50), all: search(bytes * 2, 60) },
    }) as unknown as ArchiveRun;

  it('extend the two largest runs in a straight line when 15 editions were not measured whole, and say so', () => {
    const runs = [run(1, 1000, 100, 1e9, 90_000), run(5, 5000, 500, 2e9, 100_000)];
    const estimate = archiveEstimate(runs, [])!;
    expect(estimate.sections).toBe(15_000);
    expect(estimate.buildSeconds).toBeCloseTo(1500);
    expect(estimate.peakTreeBytes).toBeCloseTo(4.5e9);
    const lines = archiveTargets(runs, []).join('\n');
    expect(lines).toContain('estimated 1500.0 s');
    expect(lines).toContain('**probably not met**');
    expect(lines).toContain('not measured at 15');
  });

  it('judge a build stopped past 10 minutes as not met, and a measured archive as measured', () => {
    const runs = [run(1, 1000, 100, 1e9, 90_000), run(5, 5000, 500, 2e9, 100_000)];
    const stopped = [
      { editions: 15, countries: 54, sections: 14_000, missingChapters: 40, stoppedAfter: 900, peakTreeBytes: 3e9, loadBefore: 2 },
    ];
    expect(archiveTargets(runs, stopped)[0]).toContain('still building when stopped after 900.0 s — **not met**');
    const full = archiveTargets([...runs, run(15, 15_000, 590, 3.9e9, 99_000)]);
    expect(full[0]).toContain('590.0 s — met');
    expect(full[1]).toContain('— met');
    expect(full[2]).toContain('99.0 KB at 15 editions — met');
    expect(full[4]).toContain('**not met**');
  });
});
