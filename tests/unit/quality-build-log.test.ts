import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { median, parseBuildLog } from '../../src/quality/build-log.ts';

describe("reading astro build's log", () => {
  it('finds the phases and each route’s render time', () => {
    const phases = parseBuildLog(readFileSync('tests/fixtures/quality/astro-build.log', 'utf8'));
    expect(phases).toMatchObject({ collectSeconds: 2.18, renderSeconds: 0.831, staticSeconds: 2.34, builtSeconds: 4.9, pages: 44 });
    // Pagefind runs after rendering, inside Astro's total: 4.9 − 2.18 − 2.34.
    expect(phases.afterRenderSeconds).toBeCloseTo(0.38, 5);
    expect(phases.routes.get('/404.html')).toBe(46);
    expect(phases.routes.size).toBe(4);
  });

  it('reads durations past a minute, as Astro writes them for a large build', () => {
    const log = [
      '[build] Collecting build info...',
      '[build] ✓ Completed in 5.76s.',
      '[build] generating static routes',
      '✓ Completed in 56.25s.',
      '[build] ✓ Completed in 1m 13s.',
      '[build] 4572 page(s) built in 2m 5.5s',
    ].join('\n');
    expect(parseBuildLog(log)).toMatchObject({
      collectSeconds: 5.76,
      renderSeconds: 56.25,
      staticSeconds: 73,
      builtSeconds: 125.5,
      pages: 4572,
    });
  });

  it('finds the downloads within rendering, and Pagefind and the precompressed copies after it', () => {
    const log = [
      '09:17:36 [build] Collecting build info...',
      '09:17:36 [build] ✓ Completed in 1m 27s.',
      ' generating static routes ',
      '09:17:42   ├─ /data/2026/2026.json/ (+1.25s) ',
      '09:17:42   ├─ /data/2026/2026-albania.csv/ (+20ms) ',
      '09:17:43   ├─ /2026/albania/index.html (+12ms) ',
      '09:20:23 ✓ Completed in 2m 41s.',
      '09:20:23 [build] ✓ Completed in 2m 47s.',
      '09:21:57 [report:pagefind] Indexed 20034 sections of 742 pages for search in 15 edition indexes.',
      '09:23:56 [report:deploy-kit] Precompressed 46592 files (html, css, js, json, svg, xml): 953391.5 KB → 166054.8 KB gzip, 138987.5 KB brotli, in 90.9 s.',
      '09:23:56 [build] 24271 page(s) built in 7m 46s',
    ].join('\n');
    const phases = parseBuildLog(log);
    expect(phases).toMatchObject({ downloadsSeconds: 1.27, pagefindSeconds: 94, precompressSeconds: 90.9 });
    expect(phases.routes.get('/data/2026/2026.json/')).toBe(1250);
  });

  it('takes the median of an even or odd list', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeUndefined();
  });
});
