/**
 * Loads Pagefind's search API from the site's own /pagefind/ folder, once per page, and describes
 * the part of it the search elements use. Nothing is fetched until a reader starts searching.
 */
import { PAGEFIND_EDITIONS_FOLDER } from '../lib/constants.ts';
import { PAGEFIND_INSTANCE_OPTIONS, PAGEFIND_OPTIONS } from '../search/options.ts';
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
  mergeIndex(indexPath: string, options?: Record<string, unknown>): Promise<void>;
}

let loading: Promise<Pagefind> | undefined;

/**
 * Pagefind for this page. `bundle` is <base>/pagefind/ and `baseUrl` the site's base path, which
 * Pagefind puts in front of every result URL: that is all it takes to work under a sub-path.
 */
export function loadPagefind(bundle: string, baseUrl: string, edition = ''): Promise<Pagefind> {
  loading ??= (async () => {
    // A runtime URL, not a module of this build: Vite must leave it alone.
    const pagefind = (await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as Pagefind;
    // Before init(): `noWorker` and `mergeFilter` are only read when Pagefind creates its instance.
    // Each edition has its own index, so the edition is not a filter in it (which would cost a
    // filter file listing every section): Pagefind adds it to all of an index's pages at once.
    await pagefind.options({ ...PAGEFIND_OPTIONS, baseUrl, ...(edition ? { mergeFilter: { edition } } : {}) });
    await pagefind.init();
    return pagefind;
  })();
  // A failed load (offline, index missing) may succeed on the next attempt.
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

/** Older editions merged into this page's Pagefind, by edition: each is fetched once. */
const merged = new Map<string, Promise<void>>();

/**
 * Adds older editions' indexes (at <bundle>/editions/<edition>/, see src/search/pagefind-index.ts)
 * to this page's Pagefind, so its searches and filter counts cover them too. The newest edition's
 * index is Pagefind's own and is never merged. Resolves once every one asked for is in.
 */
export async function includeEditions(bundle: string, baseUrl: string, newest: string, editions: readonly string[]): Promise<void> {
  const pagefind = await loadPagefind(bundle, baseUrl, newest);
  await Promise.all(
    editions.map((edition) => {
      let merging = merged.get(edition);
      if (!merging) {
        merging = pagefind.mergeIndex(`${bundle}${PAGEFIND_EDITIONS_FOLDER}/${edition}/`, {
          ...PAGEFIND_INSTANCE_OPTIONS,
          baseUrl,
          mergeFilter: { edition },
        });
        merged.set(edition, merging);
        // A failed fetch may succeed on the next search.
        merging.catch(() => merged.delete(edition));
      }
      return merging;
    }),
  );
}

/** Whether an older edition's index is already part of this page's searches. */
export const isIncluded = (edition: string): boolean => merged.has(edition);

/** Whether any older edition is: until then Pagefind holds the newest alone and needs no edition filter. */
export const anyIncluded = (): boolean => merged.size > 0;
