/**
 * How a figure grows with the number of countries, in words: flat, linear (or better), or worse.
 *
 * Comparing first and last alone hides fixed costs (a build's start-up, Pagefind's WebAssembly),
 * so the judgement compares the cost of each added country between the small and the large
 * editions: from 1 to 10 countries, and from 10 to 54. Linear growth keeps that marginal cost
 * steady; growth that is worse than linear makes the later countries dearer than the first ones.
 */

export interface Point {
  countries: number;
  value: number;
}

export type Growth = 'flat' | 'sublinear' | 'linear' | 'superlinear';

export interface GrowthVerdict {
  growth: Growth;
  /** last ÷ first. */
  factor: number;
  /** Marginal cost per added country, late ÷ early (1 for exactly linear); undefined when flat. */
  marginalRatio?: number | undefined;
  /** One sentence for the report. */
  summary: string;
}

/** Changes under this fraction of the first value are noise, not growth. */
const FLAT = 0.05;
/** Marginal costs within this factor of each other count as linear: measurements are noisy. */
const LINEAR_BAND = 1.3;

const format = (n: number) => (Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 10 ? n.toFixed(1) : n.toFixed(2));

/** `show` formats a value in the figure's unit ("1.2 MB") for the sentence. */
export function judgeGrowth(points: readonly Point[], show: (n: number) => string = format): GrowthVerdict {
  const sorted = [...points].sort((a, b) => a.countries - b.countries);
  if (sorted.length < 2) return { growth: 'flat', factor: 1, summary: 'one measurement only; no growth to judge.' };
  const first = sorted[0]!;
  const last = sorted.at(-1)!;
  const factor = first.value === 0 ? Number.POSITIVE_INFINITY : last.value / first.value;
  const span = `×${format(factor)} from ${first.countries} to ${last.countries} countries`;
  if (Math.abs(last.value - first.value) <= FLAT * Math.abs(first.value)) {
    return { growth: 'flat', factor, summary: `flat (${span}): does not depend on the number of countries.` };
  }
  const middle = sorted.length > 2 ? sorted[Math.floor(sorted.length / 2)]! : undefined;
  if (!middle) {
    const perCountry = (last.value - first.value) / (last.countries - first.countries);
    const growth: Growth = perCountry < 0 ? 'sublinear' : factor <= last.countries / first.countries ? 'linear' : 'superlinear';
    return { growth, factor, summary: `${growth} (${span}), ${show(perCountry)} per added country.` };
  }
  const early = (middle.value - first.value) / (middle.countries - first.countries);
  const late = (last.value - middle.value) / (last.countries - middle.countries);
  const perCountry = `${show(late)} per added country from ${middle.countries} to ${last.countries}`;
  if (early <= 0) {
    // Nothing grew at first (noise, or a fixed cost dominating): judge the late growth alone.
    const growth: Growth = late <= 0 ? 'flat' : 'linear';
    return { growth, factor, summary: `${growth === 'flat' ? 'flat' : 'linear or better'} (${span}); ${perCountry}.` };
  }
  const marginalRatio = late / early;
  const growth: Growth = marginalRatio > LINEAR_BAND ? 'superlinear' : marginalRatio < 1 / LINEAR_BAND ? 'sublinear' : 'linear';
  const words = {
    flat: 'flat',
    sublinear: 'better than linear',
    linear: 'linear',
    superlinear: 'WORSE THAN LINEAR',
  }[growth];
  return {
    growth,
    factor,
    marginalRatio,
    summary: `${words} (${span}); ${perCountry}, ×${format(marginalRatio)} the cost of each of the first ${middle.countries}.`,
  };
}
