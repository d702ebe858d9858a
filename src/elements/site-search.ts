/**
 * <site-search>: the search field in every page's header, enhanced into a combobox that lists the
 * best sections as the reader types. Without JavaScript the same markup is a plain form that
 * says search needs JavaScript; the custom element only adds behaviour.
 *
 * Keys: `/` or Ctrl/⌘+K focus the field from anywhere; ↓/↑ move through the results; Enter opens
 * the chosen one (or, with none chosen, the full results page); Escape closes the list, then clears.
 */
import { SEARCH_DEBOUNCE_MS, SEARCH_QUERY_MAX_LENGTH, SEARCH_QUERY_MIN_LENGTH } from '../lib/constants.ts';
import type { Spellings } from '../search/transliterations.ts';
import { ReportElement } from './base.ts';
import { listenForSearchShortcut, renderSegments, SEARCH_SETTINGS } from './site-search-dom.ts';
import { highlightLanding } from './site-search-highlight.ts';
import { countResults, type ResultView, toResultView } from './site-search-logic.ts';
import { anyIncluded, loadPagefind } from './site-search-pagefind.ts';

/** Results listed under the field; the rest are one Enter away on the search page. */
const SHOWN = 5;

/** Whether this page's words have been marked: once, however often the header is connected. */
let highlighted = false;

class SiteSearch extends ReportElement {
  #input!: HTMLInputElement;
  #form!: HTMLFormElement;
  #popup!: HTMLElement;
  #listbox!: HTMLElement;
  #message!: HTMLElement;
  #status!: HTMLElement;
  #bundle = '';
  #base = '';
  #spellings: Spellings[] = [];
  /** The edition searched (the newest, once there are several); empty: all. */
  #edition = '';
  #options: { element: HTMLElement; href: string }[] = [];
  #active = -1;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** Incremented by every search, so that an answer to an older query is dropped. */
  #generation = 0;

  protected connect(signal: AbortSignal): void {
    const input = this.requirePart('input[type="search"]', HTMLInputElement);
    const form = this.requirePart('form', HTMLFormElement);
    const popup = this.requirePart('[data-popup]');
    const listbox = this.requirePart('[role="listbox"]');
    const message = this.requirePart('[data-message]');
    const status = this.requirePart('[role="status"]');
    const { bundle, base, spellings, dev, edition } = this.settings(SEARCH_SETTINGS);
    [this.#input, this.#form, this.#popup, this.#listbox, this.#message, this.#status] = [input, form, popup, listbox, message, status];
    if (dev) return; // the component says search needs a build
    [this.#bundle, this.#base, this.#spellings, this.#edition] = [bundle, base, spellings, edition];

    // The combobox roles only make sense once the list can appear, i.e. now.
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', listbox.id);

    const listening = { signal };
    input.addEventListener('focus', () => void this.#load().catch(() => {}), listening);
    input.addEventListener('input', () => this.#schedule(), listening);
    input.addEventListener('keydown', (event) => this.#onKey(event), listening);
    // Keep focus in the field while an option is clicked, so the list does not close first.
    listbox.addEventListener('mousedown', (event) => event.preventDefault(), listening);
    listbox.addEventListener(
      'click',
      (event) => {
        const option = (event.target as Element).closest<HTMLElement>('[role="option"]');
        const index = this.#options.findIndex((o) => o.element === option);
        if (index >= 0) this.#open(index);
      },
      listening,
    );
    this.addEventListener(
      'focusout',
      (event) => {
        if (!this.contains(event.relatedTarget as Node | null)) this.#close();
      },
      listening,
    );
    signal.addEventListener('abort', () => clearTimeout(this.#timer));

    // A chapter page reached from a result marks the searched words.
    if (!highlighted) {
      highlighted = true;
      void highlightLanding(bundle).catch(() => {});
    }
  }

  #load() {
    return loadPagefind(this.#bundle, this.#base, this.#edition);
  }

  #schedule(): void {
    clearTimeout(this.#timer);
    const query = this.#input.value.slice(0, SEARCH_QUERY_MAX_LENGTH);
    if (query.trim().length < SEARCH_QUERY_MIN_LENGTH) {
      this.#generation++;
      this.#close();
      this.#status.textContent = '';
      return;
    }
    // Fetch the index chunk for what is typed so far while the debounce runs.
    this.#load().then(
      (pagefind) => pagefind.preload(query.trim()),
      () => {},
    );
    this.#timer = setTimeout(() => void this.#search(query), SEARCH_DEBOUNCE_MS);
  }

  async #search(query: string): Promise<void> {
    const generation = ++this.#generation;
    let views: ResultView[];
    let total: number;
    try {
      const pagefind = await this.#load();
      // The newest edition's index is Pagefind's own; once the search page has merged older ones
      // in, the filter keeps the header to the newest (and saves a request until then).
      const filtered = this.#edition && anyIncluded();
      const search = await pagefind.search(query, filtered ? { filters: { edition: this.#edition } } : {});
      // A newer key press has started another search: fetching these results would be wasted.
      if (generation !== this.#generation) return;
      const data = await Promise.all(search.results.slice(0, SHOWN).map((r) => r.data()));
      if (generation !== this.#generation) return;
      views = data.map((d) => toResultView(d, query, this.#spellings));
      total = search.results.length;
    } catch {
      if (generation !== this.#generation) return;
      this.#showMessage('Search is not available right now. Try again after reloading the page.');
      return;
    }
    this.#render(query, views, total);
  }

  #render(query: string, views: ResultView[], total: number): void {
    this.#listbox.replaceChildren();
    this.#options = [];
    this.#active = -1;
    this.#input.removeAttribute('aria-activedescendant');
    if (total === 0) {
      this.#showMessage(`No results for “${query.trim()}”. Try another spelling or fewer words.`);
      return;
    }
    views.forEach((view, i) => {
      const option = document.createElement('li');
      option.id = `${this.#listbox.id}-${i}`;
      option.setAttribute('role', 'option');
      option.setAttribute('aria-selected', 'false');
      option.className = 'site-search-option';
      const title = document.createElement('span');
      title.className = 'site-search-option-title';
      // The edition's year too: once several editions are published, a country's section on a
      // theme appears once per edition.
      title.textContent = view.edition ? `${view.country}: ${view.theme} (${view.edition})` : `${view.country}: ${view.theme}`;
      const excerpt = document.createElement('span');
      excerpt.className = 'site-search-option-excerpt';
      renderSegments(excerpt, view.excerpt);
      // The option's name is all its text, title then excerpt: naming it by the title alone
      // would hide visible text from speech input (WCAG 2.5.3).
      option.append(title, excerpt);
      this.#listbox.append(option);
      this.#options.push({ element: option, href: view.href });
    });
    const all = document.createElement('li');
    all.id = `${this.#listbox.id}-all`;
    all.setAttribute('role', 'option');
    all.setAttribute('aria-selected', 'false');
    all.className = 'site-search-option site-search-all';
    all.textContent = total > views.length ? `See all ${countResults(total)}` : 'Open the search page to filter';
    // The search page opens on the same edition, with "All editions" one choice away.
    if (this.#edition) all.textContent += ` (${this.#edition}; other editions there)`;
    this.#listbox.append(all);
    this.#options.push({ element: all, href: `${this.#form.action}?q=${encodeURIComponent(query.trim())}` });
    this.#message.hidden = true;
    this.#listbox.hidden = false;
    this.#setExpanded(true);
    this.#status.textContent = `${countResults(total)}. Use the down arrow to choose one.`;
  }

  #showMessage(text: string): void {
    this.#message.textContent = text;
    this.#message.hidden = false;
    this.#listbox.hidden = true;
    this.#setExpanded(true);
    this.#status.textContent = text;
  }

  #setExpanded(open: boolean): void {
    this.#popup.hidden = !open;
    this.#input.setAttribute('aria-expanded', String(open && !this.#listbox.hidden));
  }

  #close(): void {
    this.#setExpanded(false);
    this.#select(-1);
  }

  #select(index: number): void {
    this.#options[this.#active]?.element.setAttribute('aria-selected', 'false');
    this.#active = index;
    const option = this.#options[index];
    if (!option) {
      this.#input.removeAttribute('aria-activedescendant');
      return;
    }
    option.element.setAttribute('aria-selected', 'true');
    this.#input.setAttribute('aria-activedescendant', option.element.id);
    option.element.scrollIntoView({ block: 'nearest' });
  }

  #open(index: number): void {
    const option = this.#options[index];
    if (option) location.assign(option.href);
  }

  #onKey(event: KeyboardEvent): void {
    const count = this.#options.length;
    const listShown = !this.#popup.hidden && !this.#listbox.hidden;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        if (count === 0) return;
        event.preventDefault();
        if (!listShown) this.#setExpanded(true);
        const step = event.key === 'ArrowDown' ? 1 : -1;
        // From the field, ↓ goes to the first result and ↑ to the last; both wrap around.
        this.#select(this.#active < 0 ? (step > 0 ? 0 : count - 1) : (this.#active + step + count) % count);
        break;
      }
      case 'Enter':
        if (listShown && this.#active >= 0) {
          event.preventDefault();
          this.#open(this.#active);
        }
        break;
      case 'Escape':
        if (!this.#popup.hidden) {
          event.preventDefault();
          this.#close();
        } else if (this.#input.value) {
          event.preventDefault();
          this.#input.value = '';
          this.#schedule();
        }
        break;
    }
  }
}

SiteSearch.define('site-search');

listenForSearchShortcut();
