/**
 * The search page's filter counts, "Freedom of association (2)": how many results each value of
 * each filter would give for the current search, and which older editions a search needs merged
 * in. Kept out of <site-search-page> (site-search-page.ts), which decides when they are worth
 * fetching.
 */
import { ALL_EDITIONS, SEARCH_FILTERS, type SearchFilter } from '../lib/constants.ts';
import { type Filters, pagefindFilters, withoutFilter } from './site-search-logic.ts';
import type { FilterCounts, Pagefind } from './site-search-pagefind.ts';

export interface Counts {
  /** For each filter, each value's count. */
  values: FilterCounts;
  /** For each active filter, the results without it: the count its "any" option shows. */
  totals: Partial<Record<SearchFilter, number>>;
  /** The results of the search itself. */
  count: number;
}

/**
 * The counts for `term` with `filters`. Each active filter's own counts come from the search
 * without it: how many results each of its values would give instead of the chosen one. Pagefind
 * returns counts only once its filter index is loaded (`filters()`), which this fetches.
 */
export async function countFilters(pagefind: Pagefind, term: string | null, filters: Filters): Promise<Counts> {
  await pagefind.filters();
  const counted = await pagefind.search(term, { filters: pagefindFilters(filters) });
  const values: FilterCounts = { ...counted.filters };
  const totals: Partial<Record<SearchFilter, number>> = {};
  for (const name of SEARCH_FILTERS) {
    if (!filters[name]) continue;
    const without = await pagefind.search(term, { filters: pagefindFilters(withoutFilter(filters, name)) });
    values[name] = without.filters[name] ?? {};
    totals[name] = without.results.length;
  }
  return { values, totals, count: counted.results.length };
}

/**
 * The older editions a search needs merged in: none for the newest (Pagefind's own index), the
 * one chosen, or all of them.
 */
export function olderEditions(editions: readonly string[], newest: string, chosen: string | undefined): string[] {
  if (!newest || !chosen || chosen === newest) return [];
  const older = editions.filter((id) => id !== newest);
  return chosen === ALL_EDITIONS ? older : older.filter((id) => id === chosen);
}

/**
 * Writes each option's count into its label, or takes it away (`counts` null). An edition whose
 * index this page has not searched (`searched` false) gets no count: its index is fetched only
 * when a search asks for it, and "All editions" has none until every edition has been searched.
 */
export function writeCounts(
  selects: ReadonlyMap<SearchFilter, HTMLSelectElement>,
  counts: Counts | null,
  searched: (edition: string) => boolean,
): void {
  for (const [name, select] of selects) {
    for (const option of select.options) {
      const label = option.dataset['label'] ?? option.text;
      const known = name !== 'edition' || searched(option.value);
      if (!counts || !known) option.text = label;
      else if (option.value && option.value !== ALL_EDITIONS) option.text = `${label} (${counts.values[name]?.[option.value] ?? 0})`;
      else option.text = `${label} (${counts.totals[name] ?? counts.count})`;
    }
  }
}
