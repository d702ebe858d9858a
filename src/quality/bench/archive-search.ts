/**
 * What the archive's search costs a reader, measured in Chromium against a served build through
 * the site's own search page (/search/, which searches the newest edition, and
 * /search/?edition=all, which merges every older edition's index into it): every byte Pagefind
 * fetches from opening the page until it is idle after the first query's results (the filters'
 * counts too where the page fetches them: when the address chose a filter, as edition=all does),
 * and keystroke-to-rendered-results, median.
 */
import type { Browser } from '@playwright/test';
import { ALL_EDITIONS } from '../../lib/constants.ts';
import { median } from '../build-log.ts';
import { openSameOriginPage } from '../search-cost.ts';
import { timeKeystrokes } from '../search-experience.ts';
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
  /** What Pagefind fetched (everything under pagefind/) from opening the page until it is idle after the first results. */
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
