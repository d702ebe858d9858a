/**
 * What the archive's search costs a reader, measured in Chromium against a served build:
 *
 * - through the site's own search page (/search/, which searches the newest edition, and
 *   /search/?edition=all): every byte Pagefind fetches from opening the page until the results
 *   of the first query are on screen (runtime, filter index, metadata, index chunks, fragments),
 *   and keystroke-to-rendered-results for the timed queries, median;
 * - the alternative issue 13 names, through Pagefind's JS API: one index per edition, the newest
 *   loaded alone by default and the others merged on demand (`mergeIndex`), against the site's
 *   one index filtered by edition, with the same calls, so the two are compared like for like.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import { close, createIndex } from 'pagefind';
import { ALL_EDITIONS } from '../../lib/constants.ts';
import { ReportError } from '../../lib/problems.ts';
import { PAGEFIND_OPTIONS } from '../../search/options.ts';
import { indexDocuments, urlOfFile } from '../../search/pagefind-index.ts';
import { readTransliterations } from '../../validation/transliterations.ts';
import { median } from '../build-log.ts';
import { folderBytes } from '../page-weight.ts';
import { openSameOriginPage } from '../search-cost.ts';
import { TIMED_QUERIES, timeKeystrokes } from '../search-experience.ts';
import type { StaticServer } from '../static-server.ts';

/** The first query, a word of the seed chapter that every synthetic edition has. */
export const FIRST_QUERY = 'propaganda';

export interface FetchCost {
  requests: number;
  /** Compressed bodies plus headers, as the server sent them. */
  bytes: number;
  uncompressed: number;
  files: { path: string; bytes: number }[];
}

export interface PageSearch {
  /** The address opened: /search/ or /search/?edition=all. */
  address: string;
  /** What Pagefind fetched (everything under pagefind/) from opening the page until the first results are on screen. */
  untilResults: FetchCost;
  /** …and until the page is idle, the filters' counts included. */
  search: FetchCost;
  /** The page itself (HTML, CSS, the site's scripts), for comparison; not part of the search figure. */
  page: FetchCost;
  results: number;
  /** Keystroke to rendered results (ms), one per timed query. */
  timings: number[];
  median: number;
  foreign: string[];
}

const cost = (served: StaticServer['log']): FetchCost => ({
  requests: served.length,
  bytes: served.reduce((n, s) => n + s.body + s.headers, 0),
  uncompressed: served.reduce((n, s) => n + s.uncompressed, 0),
  files: served.map((s) => ({ path: s.path, bytes: s.body + s.headers })),
});

const isPagefind = (p: string) => /\/pagefind[^/]*\//.test(p);

/** The first query and the timed queries on the site's search page at `address` (relative to the site). */
export async function measureSearchPage(browser: Browser, server: StaticServer, address: string): Promise<PageSearch> {
  const { page, foreign } = await openSameOriginPage(browser, server);
  try {
    server.log.length = 0;
    await page.goto(`${server.url}${address}`);
    await page.waitForLoadState('networkidle');
    const field = page.getByRole('searchbox', { name: 'Words to find' });
    await field.fill(FIRST_QUERY);
    // The status names the query and the list holds its first results: what the reader sees
    // first (src/elements/site-search-page.ts). The filters' counts follow.
    await page.waitForFunction(
      (q) =>
        document.querySelector('site-search-page [data-status]')?.textContent?.includes(`“${q}”`) &&
        document.querySelector('site-search-page [data-results] > li'),
      FIRST_QUERY,
      { timeout: 60_000 },
    );
    const untilResults = cost(server.log.filter((s) => isPagefind(s.path)));
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    const served = [...server.log];
    const results = await page.locator('site-search-page [data-results] > li').count();

    await page.evaluate(() => {
      const w = window as unknown as { benchKey: number; benchRender: number };
      w.benchKey = 0;
      w.benchRender = 0;
      document.querySelector('site-search-page input[type="search"]')?.addEventListener(
        'keydown',
        () => {
          w.benchKey = performance.now();
          w.benchRender = 0;
        },
        { capture: true },
      );
      // Results and status are redrawn when a search ends; the frame after is when the reader sees it.
      const observer = new MutationObserver(() => {
        if (w.benchKey) requestAnimationFrame(() => (w.benchRender = performance.now()));
      });
      for (const part of ['[data-results]', '[data-status]']) {
        const node = document.querySelector(`site-search-page ${part}`);
        if (node) observer.observe(node, { subtree: true, childList: true, characterData: true });
      }
    });
    const timings = await timeKeystrokes(page, field, 60_000);
    return {
      address,
      untilResults,
      search: cost(served.filter((s) => isPagefind(s.path))),
      page: cost(served.filter((s) => !isPagefind(s.path))),
      results,
      timings,
      median: median(timings)!,
      foreign,
    };
  } finally {
    await page.context().close();
  }
}

/** The two addresses of the search page the archive benchmark measures. */
export const SEARCH_ADDRESSES = { newest: 'search/', all: `search/?edition=${ALL_EDITIONS}` } as const;

/** Where the per-edition indexes of the alternative are written, inside the build. */
export const EDITION_INDEXES = 'pagefind-editions';

/**
 * Indexes each edition of a built site on its own, into <dist>/pagefind-editions/<edition>/, with
 * the records the site's index step makes (indexDocuments), so the two hold the same text.
 */
export async function buildEditionIndexes(
  dist: string,
  contentDir: string,
): Promise<{ seconds: number; editions: string[]; indexBytes: number }> {
  const started = performance.now();
  const spellings = await readTransliterations(contentDir);
  const editions = (await readdir(dist)).filter((n) => /^\d{4}$/.test(n)).sort();
  try {
    for (const edition of editions) {
      const { index, errors } = await createIndex({});
      if (!index || errors.length) throw new ReportError(`Pagefind could not start: ${errors.join('; ')}`);
      const entries = await readdir(path.join(dist, edition), { recursive: true, withFileTypes: true });
      for (const entry of entries) {
        if (!entry.isFile() || entry.name !== 'index.html') continue;
        const file = path.relative(dist, path.join(entry.parentPath, entry.name));
        const html = await readFile(path.join(dist, file), 'utf8');
        for (const document of indexDocuments(html, urlOfFile(file), spellings)) {
          const added = await index.addHTMLFile({ url: document.url, content: document.html });
          if (added.errors.length) throw new ReportError(`Pagefind could not index ${document.url}: ${added.errors.join('; ')}`);
        }
      }
      const written = await index.writeFiles({ outputPath: path.join(dist, EDITION_INDEXES, edition) });
      if (written.errors.length) throw new ReportError(`Pagefind could not write ${edition}: ${written.errors.join('; ')}`);
    }
  } finally {
    await close();
  }
  const indexBytes = (await folderBytes(path.join(dist, EDITION_INDEXES), (f) => /\.pf_|pagefind-entry\.json$/.test(f))).bytes;
  return { seconds: (performance.now() - started) / 1000, editions, indexBytes };
}

export interface ApiSearch {
  /** What the variant is: the site's one index filtered by edition, or per-edition indexes merged. */
  variant: string;
  first: FetchCost;
  results: number;
  /** From calling search() to the data of the first ten results, ms, one per timed query. */
  timings: number[];
  median: number;
}

interface ApiPlan {
  /** Bundle folders, relative to the site: the first is initialised, the others merged into it. */
  bundles: string[];
  /** Pagefind filters of every search (the site's one index narrowed to an edition). */
  filters: Record<string, string>;
}

/**
 * The first query and the timed queries through Pagefind's JS API, as the search page calls it:
 * options, init (and mergeIndex for each further bundle), filters() for the counts, search(), and
 * data() of the first ten results.
 */
export async function measureApiSearch(browser: Browser, server: StaticServer, variant: string, plan: ApiPlan): Promise<ApiSearch> {
  const { page } = await openSameOriginPage(browser, server);
  try {
    const origin = new URL(server.url).origin;
    await page.goto(`${origin}/${plan.bundles[0]}pagefind-entry.json`);
    await page.waitForLoadState('networkidle');
    server.log.length = 0;
    const run = async (queries: string[]) =>
      page.evaluate(
        async ({ bundles, filters, options, queries }) => {
          const w = window as unknown as { benchPagefind?: Record<string, (...a: unknown[]) => Promise<unknown>> };
          if (!w.benchPagefind) {
            const script = `/${bundles[0]}pagefind.js`;
            const pagefind = (await import(/* @vite-ignore */ script)) as Record<string, (...a: unknown[]) => Promise<unknown>>;
            await pagefind['options']!(options);
            await pagefind['init']!();
            for (const bundle of bundles.slice(1)) await pagefind['mergeIndex']!(`/${bundle}`);
            w.benchPagefind = pagefind;
          }
          const pagefind = w.benchPagefind;
          const timings: number[] = [];
          let results = 0;
          for (const query of queries) {
            const started = performance.now();
            await pagefind['filters']!();
            const search = (await pagefind['search']!(query, { filters })) as { results: { data: () => Promise<unknown> }[] };
            await Promise.all(search.results.slice(0, 10).map((r) => r.data()));
            timings.push(performance.now() - started);
            results = search.results.length;
          }
          return { timings, results };
        },
        { bundles: plan.bundles, filters: plan.filters, options: { ...PAGEFIND_OPTIONS, baseUrl: '/' }, queries },
      );
    const first = await run([FIRST_QUERY]);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    const firstCost = cost([...server.log]);
    const timed = await run([...TIMED_QUERIES]);
    return { variant, first: firstCost, results: first.results, timings: timed.timings, median: median(timed.timings)! };
  } finally {
    await page.context().close();
  }
}

/** The site's one index (newest edition, all editions) against per-edition indexes merged on demand. */
export async function compareMergedIndexes(browser: Browser, server: StaticServer, editions: string[]): Promise<ApiSearch[]> {
  const newest = editions.at(-1)!;
  const perEdition = (e: string) => `${EDITION_INDEXES}/${e}/`;
  const others = editions.filter((e) => e !== newest).map(perEdition);
  return [
    await measureApiSearch(browser, server, `one index, edition=${newest}`, { bundles: ['pagefind/'], filters: { edition: newest } }),
    await measureApiSearch(browser, server, 'one index, all editions', { bundles: ['pagefind/'], filters: {} }),
    await measureApiSearch(browser, server, `per-edition indexes, ${newest} alone`, { bundles: [perEdition(newest)], filters: {} }),
    await measureApiSearch(browser, server, `per-edition indexes, ${editions.length} merged`, {
      bundles: [perEdition(newest), ...others],
      filters: {},
    }),
  ];
}
