/**
 * What the search elements compute without touching the page: the state a URL holds, the terms
 * to highlight, the link of a result, and excerpts as plain text segments. Kept apart from the
 * elements so that it is unit-tested (tests/unit/search-logic.test.ts) and so that nothing here
 * ever produces HTML: a query or an excerpt reaches the page only as text nodes.
 */
import { ALL_EDITIONS, HIGHLIGHT_PARAM, SEARCH_FILTERS, SEARCH_QUERY_MAX_LENGTH, type SearchFilter } from '../lib/constants.ts';
import { normalizeWord, type Spellings, withVariants, wordsOf } from '../search/transliterations.ts';

/** A value for some of the filters (src/lib/constants.ts names them). */
export type Filters = Partial<Record<SearchFilter, string>>;

/** A search as the address bar holds it: /search/?q=…&country=…&theme=… */
export interface SearchState {
  q: string;
  filters: Filters;
}

/** Reads a search from URL parameters; unknown parameters and empty values are ignored. */
export function stateFromParams(params: URLSearchParams): SearchState {
  const filters: Filters = {};
  for (const name of SEARCH_FILTERS) {
    const value = params.get(name)?.trim();
    if (value) filters[name] = value;
  }
  return { q: (params.get('q') ?? '').slice(0, SEARCH_QUERY_MAX_LENGTH), filters };
}

/** The query string for a search, `?q=…` first and filters in a fixed order, so equal searches share one URL. */
export function searchFromState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q);
  for (const name of SEARCH_FILTERS) {
    const value = state.filters[name];
    if (value) params.set(name, value);
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}

export function sameState(a: SearchState, b: SearchState): boolean {
  return searchFromState(a) === searchFromState(b);
}

export function hasFilters(filters: Filters): boolean {
  return SEARCH_FILTERS.some((name) => Boolean(filters[name]));
}

/** The filters without one of them: to count what each value of that filter would give instead. */
export function withoutFilter(filters: Filters, name: SearchFilter): Filters {
  const { [name]: _removed, ...rest } = filters;
  return rest;
}

/** Pagefind's filter option: only the filters in use, in the fixed order. */
export function pagefindFilters(filters: Filters): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of SEARCH_FILTERS) {
    const value = filters[name];
    if (value && !(name === 'edition' && value === ALL_EDITIONS)) out[name] = value;
  }
  return out;
}

/**
 * The words to mark on the chapter page: the query's words and every other spelling of the names
 * among them, so that a reader who searched "Mazhilis" sees "Majilis" marked. Words of one or two
 * letters are left out: the highlighter matches inside words, and "of" would mark half the page.
 */
export function highlightTerms(query: string, spellings: readonly Spellings[]): string[] {
  return withVariants(query.trim(), spellings).filter((term) => wordsOf(term).join('').length > 2);
}

/** A result's link with the terms to highlight as `?highlight=` parameters, before the #section. */
export function resultHref(url: string, terms: readonly string[], param = HIGHLIGHT_PARAM): string {
  const parsed = new URL(url, 'http://site.invalid');
  for (const term of terms) parsed.searchParams.append(param, term);
  const href = `${parsed.pathname}${parsed.search}${parsed.hash}`;
  return /^https?:\/\//.test(url) ? `${parsed.origin}${href}` : href;
}

/** A run of excerpt text, marked when it is a searched word. */
export interface Segment {
  text: string;
  marked: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", '#x27': "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#39|#x27);/g, (_, name: string) => ENTITIES[name] ?? '');
}

/**
 * Pagefind's excerpt (text with HTML entities encoded and searched words in <mark>) as segments.
 * Pagefind documents its excerpts as safe HTML; they are still never parsed as HTML here, so a
 * bug anywhere upstream cannot put markup on the page.
 */
export function segmentsFromExcerpt(excerpt: string): Segment[] {
  const segments: Segment[] = [];
  const parts = excerpt.split(/<mark>|<\/mark>/);
  parts.forEach((part, i) => {
    const text = decodeEntities(part);
    if (text) segments.push({ text, marked: i % 2 === 1 });
  });
  return segments;
}

/**
 * An excerpt of `length` words of `content` starting near word `from`, with the words that match
 * `terms` marked. Pagefind's own excerpt marks only what it matched in the text; a section found
 * through another spelling (the index stores it as metadata) needs this one instead.
 */
export function excerptAt(content: string, from: number, terms: readonly string[], length = 30): Segment[] {
  const words = content.split(/\s+/).filter(Boolean);
  const start = Math.max(0, Math.min(from, words.length - length));
  const wanted = new Set(terms.flatMap((t) => wordsOf(t)).map(normalizeWord));
  const segments: Segment[] = [];
  const push = (text: string, marked: boolean) => {
    const last = segments.at(-1);
    if (last && last.marked === marked) last.text += text;
    else segments.push({ text, marked });
  };
  const slice = words.slice(start, start + length);
  slice.forEach((word, i) => {
    if (i > 0) push(' ', false);
    const matched = wordsOf(word).some((w) => wanted.has(normalizeWord(w)));
    push(word, matched);
  });
  if (start > 0) segments.unshift({ text: '… ', marked: false });
  if (start + length < words.length) push(' …', false);
  return segments;
}

/** The index of the first word of `content` that matches one of `terms`, or -1. */
export function firstMatch(content: string, terms: readonly string[]): number {
  const wanted = new Set(terms.flatMap((t) => wordsOf(t)).map(normalizeWord));
  if (wanted.size === 0) return -1;
  return content
    .split(/\s+/)
    .filter(Boolean)
    .findIndex((word) => wordsOf(word).some((w) => wanted.has(normalizeWord(w))));
}

/** The parts of Pagefind's result data that the search elements read. */
export interface ResultData {
  url: string;
  content: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
  anchors: { element: string; id: string; text?: string; location: number }[];
  sub_results: { title: string; url: string; anchor?: { id: string } }[];
}

/** A result ready to show: who, what, where it links, and the excerpt. */
export interface ResultView {
  href: string;
  country: string;
  theme: string;
  /** Slugs, to look up labels the element knows (edition titles, region names). */
  edition: string;
  region: string;
  excerpt: Segment[];
}

/**
 * Turns Pagefind's data for one section into what a result shows. The theme's label is the text
 * of the section's heading (the sub-result Pagefind found through the heading's id), so labels are
 * never duplicated into the index.
 */
export function toResultView(data: ResultData, query: string, spellings: readonly Spellings[]): ResultView {
  const theme = data.filters['theme']?.[0] ?? '';
  const heading = data.anchors.find((a) => a.id === theme && /^h[1-6]$/i.test(a.element));
  const terms = highlightTerms(query, spellings);
  let excerpt = segmentsFromExcerpt(data.excerpt);
  if (!excerpt.some((s) => s.marked)) {
    // Matched through another spelling, or no query at all (a filter on its own): start at the
    // first word the reader searched for, else where the section's text starts after its heading.
    const match = firstMatch(data.content, withVariants(query, spellings));
    const textStart = heading ? heading.location + wordsOf(heading.text ?? '').length : 0;
    excerpt = excerptAt(data.content, match >= 0 ? Math.max(textStart, match - 8) : textStart, withVariants(query, spellings));
  }
  return {
    href: resultHref(data.url, terms),
    country: data.meta['country'] ?? data.meta['title'] ?? '',
    theme: heading?.text?.trim() || data.sub_results[0]?.title || theme,
    edition: editionOfUrl(data.url),
    region: data.filters['region']?.[0] ?? '',
    excerpt,
  };
}

/**
 * The edition of a section's URL, `…/<edition>/<country>/#<theme>`, whatever the base path. The
 * index holds no edition filter of its own (each edition has its own index, and Pagefind adds
 * the edition as a synthetic filter: src/elements/site-search-pagefind.ts).
 */
export function editionOfUrl(url: string): string {
  return /\/(\d{4})\/[^/#?]+\/(?:[?#]|$)/.exec(url)?.[1] ?? '';
}

/**
 * What the search page's live region says after a search: the count, the query and the filters
 * (`where`, their labels), or what to try when nothing was found.
 */
export function searchStatus(count: number, query: string, where: string): string {
  const what = query ? ` for ${quotedQuery(query, 120)}` : '';
  if (count > 0) return `${countResults(count)}${what}${where ? ` in ${where}` : ''}.`;
  if (where) return `No results${what} in ${where}. Try removing the filters.`;
  return `No results${what}. Check the spelling, or try fewer or other words.`;
}

/** "1 result" / "12 results". */
export function countResults(count: number): string {
  return `${count} result${count === 1 ? '' : 's'}`;
}

/** Whether a key press should move focus to the search field: `/`, or Ctrl+K / ⌘K. */
export function isSearchShortcut(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>,
  inEditableField: boolean,
): boolean {
  if (event.altKey) return false;
  if ((event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 'k') return true;
  return event.key === '/' && !event.ctrlKey && !event.metaKey && !inEditableField;
}

/**
 * A reader's query as the page repeats it (title, status): in quotation marks, on one line, and
 * cut to `max` characters, so that a crafted link's query reads as a quoted query and never as a
 * sentence of the site.
 */
export function quotedQuery(query: string, max = 60): string {
  const line = query.replace(/\s+/g, ' ').trim();
  return `“${line.length > max ? `${line.slice(0, max - 1)}…` : line}”`;
}
