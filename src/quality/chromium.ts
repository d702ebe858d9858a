/**
 * How the project starts Chromium, in one place: browser tests, PDFs, search and page-weight
 * measurements and Lighthouse all use Debian's Chromium (Playwright's own download is not
 * available on these machines) with the same flags.
 */

/** Debian's Chromium unless CHROMIUM_PATH names another. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/**
 * No sandbox (containers run as root), no GPU, and no background traffic: without these Chromium
 * calls home at start, which this machine's closed network refuses and a private site must not do.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
