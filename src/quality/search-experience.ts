/**
 * What search costs a reader, through the site's own search field (npm run bench:search,
 * scripts/bench-search.ts): bytes fetched for the first query in the header field and on the
 * search page, and keystroke-to-rendered-results, measured in Chromium against a served build.
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Locator, Page } from '@playwright/test';
import { ReportError } from '../lib/problems.ts';
import { openSameOriginPage } from './search-cost.ts';
import type { StaticServer } from './static-server.ts';

export const BYTES_TARGET = 100 * 1024;
export const MS_TARGET = 100;
/** Words of the seed chapter, so the synthetic edition (built from its sentences) has them too. */
export const TIMED_QUERIES = [
  'detention',
  'propaganda',
  'Feminita',
  'USAID',
  'parliament',
  'Mazhilis',
  'registration',
  'surveillance',
  'children',
  'police',
  'Sekerbayeva',
  'activists',
  'organisation',
  'gender',
  'media',
  'Almaty',
  'unregistered',
  'court',
  'criminal',
  'petition',
];

export interface Site {
  name: string;
  dist: string;
  /** A chapter page to type into, relative to the site root. */
  chapter: string;
  query: string;
}

/** The first chapter page of the latest edition, relative to the site root. */
export async function firstChapter(dist: string): Promise<string> {
  const editions = (await readdir(dist))
    .filter((n) => /^\d{4}$/.test(n))
    .sort()
    .reverse();
  for (const edition of editions) {
    const countries = (await readdir(path.join(dist, edition), { withFileTypes: true }))
      .filter((e) => e.isDirectory() && e.name !== 'themes' && existsSync(path.join(dist, edition, e.name, 'index.html')))
      .map((e) => e.name)
      .sort();
    if (countries[0]) return `${edition}/${countries[0]}/`;
  }
  throw new ReportError(`No chapter page found in ${dist}.`);
}

/** KB here are 1,024 bytes, as this benchmark has always printed them. */
export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

export function median(numbers: number[]): number {
  const sorted = [...numbers].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Every response from now until `action` is done and the network has been quiet for a moment. */
async function bytesDuring(server: StaticServer, page: Page, action: () => Promise<void>) {
  server.log.length = 0;
  await action();
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  const served = [...server.log];
  return {
    requests: served.length,
    bytes: served.reduce((n, s) => n + s.body + s.headers, 0),
    uncompressed: served.reduce((n, s) => n + s.uncompressed, 0),
    files: served.map((s) => `${s.path.replace(/^.*\/pagefind\//, 'pagefind/')} ${kb(s.body + s.headers)}`),
  };
}

/**
 * The three measurements on one served site: the first query in the header field (entered at
 * once, and typed key by key), on the search page, and keystroke-to-results for TIMED_QUERIES.
 */
export async function measureSearchExperience(browser: Browser, server: StaticServer, site: Site) {
  // 1. The header field on a chapter page, the reader's usual first search: the query entered at
  //    once (pasted, or typed faster than the debounce), then in a fresh page typed at 150 ms a
  //    key, when every prefix of two letters or more is searched on the way.
  const typed = await openSameOriginPage(browser, server);
  await typed.page.goto(`${server.url}${site.chapter}`);
  await typed.page.waitForLoadState('networkidle');
  const typedField = typed.page.getByRole('combobox', { name: 'Search the reports' });
  const typedCost = await bytesDuring(server, typed.page, async () => {
    await typedField.click();
    await typedField.pressSequentially(site.query, { delay: 150 });
    await typed.page.getByRole('option').first().waitFor();
  });
  await typed.page.context().close();

  const header = await openSameOriginPage(browser, server);
  await header.page.goto(`${server.url}${site.chapter}`);
  await header.page.waitForLoadState('networkidle');
  const field = header.page.getByRole('combobox', { name: 'Search the reports' });
  const headerCost = await bytesDuring(server, header.page, async () => {
    await field.fill(site.query);
    await header.page.getByRole('option').first().waitFor();
  });

  // 2. The search page, which also loads the filter index to show counts.
  const searchPage = await openSameOriginPage(browser, server);
  await searchPage.page.goto(`${server.url}search/`);
  await searchPage.page.waitForLoadState('networkidle');
  const pageField = searchPage.page.getByRole('searchbox', { name: 'Words to find' });
  const pageCost = await bytesDuring(server, searchPage.page, async () => {
    await pageField.fill(site.query);
    await searchPage.page.getByRole('list', { name: 'Results' }).getByRole('link').first().waitFor();
  });

  // 3. Keystroke to rendered results, in the header field, after the first query.
  const page = header.page;
  await page.evaluate(() => {
    const w = window as unknown as { benchKey: number; benchRender: number };
    w.benchKey = 0;
    w.benchRender = 0;
    const field = document.querySelector('site-search input');
    field?.addEventListener(
      'keydown',
      () => {
        w.benchKey = performance.now();
        w.benchRender = 0;
      },
      { capture: true },
    );
    // The list is redrawn (or the "no results" message shown) when results arrive; the frame
    // after the change is when the reader can see it.
    new MutationObserver(() => {
      if (w.benchKey) requestAnimationFrame(() => (w.benchRender = performance.now()));
    }).observe(document.querySelector('site-search [data-popup]')!, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['hidden'],
    });
  });
  const timings = await timeKeystrokes(page, field);
  const foreign = [...typed.foreign, ...header.foreign, ...searchPage.foreign];
  await header.page.context().close();
  await searchPage.page.context().close();
  return { headerCost, typedCost, pageCost, timings, foreign };
}

/** The median and 90th percentile of the timings, and whether the site meets both targets. */
export function verdict(m: Awaited<ReturnType<typeof measureSearchExperience>>) {
  const med = median(m.timings);
  const sorted = [...m.timings].sort((a, b) => a - b);
  const p90 = sorted[Math.ceil(sorted.length * 0.9) - 1]!;
  const ok = m.headerCost.bytes < BYTES_TARGET && med < MS_TARGET && m.foreign.length === 0;
  return { median: med, p90, ok };
}

/**
 * Milliseconds from the last key of each of TIMED_QUERIES to the frame that shows its results, in
 * a page whose script sets `window.benchKey` on each key and `window.benchRender` on each redraw.
 * Each query is typed but for its last key, the network left to settle, then the key pressed.
 */
export async function timeKeystrokes(page: Page, field: Locator, timeoutMs = 30_000): Promise<number[]> {
  const timings: number[] = [];
  for (const query of TIMED_QUERIES) {
    await field.fill(query.slice(0, -1));
    await page.waitForTimeout(250);
    await page.waitForLoadState('networkidle');
    await field.press(query.slice(-1));
    await page.waitForFunction(() => (window as unknown as { benchRender: number }).benchRender > 0, undefined, { timeout: timeoutMs });
    // Let any later redraw for the same key land, then read the last one.
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(200);
    timings.push(
      await page.evaluate(() => {
        const w = window as unknown as { benchKey: number; benchRender: number };
        return w.benchRender - w.benchKey;
      }),
    );
  }
  return timings;
}
