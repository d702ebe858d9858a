/**
 * How the project starts Chromium, in one place: browser tests, PDFs, search and page-weight
 * measurements and Lighthouse all use Debian's Chromium (Playwright's own download is not
 * available on these machines) with the same flags. Nothing else names a Chromium path or flag.
 */

/** Debian's Chromium unless CHROMIUM_PATH names another. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/**
 * Chromium resolves no host name but this machine's own: every other name fails as not found, so a
 * page can reach nothing outside even where the network would let it. The site is served on
 * 127.0.0.1 by the measurements and the PDF job, and on localhost by the browser tests (astro
 * preview) and Lighthouse (so that canonical links name the same host): both are excluded.
 */
export const HOST_RESOLVER_RULES = 'MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost';

/**
 * No sandbox (containers run as root), no GPU, no background traffic (without these Chromium
 * calls home at start, which this machine's closed network refuses and a private site must not
 * do), and no name resolution outside the machine. Each flag is one argv element.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  `--host-resolver-rules=${HOST_RESOLVER_RULES}`,
];

/** The project's Chromium flags, plus --headless for tools that launch it themselves (Lighthouse). */
export const CHROMIUM_FLAGS = ['--headless', ...CHROMIUM_ARGS];

/**
 * Flags as one string for a tool that takes them so (Lighthouse's --chrome-flags, which splits at
 * spaces outside quotes): a value holding spaces is quoted, so that it stays one flag.
 */
export function chromiumFlagString(flags: readonly string[]): string {
  return flags
    .map((flag) => {
      const equals = flag.indexOf('=');
      return equals > 0 && /\s/.test(flag) ? `${flag.slice(0, equals + 1)}"${flag.slice(equals + 1)}"` : flag;
    })
    .join(' ');
}
