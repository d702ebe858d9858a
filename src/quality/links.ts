/**
 * The link check over a built site: every internal URL on every page (links, stylesheets,
 * scripts, images, redirects, canonical links, `url()` in stylesheets) must name a built file,
 * every `#fragment` must name an element on its target page, no page may repeat an id, and
 * nothing may be loaded from another origin (some readers live where this content is banned, so
 * the site never makes a request elsewhere).
 *
 * Why not linkinator: tried on this site, it fetched the canonical URL's origin (a different
 * server), read the meta description as a link, and has no notion of duplicate ids or of the
 * base path. A checker that reads the files directly makes no request at all, checks pages no
 * link reaches (404.html), and is fast enough for a 54-country edition.
 */
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { normaliseBase, resolveUrlPath } from './site.ts';

/** One URL found in a page or stylesheet. */
export interface Reference {
  /** Where it was written: `a[href]`, `link[rel=stylesheet][href]`, `css url()`. */
  where: string;
  value: string;
  line?: number | undefined;
  /** The browser fetches it by itself (a stylesheet, an image), as opposed to a link a reader follows. */
  loads: boolean;
}

/** What the link check needs to know about one built page. */
export interface PageFacts {
  /** Every id (and `<a name>`) on the page, with how many elements carry it. */
  ids: Map<string, number>;
  /** Lines where each repeated id appears, for the report. */
  idLines: Map<string, number[]>;
  references: Reference[];
}

export type FindingKind = 'broken-link' | 'broken-fragment' | 'empty-link' | 'duplicate-id' | 'external-request' | 'bad-url';

export interface Finding {
  kind: FindingKind;
  /** The built file the problem is in, relative to the site's folder. */
  file: string;
  line?: number | undefined;
  message: string;
}

/** Element attributes the browser fetches without the reader asking. */
const LOADED: readonly [selector: string, attribute: string][] = [
  ['script[src]', 'src'],
  ['img[src]', 'src'],
  ['img[srcset]', 'srcSet'],
  ['source[src]', 'src'],
  ['source[srcset]', 'srcSet'],
  ['iframe[src]', 'src'],
  ['video[src]', 'src'],
  ['video[poster]', 'poster'],
  ['audio[src]', 'src'],
  ['track[src]', 'src'],
  ['embed[src]', 'src'],
  ['object[data]', 'data'],
  ['input[type=image][src]', 'src'],
  // A form sends what the reader typed to its action: another origin would learn what they searched.
  ['form[action]', 'action'],
];

/** `<link>` relations that only name a URL; every other relation (stylesheet, icon, preload…) fetches it. */
const LINK_NOT_FETCHED = new Set(['canonical', 'alternate', 'next', 'prev', 'author', 'license', 'help', 'search', 'bookmark']);

function lineOf(node: Element): number | undefined {
  return node.position?.start.line;
}

function stringValue(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.join(', ');
  return undefined;
}

/** The URLs of a `srcset` ("a.jpg 1x, b.jpg 2x" → a.jpg, b.jpg). */
function srcsetUrls(value: string): string[] {
  return value
    .split(',')
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter(Boolean);
}

/** Reads the ids and URLs of one built HTML page. */
export function extractPage(html: string): PageFacts {
  const tree: Root = fromHtml(html);
  const ids = new Map<string, number>();
  const idLines = new Map<string, number[]>();
  const note = (id: string, node: Element) => {
    ids.set(id, (ids.get(id) ?? 0) + 1);
    idLines.set(id, [...(idLines.get(id) ?? []), lineOf(node) ?? 0]);
  };
  for (const node of selectAll('[id]', tree)) note(String(node.properties['id']), node);
  // `<a name>` is obsolete but still a fragment target; it is not an id, so it cannot repeat one.
  const named = new Set<string>();
  for (const node of selectAll('a[name]', tree)) named.add(String(node.properties['name']));
  for (const name of named) if (!ids.has(name)) ids.set(name, 1);

  const references: Reference[] = [];
  const add = (where: string, value: string | undefined, node: Element, loads: boolean) => {
    if (value !== undefined) references.push({ where, value, line: lineOf(node), loads });
  };
  for (const node of selectAll('a[href], area[href]', tree))
    add(`${node.tagName}[href]`, stringValue(node.properties['href']), node, false);
  for (const node of selectAll('link[href]', tree)) {
    const rel = (stringValue(node.properties['rel']) ?? '')
      .toLowerCase()
      .split(/[\s,]+/)
      .filter(Boolean);
    const fetched = rel.length === 0 || rel.some((r) => !LINK_NOT_FETCHED.has(r));
    add(`link[rel=${rel.join(' ')}][href]`, stringValue(node.properties['href']), node, fetched);
  }
  for (const [selector, attribute] of LOADED) {
    for (const node of selectAll(selector, tree)) {
      const value = stringValue(node.properties[attribute]);
      if (value === undefined) continue;
      const urls = attribute === 'srcSet' ? srcsetUrls(value) : [value];
      for (const url of urls) add(selector, url, node, true);
    }
  }
  for (const node of selectAll('use', tree)) {
    add('svg use[href]', stringValue(node.properties['href'] ?? node.properties['xLinkHref']), node, true);
  }
  for (const node of selectAll('blockquote[cite], q[cite], ins[cite], del[cite]', tree)) {
    add(`${node.tagName}[cite]`, stringValue(node.properties['cite']), node, false);
  }
  for (const node of selectAll('meta[http-equiv]', tree)) {
    if (stringValue(node.properties['httpEquiv'])?.toLowerCase() !== 'refresh') continue;
    const target = /url\s*=\s*['"]?([^'"]*)/i.exec(stringValue(node.properties['content']) ?? '')?.[1];
    add('meta[http-equiv=refresh]', target?.trim(), node, false);
  }
  return { ids, idLines, references };
}

/** The `url()` and `@import` references of a stylesheet. */
export function extractStylesheet(css: string): Reference[] {
  const references: Reference[] = [];
  const pattern = /url\(\s*(['"]?)([^'")]*)\1\s*\)|@import\s+(['"])([^'"]+)\3/g;
  for (const match of css.matchAll(pattern)) {
    const value = match[2] ?? match[4] ?? '';
    const line = css.slice(0, match.index).split('\n').length;
    references.push({ where: 'css url()', value, line, loads: true });
  }
  return references;
}

export interface LinkCheckOptions {
  /** BASE_PATH the site was built with. */
  base: string;
  /** SITE_URL the site was built with: absolute URLs on this origin are internal. */
  origin: string;
}

/** A built site reduced to what the link check reads. */
export interface SiteFacts {
  /** Every built file, relative to the site's folder. */
  files: ReadonlySet<string>;
  /** Facts of every HTML page, by file. */
  pages: ReadonlyMap<string, PageFacts>;
  /** References of every stylesheet, by file. */
  stylesheets: ReadonlyMap<string, Reference[]>;
}

/** The HTML spec scrolls to the top for `#top` even when no element has that id. */
const IMPLICIT_FRAGMENTS = new Set(['top']);

function describe(ref: Reference): string {
  return `${ref.where} "${ref.value}"`;
}

/** Checks every reference of every page and stylesheet; returns every problem found, in file order. */
export function checkLinks(site: SiteFacts, options: LinkCheckOptions): Finding[] {
  const base = normaliseBase(options.base);
  const origin = new URL(options.origin).origin;
  const findings: Finding[] = [];

  const checkReference = (file: string, ref: Reference) => {
    const push = (kind: FindingKind, message: string) => findings.push({ kind, file, line: ref.line, message });
    const value = ref.value.trim();
    if (value === '' || value === '#') {
      push('empty-link', `${describe(ref)} has an empty target; link to a page or section, or remove the link.`);
      return;
    }
    if (value.startsWith('data:') && ref.loads) return;
    const pageUrl = new URL(`${base}${file}`.replace(/(^|\/)index\.html$/, '$1'), origin);
    let url: URL;
    try {
      url = new URL(value, pageUrl);
    } catch {
      push('bad-url', `${describe(ref)} is not a valid URL.`);
      return;
    }
    if (url.protocol === 'javascript:') {
      push('bad-url', `${describe(ref)} runs script from a URL; the content security policy blocks it.`);
      return;
    }
    if (url.origin !== origin) {
      // Links readers follow (sources, mailto:) may leave the site; nothing may be fetched from elsewhere.
      if (ref.loads)
        push(
          'external-request',
          `${describe(ref)} makes the browser contact ${url.origin}; the site must make no request to another origin.`,
        );
      return;
    }
    const resolution = resolveUrlPath(url.pathname, { base, files: site.files });
    if (resolution.kind === 'outside-base') {
      push('broken-link', `${describe(ref)} points outside the site's base path ${base}.`);
      return;
    }
    if (resolution.kind === 'missing') {
      push('broken-link', `${describe(ref)} names no built file${resolution.hint ? `: ${resolution.hint}` : ''}.`);
      return;
    }
    const fragment = url.hash.slice(1);
    if (!fragment || fragment.startsWith(':~:')) return;
    const target = site.pages.get(resolution.file);
    if (!target) return; // Fragments of non-HTML files (a PDF page number) are the viewer's business.
    let id: string;
    try {
      id = decodeURIComponent(fragment);
    } catch {
      id = fragment;
    }
    if (target.ids.has(id) || IMPLICIT_FRAGMENTS.has(id.toLowerCase())) return;
    const on = resolution.file === file ? 'this page' : resolution.file;
    push('broken-fragment', `${describe(ref)}: no element on ${on} has the id "${id}".`);
  };

  for (const [file, page] of site.pages) {
    for (const [id, count] of page.ids) {
      if (count > 1) {
        const lines = page.idLines.get(id) ?? [];
        findings.push({
          kind: 'duplicate-id',
          file,
          line: lines[0],
          message: `the id "${id}" is used by ${count} elements (lines ${lines.join(', ')}); a link to #${id} can reach only the first.`,
        });
      }
    }
    for (const ref of page.references) checkReference(file, ref);
  }
  for (const [file, refs] of site.stylesheets) {
    for (const ref of refs) checkReference(file, ref);
  }
  return findings.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
}

export function formatFinding(finding: Finding): string {
  return `${finding.file}${finding.line ? `:${finding.line}` : ''}  ${finding.kind}: ${finding.message}`;
}
