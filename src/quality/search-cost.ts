/**
 * Bytes a reader's browser fetches for its first search: Pagefind's script, its WebAssembly, the
 * index chunks the query needs and the first five results' fragments. Measured in Debian's
 * Chromium against the site served locally (compressed as a host would), counting every request
 * the query makes, headers included.
 */
import { type Browser, chromium, type Page } from '@playwright/test';
import { ReportError } from '../lib/problems.ts';
import { PAGEFIND_OPTIONS } from '../search/options.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.ts';
import { normaliseBase } from './site.ts';
import type { StaticServer } from './static-server.ts';

export interface SearchCost {
  query: string;
  /** Requests made for the query, and their bytes on the wire (compressed bodies plus headers). */
  requests: number;
  transferred: number;
  /** Bodies uncompressed, for comparison with a host that does not compress. */
  uncompressed: number;
  results: number;
  /** Requests to another origin, which the site must never make; blocked, and listed here. */
  foreign: string[];
  /** What was fetched, for the report. */
  files: { path: string; bytes: number }[];
}

/** A page whose requests to any other origin are blocked and listed: the site must make none. */
export async function openSameOriginPage(browser: Browser, server: StaticServer): Promise<{ page: Page; foreign: string[] }> {
  const context = await browser.newContext();
  const origin = new URL(server.url).origin;
  const foreign: string[] = [];
  await context.route('**/*', (route) => {
    if (new URL(route.request().url()).origin === origin) return route.continue();
    foreign.push(route.request().url());
    return route.abort();
  });
  return { page: await context.newPage(), foreign };
}

/**
 * Opens a same-origin document that loads nothing (Pagefind's small entry JSON), so that the
 * count holds only what the query fetches, then runs the query through Pagefind's JS API. Bytes
 * are counted by the server, which sees every response (the browser's own accounting misses the
 * body of Pagefind's web worker).
 */
export async function measureFirstSearch(server: StaticServer, query = 'propaganda'): Promise<SearchCost> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const origin = new URL(server.url).origin;
    const { page, foreign } = await openSameOriginPage(browser, server);
    const base = normaliseBase(new URL(server.url).pathname);
    const entry = await page.goto(`${origin}${base}pagefind/pagefind-entry.json`);
    if (!entry?.ok())
      throw new ReportError(`${server.url} has no Pagefind index (pagefind/pagefind-entry.json answered ${entry?.status()}).`);
    await page.waitForLoadState('networkidle');
    server.log.length = 0;
    const results = await page.evaluate(
      async ({ script, term, options }) => {
        const pagefind = await import(script);
        // As the site does (src/elements/site-search-pagefind.ts): the same options, so the same downloads.
        await pagefind.options(options);
        await pagefind.init();
        const search = await pagefind.search(term);
        await Promise.all(search.results.slice(0, 5).map((r: { data: () => Promise<unknown> }) => r.data()));
        return search.results.length as number;
      },
      { script: `${base}pagefind/pagefind.js`, term: query, options: { ...PAGEFIND_OPTIONS, baseUrl: base } },
    );
    // A worker may still be fetching what it asked for; wait until the network is quiet.
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    const served = [...server.log];
    return {
      query,
      requests: served.length,
      transferred: served.reduce((n, s) => n + s.body + s.headers, 0),
      uncompressed: served.reduce((n, s) => n + s.uncompressed, 0),
      results,
      foreign,
      files: served.map((s) => ({ path: s.path, bytes: s.body + s.headers })),
    };
  } finally {
    await browser.close();
  }
}
