/**
 * A built site as a static host sees it: files in a folder, served under a base path. The quality
 * checks, the benchmark and the budget all walk every file of dist/ through this module, so a page
 * another engineer adds tomorrow is checked without anyone listing it.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/** Where a built site lives and the URL it is published at. */
export interface SiteLayout {
  /** The folder `astro build` wrote (OUT_DIR). */
  root: string;
  /** The sub-path the site is served under (BASE_PATH), always starting and ending with `/`. */
  base: string;
}

export function normaliseBase(base: string): string {
  const withLead = base.startsWith('/') ? base : `/${base}`;
  return withLead.endsWith('/') ? withLead : `${withLead}/`;
}

/** Every file under `root`, as paths relative to it with `/` separators, sorted. */
export async function listFiles(root: string): Promise<string[]> {
  const names = await readdir(root, { recursive: true });
  const files: string[] = [];
  for (const name of names) {
    if ((await stat(path.join(root, name))).isFile()) files.push(name.split(path.sep).join('/'));
  }
  return files.sort();
}

/** The URL path a built file is served at: `2026/kazakhstan/index.html` → `/2026/kazakhstan/`. */
export function urlPathOf(file: string, base: string): string {
  const b = normaliseBase(base);
  if (file === 'index.html') return b;
  if (file.endsWith('/index.html')) return `${b}${file.slice(0, -'index.html'.length)}`;
  return `${b}${file}`;
}

export type Resolution = { kind: 'file'; file: string } | { kind: 'outside-base' } | { kind: 'missing'; hint?: string };

/**
 * The built file a URL path names, by the rules every static host shares: a path ending in `/`
 * serves that folder's index.html, any other path serves the file of that name. A folder named
 * without its trailing slash is reported as missing with a hint: the site is built with
 * `trailingSlash: 'always'`, so such a link is a mistake even where a host would redirect it.
 */
export function resolveUrlPath(urlPath: string, layout: { base: string; files: ReadonlySet<string> }): Resolution {
  const base = normaliseBase(layout.base);
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { kind: 'missing', hint: 'the path is not valid percent-encoding' };
  }
  // `/reports` (the base without its slash) is the site's home too.
  if (`${decoded}/` === base) return { kind: 'missing', hint: `write ${base} with its trailing slash` };
  if (!decoded.startsWith(base)) return { kind: 'outside-base' };
  const inside = decoded.slice(base.length);
  const candidate = inside === '' || inside.endsWith('/') ? `${inside}index.html` : inside;
  if (layout.files.has(candidate)) return { kind: 'file', file: candidate };
  if (layout.files.has(`${inside}/index.html`)) return { kind: 'missing', hint: `write ${decoded}/ with its trailing slash` };
  return { kind: 'missing' };
}
