import { describe, expect, it } from 'vitest';
import { judgeGrowth } from '../../src/quality/growth.ts';

const series = (...values: number[]) => [1, 10, 54].map((countries, i) => ({ countries, value: values[i]! }));

describe('how a figure grows with the number of countries', () => {
  it('calls a fixed cost plus a steady cost per country linear, not superlinear', () => {
    // 5 s to start, 0.5 s per country: ×5.4 overall, but each country costs the same.
    expect(judgeGrowth(series(5.5, 10, 32)).growth).toBe('linear');
  });

  it('flags a figure whose later countries cost more than the first ones', () => {
    // Quadratic: n² bytes.
    const verdict = judgeGrowth(series(1, 100, 2916));
    expect(verdict.growth).toBe('superlinear');
    expect(verdict.summary).toContain('WORSE THAN LINEAR');
  });

  it('recognises a figure that does not depend on the countries', () => {
    expect(judgeGrowth(series(49_000, 49_800, 50_100)).growth).toBe('flat');
  });

  it('recognises growth that slows down', () => {
    expect(judgeGrowth(series(10, 100, 150)).growth).toBe('sublinear');
  });
});
