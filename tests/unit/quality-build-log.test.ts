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

  it('takes the median of an even or odd list', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeUndefined();
  });
});
