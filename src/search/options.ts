/**
 * The options the site starts Pagefind with (besides its base URL). The budget and benchmark
 * measure search with these same options, so their figures are what readers download.
 */
export const PAGEFIND_INSTANCE_OPTIONS = {
  excerptLength: 30,
  // Pagefind's excerpts then end like the ones built in site-search-logic.ts.
  excerptEllipsis: '…',
} as const;

export const PAGEFIND_OPTIONS = {
  // The index of a few hundred sections searches in a few milliseconds on the main thread;
  // the worker would cost a second copy of the runtime (about 43 KB) on the first query.
  // (Pagefind reads it once, when it starts: merged indexes take only the options above.)
  noWorker: true,
  ...PAGEFIND_INSTANCE_OPTIONS,
} as const;
