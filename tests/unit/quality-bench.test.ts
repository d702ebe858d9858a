/**
 * The benchmark's pure parts (src/quality/bench/): which editions a run measures, the report it
 * writes to docs/bench.md, and the PDF job's lines it reads back (src/pdf/command-line.ts).
 */
import { describe, expect, it } from 'vitest';
import { ReportError } from '../../src/lib/problems.ts';
import { chapterLine, chapterSeconds, pdfArguments, pdfOutDirs } from '../../src/pdf/command-line.ts';
import type { ChapterResult } from '../../src/pdf/generate.ts';
import type { Run } from '../../src/quality/bench/edition.ts';
import { benchReport } from '../../src/quality/bench/report.ts';
import { DEFAULT_COUNTRIES, isDefaultRun, parseCountries } from '../../src/quality/bench/run.ts';

const bytes = (gzip: number) => ({ raw: gzip * 4, gzip, brotli: Math.round(gzip * 0.9) });

/** A made-up edition of `countries` countries whose figures grow in proportion. */
function run(countries: number, options: { pdf?: boolean } = {}): Run {
  const chapter = { page: '/2026/albania/', html: bytes(8000), css: bytes(6000), js: bytes(1000), total: bytes(15000), requests: 8 };
  const theme = {
    page: '/2026/themes/asylum/',
    html: bytes(2000 * countries),
    css: bytes(6000),
    js: bytes(1000),
    requests: 8,
    total: bytes(2000 * countries + 7000),
  };
  return {
    countries,
    sections: countries * 27,
    pages: countries + 30,
    build: {
      seconds: 10 + countries,
      peakTreeBytes: 500e6 + countries * 1e6,
      loadBefore: 0.5,
      phases: { startup: 3, render: countries },
      renderMs: { '/<edition>/<country>/': 20 },
    },
    dist: { bytes: countries * 1e6, files: countries * 30 },
    pagefind: { totalBytes: countries * 2e5 + 1e5, indexBytes: countries * 2e5, indexFiles: countries * 10 },
    search: {
      query: 'propaganda',
      requests: 6,
      transferred: 60_000 + countries * 100,
      uncompressed: 200_000,
      results: 5,
      foreign: [],
      files: [
        { path: '/pagefind/pagefind.js', bytes: 30_000 },
        { path: '/pagefind/pagefind-entry.json', bytes: 500 + countries * 100 },
        { path: '/pagefind/index/en_1.pf_index', bytes: 10_000 },
        { path: '/pagefind/fragment/en_2.pf_fragment', bytes: 2_000 },
      ],
    },
    pageTypes: [
      { type: '/<edition>/<country>/', pages: countries, heaviest: chapter, medianGzip: 15000 },
      { type: '/<edition>/themes/<theme>/', pages: 27, heaviest: theme, medianGzip: theme.total.gzip },
    ],
    pdf: options.pdf
      ? { seconds: countries * 2, files: countries, perChapter: { median: 2, first: 2.5, last: 2 } }
      : { skipped: 'no Chromium at /nowhere' },
    quality: { linkProblems: 0, htmlProblems: 0, seconds: 3, examples: [] },
    offline: { seconds: countries * 0.05, bytes: countries * 65_000, files: countries * 30 },
  };
}

const context = {
  commit: 'abc1234',
  machine: '2 × Test CPU, 4 GiB RAM, Node v24',
  cores: 2,
  seconds: 42,
  date: new Date('2026-05-01T12:34:00Z'),
  pdfSkip: undefined,
};

describe('the benchmark report', () => {
  it('tables every figure by edition, with how it grows and the targets', () => {
    const report = benchReport([run(1, { pdf: true }), run(10, { pdf: true }), run(54, { pdf: true })], context);
    expect(report.markdown).toMatch(/^# Benchmark: how the site's cost grows with the report\n/);
    expect(report.markdown).toContain('Run 2026-05-01 12:34 UTC\nat commit abc1234');
    expect(report.markdown).toContain('| countries | 1 | 10 | 54 |');
    expect(report.markdown).toContain('| build wall time | 11.0 s | 20.0 s | 64.0 s |');
    expect(report.markdown).toContain('| … of which Pagefind code (JS, worker, WASM) | 30.0 KB | 30.0 KB | 30.0 KB |');
    expect(report.markdown).toContain(
      '| `/<edition>/<country>/` | 15.0 KB / 13.5 KB (1) | 15.0 KB / 13.5 KB (10) | 15.0 KB / 13.5 KB (54) |',
    );
    expect(report.markdown).toContain('| … collecting build info (content collections) | n/a | n/a | n/a |');
    expect(report.markdown).toContain('timed on each build');
    expect(Object.keys(report.growth)).toContain('page /<edition>/themes/<theme>/');
    expect(report.markdown).toContain("A theme page shows every country's section");
    expect(report.targets).toEqual([
      '- Full build of the 54-country edition under 60 s on this 2-core machine: 64.0 s — **MISSED**.',
      '- Chapter page under 50 KB compressed, HTML+CSS without search (10 countries, heaviest chapter, gzip): 14.0 KB — met (`npm run budget` checks it).',
      '- First search query under 100 KB (10 countries): 61.0 KB — met (`npm run budget` checks it).',
    ]);
  });

  it('says why the PDF job was not measured, and judges no growth from one edition', () => {
    const report = benchReport([run(3)], { ...context, pdfSkip: 'no Chromium at /nowhere' });
    expect(report.markdown).toContain('| PDF generation, all chapters | skipped |');
    expect(report.markdown).toContain('PDF: not measured: no Chromium at /nowhere.');
    expect(report.growth).toEqual({});
    expect(report.targets).toEqual([]);
  });
});

describe('the editions a run measures', () => {
  it('takes 1 to 54 countries, and writes docs/ only for the default run', () => {
    expect(parseCountries('1,10')).toEqual([1, 10]);
    expect(() => parseCountries('0,10')).toThrow(ReportError);
    expect(() => parseCountries('55')).toThrow(/from 1 to 54/);
    expect(isDefaultRun(DEFAULT_COUNTRIES.join(','))).toBe(true);
    expect(isDefaultRun('1,10')).toBe(false);
  });
});

describe('the PDF job as the benchmark runs it', () => {
  const chapter = { edition: '2026', country: 'armenia', path: '/2026/armenia/', file: '2026-armenia.pdf' };

  it('points the job at one build alone', () => {
    expect(pdfArguments('/tmp/b/dist', '/tmp/b/dist/pdf')).toEqual(['--site', '/tmp/b/dist', '--out', '/tmp/b/dist/pdf']);
    expect(pdfOutDirs('dist', '/tmp/out')).toEqual(['/tmp/out']);
    expect(pdfOutDirs('dist', undefined)).toEqual(['public/pdf', 'dist/pdf']);
  });

  it('reads back the seconds of each chapter from the lines the job prints', () => {
    const printed: ChapterResult = { chapter, ok: true, bytes: 205_824, seconds: 1.42, files: [] };
    const failed: ChapterResult = { chapter, ok: false, error: new Error('timed out'), seconds: 180 };
    const output = [chapterLine(printed, 2, 54), chapterLine(failed, 3, 54), chapterLine({ ...printed, seconds: 2.06 }, 4, 54)].join('\n');
    expect(chapterLine(printed, 2, 54)).toBe('[3/54] 2026-armenia.pdf 201 KB 1.4 s');
    expect(chapterLine(failed, 3, 54)).toBe('[4/54] 2026-armenia.pdf FAILED (/2026/armenia/): timed out');
    expect(chapterSeconds(output)).toEqual([1.4, 2.1]);
  });
});
