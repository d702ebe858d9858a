/**
 * <site-search-page>: runs the search that the address holds (/search/?q=…&country=…&theme=…)
 * and keeps the two in step. Typing updates the address in place; a filter change or Enter adds a
 * history entry, so Back and Forward step through searches. Each filter shows how many results
 * each of its values would give.
 *
 * Keys: ↓ from the field goes to the first result, ↓/↑ move between results, ↑ from the first
 * result or Escape returns to the field; Escape in the field clears it.
 */
import {
  ALL_EDITIONS,
  SEARCH_DEBOUNCE_MS,
  SEARCH_FILTERS,
  SEARCH_QUERY_MAX_LENGTH,
  SEARCH_QUERY_MIN_LENGTH,
  type SearchFilter,
} from '../lib/constants.ts';
import type { Spellings } from '../search/transliterations.ts';
import { ReportElement } from './base.ts';
import { type Counts, countFilters, olderEditions, writeCounts } from './site-search-counts.ts';
import { listenForSearchShortcut, renderResult, SEARCH_PAGE_SETTINGS } from './site-search-dom.ts';
import {
  type Filters,
  hasFilters,
  pagefindFilters,
  quotedQuery,
  type SearchState,
  sameState,
  searchFromState,
  searchStatus,
  stateFromParams,
  toResultView,
} from './site-search-logic.ts';
import { includeEditions, isIncluded, loadPagefind, type PagefindResult } from './site-search-pagefind.ts';

/**
 * Results shown at once; "Show more results" adds as many again. Each shown result fetches its
 * section's fragment (0.5–1.7 KB), and Pagefind's code and the index chunk take about 88 KB of a
 * first search: at eight, the first query stays under the 100 KB a reader on a slow, metered line
 * is promised (docs/bench.md); at ten it was 98.9–100.8 KB. A phone shows four at most anyway.
 */
const PAGE_SIZE = 8;

class SiteSearchPage extends ReportElement {
  #input!: HTMLInputElement;
  #selects = new Map<SearchFilter, HTMLSelectElement>();
  #status!: HTMLElement;
  #list!: HTMLOListElement;
  #more!: HTMLButtonElement;
  #clear!: HTMLButtonElement;
  #bundle = '';
  #base = '';
  #spellings: Spellings[] = [];
  #editions: Record<string, string> = {};
  #state: SearchState = { q: '', filters: {} };
  #results: PagefindResult[] = [];
  #shown = 0;
  #generation = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** Whether the reader has turned to the filters, so that their counts are worth fetching. */
  #countsWanted = false;
  /** Whether the current history entry was made by typing, so further typing replaces it. */
  #typing = false;
  #title = document.title;

  protected connect(signal: AbortSignal): void {
    const form = this.requirePart('form', HTMLFormElement);
    const input = this.requirePart('input[type="search"]', HTMLInputElement);
    const status = this.requirePart('[data-status]');
    const list = this.requirePart('[data-results]', HTMLOListElement);
    const more = this.requirePart('[data-more]', HTMLButtonElement);
    const clear = this.requirePart('[data-clear-filters]', HTMLButtonElement);
    const { bundle, base, spellings, editions, dev } = this.settings(SEARCH_PAGE_SETTINGS);
    [this.#input, this.#status, this.#list, this.#more, this.#clear] = [input, status, list, more, clear];
    // Not required parts: a filter with a single value to offer is not rendered (search.astro).
    this.#selects.clear();
    for (const name of SEARCH_FILTERS) {
      const select = this.querySelector<HTMLSelectElement>(`select[data-filter="${name}"]`);
      if (select) this.#selects.set(name, select);
    }
    listenForSearchShortcut();
    if (dev) return; // the page says search needs a build
    [this.#bundle, this.#base, this.#spellings, this.#editions] = [bundle, base, spellings, editions];

    const listening = { signal };
    form.addEventListener(
      'submit',
      (event) => {
        event.preventDefault();
        clearTimeout(this.#timer);
        this.#update({ ...this.#state, q: input.value }, 'push');
      },
      listening,
    );
    input.addEventListener(
      'input',
      () => {
        clearTimeout(this.#timer);
        // As in the header, one or two letters wait for more (or for Enter).
        const length = input.value.trim().length;
        if (length > 0 && length < SEARCH_QUERY_MIN_LENGTH) return;
        this.#timer = setTimeout(
          () => this.#update({ ...this.#state, q: input.value }, this.#typing ? 'replace' : 'push', true),
          SEARCH_DEBOUNCE_MS,
        );
      },
      listening,
    );
    input.addEventListener(
      'keydown',
      (event) => {
        if (event.key === 'ArrowDown' && this.#links().length > 0) {
          event.preventDefault();
          this.#links()[0]?.focus();
        } else if (event.key === 'Escape' && input.value) {
          event.preventDefault();
          input.value = '';
          this.#update({ ...this.#state, q: '' }, 'push');
        }
      },
      listening,
    );
    for (const [name, select] of this.#selects) {
      select.addEventListener(
        'change',
        () => {
          this.#update({ ...this.#state, filters: { ...this.#state.filters, [name]: select.value || undefined } }, 'push');
        },
        listening,
      );
    }
    // The counts are fetched when the reader first reaches the filters, by keyboard or pointer.
    const wantCounts = () => {
      if (this.#countsWanted) return;
      this.#countsWanted = true;
      void this.#updateCounts().catch(() => {});
    };
    const fieldset = this.querySelector('fieldset');
    fieldset?.addEventListener('focusin', wantCounts, listening);
    fieldset?.addEventListener('pointerover', wantCounts, listening);
    list.addEventListener('keydown', (event) => this.#onResultsKey(event), listening);
    more.addEventListener('click', () => void this.#showMore(true), listening);
    clear.addEventListener(
      'click',
      () => {
        this.#update({ q: this.#state.q, filters: {} }, 'push');
        input.focus();
      },
      listening,
    );
    window.addEventListener('popstate', () => this.#restore(), listening);
    signal.addEventListener('abort', () => clearTimeout(this.#timer));
    this.#restore();
  }

  /** Takes the search from the address (on arrival, Back and Forward) and runs it. */
  #restore(): void {
    const state = this.#known(stateFromParams(new URLSearchParams(location.search)));
    this.#typing = false;
    this.#state = state;
    this.#input.value = state.q;
    for (const [name, select] of this.#selects) select.value = state.filters[name] ?? '';
    void this.#run();
  }

  /** The state with only filter values this page offers: a mistyped link should not hide everything. */
  #known(state: SearchState): SearchState {
    const filters: Filters = {};
    for (const name of SEARCH_FILTERS) {
      const value = state.filters[name];
      const select = this.#selects.get(name);
      if (value && select && [...select.options].some((o) => o.value === value)) filters[name] = value;
    }
    // No edition named: the newest one, which the edition list marks as its default.
    const editions = this.#selects.get('edition');
    if (!filters.edition && editions?.dataset['default']) filters.edition = editions.dataset['default'];
    return { q: state.q.slice(0, SEARCH_QUERY_MAX_LENGTH), filters };
  }

  #update(next: SearchState, history: 'push' | 'replace', typing = false): void {
    const state = this.#known(next);
    if (sameState(state, this.#state)) return;
    this.#state = state;
    const url = `${location.pathname}${searchFromState(state)}`;
    if (history === 'push') window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
    this.#typing = typing;
    void this.#run();
  }

  async #run(): Promise<void> {
    const generation = ++this.#generation;
    const { q, filters } = this.#state;
    const query = q.trim();
    document.title = query ? `${quotedQuery(query)}: ${this.#title}` : this.#title;
    const own = this.#own(filters);
    this.#clear.hidden = !hasFilters(own);
    // Nothing typed and no filter the reader chose (the default edition is none): nothing to list,
    // and nothing to fetch. Listing the whole edition on arrival cost a reader ten fragments and
    // the filter index before their first key.
    if (!query && !hasFilters(own)) {
      this.#results = [];
      this.#list.replaceChildren();
      this.#more.hidden = true;
      this.#status.textContent = '';
      this.#showCounts(null);
      return;
    }
    try {
      const newest = this.#newest();
      const pagefind = await loadPagefind(this.#bundle, this.#base, newest);
      await includeEditions(this.#bundle, this.#base, newest, this.#olderEditions(filters.edition));
      const term = query || null;
      const search = await pagefind.search(term, { filters: pagefindFilters(filters) });
      if (generation !== this.#generation) return;
      this.#results = search.results;
      this.#shown = 0;
      this.#list.replaceChildren();
      this.#announce(search.results.length);
      await this.#showMore(false, generation);
      if (this.#countsWanted || hasFilters(own)) await this.#updateCounts(generation);
    } catch {
      if (generation !== this.#generation) return;
      this.#status.textContent = 'Search is not available right now: the search index could not be loaded. Try reloading the page.';
    }
  }

  /**
   * The counts in the filters' options, for the current search. They need the filter index (a
   * file per filter listing every section, 6.7 KB for a 54-country edition), which the results do
   * not: it is fetched once the reader turns to the filters (or arrives with one chosen), so a
   * reader who only reads results never pays for it. Loaded once, it makes every search return
   * counts.
   */
  async #updateCounts(generation = this.#generation): Promise<void> {
    const { q, filters } = this.#state;
    const term = q.trim() || null;
    if (!term && !hasFilters(this.#own(filters))) return;
    const counts = await countFilters(await loadPagefind(this.#bundle, this.#base, this.#newest()), term, filters);
    if (generation !== this.#generation) return;
    this.#showCounts(counts);
  }

  /** The filters the reader chose: the default edition is none (it does not call for "Clear filters"). */
  #own(filters: Filters): Filters {
    const own: Filters = { ...filters };
    if (own.edition === this.#newest()) delete own.edition;
    return own;
  }

  /** The newest edition, when there are several: the edition list's default. */
  #newest(): string {
    return this.#selects.get('edition')?.dataset['default'] ?? '';
  }

  #olderEditions(edition: string | undefined): string[] {
    return olderEditions(Object.keys(this.#editions), this.#newest(), edition);
  }

  /** Adds the next page of results; after a click, focus goes to the first new one. */
  async #showMore(moveFocus: boolean, generation = this.#generation): Promise<void> {
    const next = this.#results.slice(this.#shown, this.#shown + PAGE_SIZE);
    const data = await Promise.all(next.map((r) => r.data()));
    if (generation !== this.#generation) return;
    const query = this.#state.q.trim();
    const items = data.map((d) => renderResult(toResultView(d, query, this.#spellings), this.#editions));
    this.#list.append(...items);
    this.#shown += next.length;
    this.#more.hidden = this.#shown >= this.#results.length;
    if (moveFocus) items[0]?.querySelector('a')?.focus();
  }

  #announce(count: number): void {
    this.#status.textContent = searchStatus(count, this.#state.q.trim(), this.#describeFilters());
  }

  #describeFilters(): string {
    return SEARCH_FILTERS.flatMap((name) => {
      const select = this.#selects.get(name);
      const value = this.#state.filters[name];
      const option = value ? [...(select?.options ?? [])].find((o) => o.value === value) : undefined;
      return option ? [option.dataset['label'] ?? value] : [];
    }).join(', ');
  }

  /** The counts in the options' labels; none (null) takes them away. */
  #showCounts(counts: Counts | null): void {
    const newest = this.#newest();
    const searched = (edition: string) => edition === newest || isIncluded(edition);
    writeCounts(this.#selects, counts, (edition) =>
      edition === ALL_EDITIONS ? this.#olderEditions(ALL_EDITIONS).every(searched) : searched(edition),
    );
  }

  #links(): HTMLAnchorElement[] {
    return [...this.#list.querySelectorAll<HTMLAnchorElement>('.search-result h2 a')];
  }

  #onResultsKey(event: KeyboardEvent): void {
    const links = this.#links();
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (at < 0) return;
    if (event.key === 'ArrowDown' && at < links.length - 1) {
      event.preventDefault();
      links[at + 1]?.focus();
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      (at === 0 ? this.#input : links[at - 1])?.focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      this.#input.focus();
    }
  }
}

SiteSearchPage.define('site-search-page');
