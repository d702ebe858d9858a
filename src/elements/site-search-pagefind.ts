/**
 * Loads Pagefind's search API from the site's own /pagefind/ folder, once per page, and describes
 * the part of it the search elements use. Nothing is fetched until a reader starts searching.
 */
import { PAGEFIND_OPTIONS } from '../search/options.ts';
import type { ResultData } from './site-search-logic.ts';

export type FilterCounts = Record<string, Record<string, number>>;

export interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<ResultData>;
}

export interface PagefindSearch {
  results: PagefindResult[];
  unfilteredResultCount: number;
  /** For each filter value, how many results it would leave if added to the current filters. */
  filters: FilterCounts;
}

interface SearchOptions {
  filters?: Record<string, string>;
}

export interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  preload(term: string, options?: SearchOptions): Promise<void>;
  search(term: string | null, options?: SearchOptions): Promise<PagefindSearch>;
  filters(): Promise<FilterCounts>;
}

let loading: Promise<Pagefind> | undefined;

/**
 * Pagefind for this page. `bundle` is <base>/pagefind/ and `baseUrl` the site's base path, which
 * Pagefind puts in front of every result URL: that is all it takes to work under a sub-path.
 */
export function loadPagefind(bundle: string, baseUrl: string): Promise<Pagefind> {
  loading ??= (async () => {
    // A runtime URL, not a module of this build: Vite must leave it alone.
    const pagefind = (await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as Pagefind;
    // Before init(): `noWorker` is only read when Pagefind creates its instance.
    await pagefind.options({ ...PAGEFIND_OPTIONS, baseUrl });
    await pagefind.init();
    return pagefind;
  })();
  // A failed load (offline, index missing) may succeed on the next attempt.
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
