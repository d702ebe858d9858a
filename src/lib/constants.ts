/**
 * Values that the server-rendered pages and the browser scripts (src/elements/) must agree on,
 * defined once. Each used to be written out in two or three places (a component's markup, the
 * element that reads it, the inline theme script), where changing one copy silently broke the
 * other. Plain values only: this module is bundled into the browser scripts, so it must not
 * import anything from Node or the build.
 */

/**
 * The localStorage key holding the reader's light/dark choice. Written by <theme-switch>, read
 * before first paint by the inline script in src/lib/inline-code.ts (which is built from it).
 */
export const THEME_STORAGE_KEY = 'report-theme';

/** The colour themes a reader can choose; anything else found in storage is ignored. */
export const COLOR_THEMES = ['light', 'dark'] as const;
export type ColorTheme = (typeof COLOR_THEMES)[number];

/**
 * Longest search query: the fields' `maxlength` and the cut applied to a query taken from a URL.
 * Far beyond any real query; it bounds the work a pasted book or a crafted link can cause.
 */
export const SEARCH_QUERY_MAX_LENGTH = 500;

/**
 * Shortest query searched as the reader types (Enter searches any). One or two letters match a
 * large part of the index, and each such prefix costs an index chunk and result fragments (about
 * 20 KB on a 50-country edition) for nothing a reader wants.
 */
export const SEARCH_QUERY_MIN_LENGTH = 3;

/**
 * Wait after a key press before searching. Short, because a search takes a few milliseconds: it
 * only lets a burst of fast typing run one search instead of several.
 */
export const SEARCH_DEBOUNCE_MS = 40;

/**
 * The filters a search can narrow by, in the order they appear in a search URL. Each is a URL
 * parameter of /search/, a <select data-filter> on the search page and a `data-pagefind-filter`
 * of the chapter pages.
 */
export const SEARCH_FILTERS = ['country', 'theme', 'region', 'edition'] as const;

/**
 * Searches cover the newest edition unless they say otherwise: `edition=all` (the search page's
 * "All editions") searches every edition. A search URL keeps the choice it was made with.
 */
export const ALL_EDITIONS = 'all';
export type SearchFilter = (typeof SEARCH_FILTERS)[number];

/** The URL parameter that carries the searched words from a result to the chapter page. */
export const HIGHLIGHT_PARAM = 'highlight';

/** The folder under the site's base where Pagefind's index and scripts are written. */
export const PAGEFIND_FOLDER = 'pagefind';

/**
 * Where the indexes of editions other than the newest are, inside PAGEFIND_FOLDER:
 * `pagefind/editions/<edition>/`. The newest edition's index is Pagefind's own at `pagefind/`, so
 * the default search loads one edition's index however many the archive keeps; a search of an
 * older edition, or of all, merges theirs in (src/elements/site-search-pagefind.ts).
 */
export const PAGEFIND_EDITIONS_FOLDER = 'editions';

/**
 * The search fields' `aria-keyshortcuts`: the keys that focus them from anywhere on the page
 * (implemented by isSearchShortcut in src/elements/site-search-logic.ts).
 */
export const SEARCH_KEY_SHORTCUTS = '/ Control+K Meta+K';

/** The id of the page's one polite live region (LiveAnnouncer.astro), which announce() writes to. */
export const LIVE_ANNOUNCER_ID = 'live-announcer';

/**
 * Pages of an edition that sit beside its chapters, at /<edition>/<page>/. No country may take one
 * of these slugs, and the PDF job, which finds chapters in the sitemap, skips them.
 */
export const EDITION_PAGES = ['themes', 'about', 'corrections'] as const;

/**
 * Top-level pages and folders of the site, at /<name>/. `/<country>/` redirects to the country's
 * newest chapter, so no country may take one of these slugs.
 */
export const SITE_PAGES = ['countries', 'search', 'data', 'pagefind', 'pdf', 'bundle', '_astro'] as const;

/** The sessionStorage key of the sections a reader added to a bundle ("Add to bundle"); never a cookie, never sent. */
export const BUNDLE_STORAGE_KEY = 'report-bundle';

/** Most sections one bundle holds: a whole 54-country edition has about 1,450; beyond 500 a bundle is not a bundle. */
export const BUNDLE_MAX_ITEMS = 500;
