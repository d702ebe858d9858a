/**
 * Turns a page of the built site into a page of the offline copy, which is opened from disk
 * (file://): every link into the copy becomes relative and names its `index.html` (a browser
 * shows a folder as a listing), every link to something the copy leaves out goes to the site
 * online, module scripts are dropped (browsers refuse them from file://, and every page reads
 * without them), the Content-Security-Policy also allows the copy's own files, and a note says
 * which edition this is and when the copy was made. Pure string work on Astro's output.
 */
import path from 'node:path/posix';

export interface OfflinePage {
  /** The page's path inside the copy: `2026/kazakhstan/index.html`. */
  file: string;
  /** The site's base path, `/` or `/reports/`. */
  base: string;
  /** The site online, where links to what the copy leaves out go: `https://example.org/reports/`. */
  online: string;
  /** Whether the copy holds a file (a path inside the copy). */
  has(file: string): boolean;
  /** The note shown at the top of every page (already HTML-escaped). */
  noteHtml: string;
}

/** Where a site path leads inside the copy, or undefined when it leads outside the site's base. */
export function copyPath(sitePath: string, base: string): string | undefined {
  if (!sitePath.startsWith(base)) return undefined;
  let rest = decodeURI(sitePath.slice(base.length));
  if (rest === '' || rest.endsWith('/')) rest += 'index.html';
  return rest;
}

/** The address a link of `page` should carry in the copy. */
export function offlineHref(href: string, page: OfflinePage): string {
  const match = /^([^?#]*)(\?[^#]*)?(#.*)?$/.exec(href);
  const [, pathname = '', query = '', hash = ''] = match ?? [];
  if (!pathname.startsWith('/')) return href; // relative, fragment-only or absolute: left as it is
  const target = copyPath(pathname, page.base);
  if (target === undefined) return href;
  if (!page.has(target)) return new URL(`${pathname.slice(page.base.length)}${query}${hash}`, page.online).href;
  const relative = path.relative(path.dirname(page.file), target) || path.basename(target);
  return `${relative}${query}${hash}`;
}

const ATTRIBUTE = /\s(href|src|action)="([^"]*)"/g;
const REFRESH = /(<meta http-equiv="refresh" content="\d+;\s*url=)([^"]*)(")/gi;
const MODULE_SCRIPT = /<script type="module"[^>]*>[\s\S]*?<\/script>/g;
const CSP = /(<meta http-equiv="content-security-policy" content=")([^"]*)(")/i;

/** The page, rewritten for the copy. `stylesheet` is the copy's own CSS, relative to the copy's root. */
export function offlineHtml(html: string, page: OfflinePage, stylesheet: string): string {
  const toRoot = path.relative(path.dirname(page.file), '.') || '.';
  const css = `<link rel="stylesheet" href="${toRoot}/${stylesheet}">`;
  return html
    .replace(MODULE_SCRIPT, '')
    .replace(ATTRIBUTE, (_, name: string, value: string) => ` ${name}="${offlineHref(value, page)}"`)
    .replace(REFRESH, (_, start: string, value: string, end: string) => `${start}${offlineHref(value, page)}${end}`)
    .replace(CSP, (_, start: string, policy: string, end: string) => `${start}${policy.replaceAll("'self'", "'self' file:")}${end}`)
    .replace('</head>', `${css}</head>`)
    .replace(/(<body[^>]*>)/, `$1${page.noteHtml}`);
}

/** Replaces what a page's <main> holds (the search page becomes the offline notice). */
export function replaceMain(html: string, inner: string): string {
  return html.replace(/(<main[^>]*>)[\s\S]*<\/main>/, `$1${inner}</main>`);
}

/** The copy's own stylesheet: the note at the top of every page, in the site's colours. */
export const OFFLINE_CSS = `.offline-copy { margin: 0; padding: 0.5rem 1rem; font: inherit; font-size: 0.9rem;
  background: var(--color-surface, #f4f1ea); color: var(--color-text, #1a1a1a);
  border-bottom: 1px solid var(--color-border, #888); }
.offline-copy p { margin: 0 auto; max-width: 72rem; }
`;
