/**
 * What a reader downloads: folder sizes, and the HTML, CSS and JavaScript of each kind of page,
 * raw and compressed. Pages are grouped into types by their URL (`/2026/kazakhstan/` is
 * `/<edition>/<country>/`) using the content's own vocabularies, so page types that appear later
 * are measured without being listed here.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { extractPage } from './links.ts';
import { listFiles, normaliseBase, resolveUrlPath, urlPathOf } from './site.ts';
import { compress } from './static-server.ts';

export interface Bytes {
  raw: number;
  gzip: number;
  brotli: number;
}

const zero = (): Bytes => ({ raw: 0, gzip: 0, brotli: 0 });
const add = (a: Bytes, b: Bytes): Bytes => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli });

/** The slugs that make URL segments variable. */
export interface UrlVocabulary {
  editions: ReadonlySet<string>;
  countries: ReadonlySet<string>;
  themes: ReadonlySet<string>;
}

/** Reads the vocabularies from a content folder's data files. */
export async function urlVocabulary(contentDir: string): Promise<UrlVocabulary> {
  const keys = async (name: string) =>
    new Set(Object.keys((parseYaml(await readFile(path.join(contentDir, name), 'utf8')) as Record<string, unknown>) ?? {}));
  return { editions: await keys('editions.yaml'), countries: await keys('countries.yaml'), themes: await keys('themes.yaml') };
}

/** `/2026/kazakhstan/` → `/<edition>/<country>/`; `/404.html` stays itself. */
export function pageType(urlPath: string, base: string, vocabulary: UrlVocabulary): string {
  const inside = urlPath.slice(normaliseBase(base).length);
  const segments = inside.split('/').map((segment) => {
    if (vocabulary.editions.has(segment)) return '<edition>';
    if (vocabulary.countries.has(segment)) return '<country>';
    if (vocabulary.themes.has(segment)) return '<theme>';
    if (/^\d+$/.test(segment)) return '<n>';
    return segment;
  });
  return `/${segments.join('/')}`;
}

/**
 * A file's size raw and gzipped, cached (every page of a type shares its stylesheets). Brotli at
 * quality 11 is slow, so it is computed only for the pages reported (withBrotli).
 */
async function weigh(root: string, file: string, cache: Map<string, Bytes>, brotli = false): Promise<Bytes> {
  const cached = cache.get(file);
  if (cached && (!brotli || cached.brotli >= 0)) return cached;
  const body = await readFile(path.join(root, file));
  const bytes = {
    raw: body.length,
    gzip: cached?.gzip ?? compress(body, 'gzip').length,
    brotli: brotli ? compress(body, 'br').length : -1,
  };
  cache.set(file, bytes);
  return bytes;
}

/** Static `import` and `export … from` of a built module (dynamic `import()` loads later, if ever). */
function staticImports(js: string): string[] {
  const found: string[] = [];
  for (const match of js.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g)) found.push(match[1]!);
  return found;
}

export interface PageWeight {
  /** URL path of the page. */
  page: string;
  html: Bytes;
  css: Bytes;
  js: Bytes;
  /** Everything the page needs before search: HTML, its stylesheets and the scripts it loads. */
  total: Bytes;
  /**
   * Requests of a first visit: the page, its stylesheets, scripts (and their static imports) and
   * whatever else its markup loads from the site (the icon, images). On a high-latency link each
   * round trip costs more than the bytes.
   */
  requests: number;
}

/** The HTML of one page with the stylesheets and scripts (and their static imports) it loads. */
export async function weighPage(
  root: string,
  file: string,
  base: string,
  files: ReadonlySet<string>,
  cache = new Map<string, Bytes>(),
  withBrotli = true,
): Promise<PageWeight> {
  const facts = extractPage(await readFile(path.join(root, file), 'utf8'));
  const pageUrl = new URL(urlPathOf(file, base), 'http://site.invalid');
  const resolve = (value: string, from: URL) => {
    const url = new URL(value, from);
    if (url.origin !== from.origin) return undefined;
    const resolution = resolveUrlPath(url.pathname, { base, files });
    return resolution.kind === 'file' ? resolution.file : undefined;
  };
  const css = new Set<string>();
  const js = new Set<string>();
  const other = new Set<string>();
  for (const ref of facts.references) {
    const target = resolve(ref.value, pageUrl);
    if (!target) continue;
    // A form's action loads on submitting, a sitemap link never: neither is part of the visit.
    if (ref.loads && !ref.where.startsWith('form') && !ref.where.includes('sitemap')) other.add(target);
    if (/^link\[rel=[^\]]*stylesheet/.test(ref.where)) css.add(target);
    if (ref.where === 'script[src]' || /^link\[rel=[^\]]*modulepreload/.test(ref.where)) js.add(target);
  }
  // Follow the static imports of each module: the browser fetches them before running it.
  const queue = [...js];
  while (queue.length) {
    const module = queue.pop()!;
    const source = await readFile(path.join(root, module), 'utf8');
    for (const specifier of staticImports(source)) {
      const target = resolve(specifier, new URL(`${normaliseBase(base)}${module}`, 'http://site.invalid'));
      if (target && !js.has(target)) {
        js.add(target);
        queue.push(target);
      }
    }
  }
  const sum = async (set: Set<string>) => {
    let total = zero();
    for (const f of set) total = add(total, await weigh(root, f, cache, withBrotli));
    return total;
  };
  const html = await weigh(root, file, cache, withBrotli);
  const cssBytes = await sum(css);
  const jsBytes = await sum(js);
  const requests = 1 + new Set([...css, ...js, ...other]).size;
  return { page: urlPathOf(file, base), html, css: cssBytes, js: jsBytes, total: add(add(html, cssBytes), jsBytes), requests };
}

export interface PageTypeWeight {
  type: string;
  pages: number;
  /** The heaviest page of the type (by compressed HTML+CSS+JS): budgets are about the worst case. */
  heaviest: PageWeight;
  /** The median page's compressed total, to show whether the heaviest is typical. */
  medianGzip: number;
}

/** Every HTML page of the site, grouped by type, with the heaviest and median of each. */
export async function weighPageTypes(
  root: string,
  base: string,
  vocabulary: UrlVocabulary,
  only: (type: string) => boolean = () => true,
): Promise<PageTypeWeight[]> {
  const cache = new Map<string, Bytes>();
  const groups = new Map<string, PageWeight[]>();
  const files = new Set(await listFiles(root));
  const byFile = new Map<string, string>();
  for (const file of [...files].filter((f) => f.endsWith('.html'))) {
    if (!only(pageType(urlPathOf(file, base), base, vocabulary))) continue;
    const weight = await weighPage(root, file, base, files, cache, false);
    const type = pageType(weight.page, base, vocabulary);
    groups.set(type, [...(groups.get(type) ?? []), weight]);
    byFile.set(weight.page, file);
  }
  const result: PageTypeWeight[] = [];
  for (const [type, weights] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const sorted = [...weights].sort((a, b) => a.total.gzip - b.total.gzip);
    const heaviest = await weighPage(root, byFile.get(sorted.at(-1)!.page)!, base, files, cache, true);
    result.push({ type, pages: weights.length, heaviest, medianGzip: sorted[Math.floor((sorted.length - 1) / 2)]!.total.gzip });
  }
  return result;
}

/** Total bytes and files under a folder (optionally only files whose relative path passes `keep`). */
export async function folderBytes(root: string, keep: (file: string) => boolean = () => true): Promise<{ bytes: number; files: number }> {
  let bytes = 0;
  let files = 0;
  for (const file of await listFiles(root).catch(() => [] as string[])) {
    if (!keep(file)) continue;
    bytes += (await stat(path.join(root, file))).size;
    files += 1;
  }
  return { bytes, files };
}

/**
 * The search index proper (what grows with the content: fragments, index chunks, filters and
 * metadata), apart from Pagefind's fixed scripts, styles and WebAssembly.
 */
export function isPagefindIndexFile(file: string): boolean {
  // Not the precompressed copies (x.pf_index.br); an older edition's index counts like the newest's.
  if (/\.(?:gz|br)$/.test(file)) return false;
  const inner = file.replace(/^editions\/[^/]+\//, '');
  return /^(fragment|index|filter)\//.test(inner) || inner.endsWith('.pf_meta') || inner === 'pagefind-entry.json';
}
