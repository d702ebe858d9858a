/**
 * The one definition of what a server sends with every response of the site: the security headers
 * and the caching rules. `dist/_headers` (Netlify, Cloudflare Pages), the checked-in
 * `deploy/nginx.conf` and `deploy/apache.htaccess` are all rendered from it (src/deploy/render.ts).
 *
 * Why a header CSP as well as the page's <meta>: a meta policy cannot carry `frame-ancestors`, so
 * without a header any other site can frame the pages (and dress them up, or click-jack the
 * copy buttons). Which policy the header carries:
 *
 * - Every page keeps its own, fuller policy in its <meta> (astro.config.mjs: Astro adds the hash
 *   of each script it bundles and of each page's JSON-LD block, so the meta differs per page).
 *   The browser enforces both policies: a resource must pass each.
 * - The header carries the same page-independent directives as the meta (the `security.csp` of
 *   astro.config.mjs: default-src 'self' and the rest), plus `frame-ancestors 'none'`, and a
 *   script-src and style-src of 'self' with only the hashes of the site's own fixed inline
 *   snippets (src/lib/inline-code.ts). The per-page hashes stay in the meta: a header in a
 *   checked-in nginx.conf cannot know them, and the only per-page inline blocks are JSON-LD data
 *   blocks, which browsers never execute and CSP does not govern. Script and style files from
 *   'self' pass both policies.
 * - So the header stays correct as content changes, and cannot silently break a page: the build
 *   (src/deploy/integration.ts) checks that astro.config.mjs's directives equal these, and that
 *   every executable inline <script> and every <style> of every page is allowed by the header,
 *   and stops naming the page if not.
 */

import { PAGEFIND_FOLDER as PAGEFIND, PAGEFIND_EDITIONS_FOLDER } from '../lib/constants.ts';
import { cspHash, LAYER_ORDER_STYLE, THEME_INIT_SCRIPT } from '../lib/inline-code.ts';

/** The directives every page's meta policy has (astro.config.mjs `security.csp.directives`). */
export const PAGE_CSP_DIRECTIVES: readonly string[] = [
  "default-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];

/** Sources for scripts and styles without hashes (astro.config.mjs `scriptDirective` and `styleDirective` resources). */
export const SCRIPT_RESOURCES: readonly string[] = ["'self'", "'wasm-unsafe-eval'"];
export const STYLE_RESOURCES: readonly string[] = ["'self'"];

/** The site's only inline code, the same on every page (src/lib/inline-code.ts). */
export const FIXED_SCRIPT_HASHES: readonly string[] = [cspHash(THEME_INIT_SCRIPT)];
export const FIXED_STYLE_HASHES: readonly string[] = [cspHash(LAYER_ORDER_STYLE)];

/** What only a header can say: no other page may frame these. */
export const HEADER_ONLY_DIRECTIVES: readonly string[] = ["frame-ancestors 'none'"];

const quoted = (hashes: readonly string[]) => hashes.map((hash) => `'${hash}'`);

/** The Content-Security-Policy header: the pages' fixed directives plus frame-ancestors 'none'. */
export function headerCsp(): string {
  return [
    ...PAGE_CSP_DIRECTIVES,
    ['script-src', ...SCRIPT_RESOURCES, ...quoted(FIXED_SCRIPT_HASHES)].join(' '),
    ['style-src', ...STYLE_RESOURCES, ...quoted(FIXED_STYLE_HASHES)].join(' '),
    ...HEADER_ONLY_DIRECTIVES,
  ].join('; ');
}

/**
 * Browser features the site never uses, switched off for it and for anything that might get into
 * it. Only names that Chromium and Firefox know (an unknown one is a console error in Chromium).
 * Clipboard writing stays allowed: the copy buttons use it.
 */
export const DENIED_FEATURES: readonly string[] = [
  'accelerometer',
  'autoplay',
  'browsing-topics',
  'camera',
  'display-capture',
  'encrypted-media',
  'geolocation',
  'gyroscope',
  'hid',
  'idle-detection',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'publickey-credentials-get',
  'screen-wake-lock',
  'serial',
  'usb',
  'xr-spatial-tracking',
];

export interface HeaderOptions {
  /** Strict-Transport-Security max-age in seconds; 0 or absent: no HSTS header. */
  hstsMaxAge?: number;
}

/**
 * HSTS from the environment: HSTS_MAX_AGE=<seconds> (e.g. 31536000) turns it on. Off by default:
 * it binds the whole host name to HTTPS for that long, which only its owner can decide, and a
 * site under a sub-path shares its host with others.
 */
export function headerOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): HeaderOptions {
  const raw = env['HSTS_MAX_AGE']?.trim();
  if (!raw) return {};
  if (!/^\d+$/.test(raw)) throw new Error(`HSTS_MAX_AGE must be a number of seconds (e.g. 31536000), not "${raw}".`);
  return { hstsMaxAge: Number(raw) };
}

/** The headers every response carries, pages, assets, redirects and the 404 alike, in a fixed order. */
export function securityHeaders(options: HeaderOptions = {}): [name: string, value: string][] {
  const headers: [string, string][] = [
    ['Content-Security-Policy', headerCsp()],
    // Older browsers know no frame-ancestors; DENY says the same to them.
    ['X-Frame-Options', 'DENY'],
    // A file is what its Content-Type says: a text file cannot be run as a script.
    ['X-Content-Type-Options', 'nosniff'],
    // Following a link to a source tells that site nothing of which page, or which site, sent the reader.
    ['Referrer-Policy', 'no-referrer'],
    ['Permissions-Policy', DENIED_FEATURES.map((feature) => `${feature}=()`).join(', ')],
  ];
  if (options.hstsMaxAge) headers.push(['Strict-Transport-Security', `max-age=${options.hstsMaxAge}`]);
  return headers;
}

/** Cache-Control values. */
export const CACHE = {
  /** Files whose name holds a hash of their content: a new version has a new name. */
  immutable: 'public, max-age=31536000, immutable',
  /** Pagefind's entry points name no hash: ask every time (a 304 when unchanged), or search would mix versions. */
  revalidate: 'no-cache',
  /** Pages and everything else: a correction reaches readers within minutes. */
  short: 'public, max-age=300',
} as const;

/** Folders (under the base path) whose every file is named by a hash of its content. */
export const IMMUTABLE_FOLDERS: readonly string[] = ['_astro/'];

/** Pagefind's folder: unhashed entry points (pagefind.js, pagefind-entry.json, the wasm, the worker) are revalidated. */
export const PAGEFIND_FOLDER = `${PAGEFIND}/`;

/** Older editions' indexes, inside it (src/search/pagefind-index.ts). */
export { PAGEFIND_EDITIONS_FOLDER };

/** Pagefind's index files, named by a hash of their content. */
export const PAGEFIND_HASHED = /\.pf_(?:fragment|index|meta|filter)$/;
export const PAGEFIND_HASHED_EXTENSIONS: readonly string[] = ['pf_fragment', 'pf_index', 'pf_meta', 'pf_filter'];

/** Pagefind files a reader's browser must never take from its cache unchecked (named in the brief and the tests). */
export const PAGEFIND_ENTRY_FILES: readonly string[] = [`${PAGEFIND_FOLDER}pagefind-entry.json`, `${PAGEFIND_FOLDER}pagefind.js`];

/** The Cache-Control for a path under the base path (no leading slash), e.g. `_astro/x.js` or `2026/kazakhstan/`. */
export function cacheControlFor(pathUnderBase: string): string {
  if (IMMUTABLE_FOLDERS.some((folder) => pathUnderBase.startsWith(folder))) return CACHE.immutable;
  if (pathUnderBase.startsWith(PAGEFIND_FOLDER)) return PAGEFIND_HASHED.test(pathUnderBase) ? CACHE.immutable : CACHE.revalidate;
  return CACHE.short;
}

/** Files a server may send precompressed: the text formats of the site. */
export const COMPRESSIBLE_EXTENSIONS: readonly string[] = ['html', 'css', 'js', 'json', 'svg', 'xml'];
