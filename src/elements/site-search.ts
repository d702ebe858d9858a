/**
 * <site-search>: the search field in every page's header, enhanced into a combobox that lists the
 * best sections as the reader types. Without JavaScript the same markup is a plain form that
 * says search needs JavaScript; the custom element only adds behaviour.
 *
 * Keys: `/` or Ctrl/⌘+K focus the field from anywhere; ↓/↑ move through the results; Enter opens
 * the chosen one (or, with none chosen, the full results page); Escape closes the list, then clears.
 */
import type { Spellings } from '../search/transliterations.ts';
import { highlightLanding } from './site-search-highlight.ts';
import { countResults, MAX_QUERY_LENGTH, toResultView, type ResultView } from './site-search-logic.ts';
import { loadPagefind } from './site-search-pagefind.ts';
import { listenForSearchShortcut, readSpellings, renderSegments } from './site-search-dom.ts';

/** Results listed under the field; the rest are one Enter away on the search page. */
const SHOWN = 5;
/**
 * Wait after a key press before searching. Short, because a search takes a few milliseconds: it
 * only lets a burst of fast typing run one search instead of several.
 */
const DEBOUNCE_MS = 40;
/**
 * Shortest query searched as you type; Enter takes any query to the search page. One or two
 * letters match a large part of the index, and each such prefix costs an index chunk and result
 * fragments (about 20 KB on a 50-country edition) for nothing a reader wants.
 */
const MIN_LENGTH = 3;

class SiteSearch extends HTMLElement {
  #input!: HTMLInputElement;
  #form!: HTMLFormElement;
  #popup!: HTMLElement;
  #listbox!: HTMLElement;
  #message!: HTMLElement;
  #status!: HTMLElement;
  #spellings: Spellings[] = [];
  #options: { element: HTMLElement; href: string }[] = [];
  #active = -1;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** Incremented by every search, so that an answer to an older query is dropped. */
  #generation = 0;

  connectedCallback(): void {
    const input = this.querySelector<HTMLInputElement>('input[type="search"]');
    const form = this.querySelector('form');
    const popup = this.querySelector<HTMLElement>('[data-popup]');
    const listbox = this.querySelector<HTMLElement>('[role="listbox"]');
    const message = this.querySelector<HTMLElement>('[data-message]');
    const status = this.querySelector<HTMLElement>('[role="status"]');
    if (!input || !form || !popup || !listbox || !message || !status) return;
    [this.#input, this.#form, this.#popup, this.#listbox, this.#message, this.#status] = [input, form, popup, listbox, message, status];
    if (this.hasAttribute('data-dev')) return; // the component says search needs a build
    this.#spellings = readSpellings(this);

    // The combobox roles only make sense once the list can appear, i.e. now.
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', listbox.id);

    input.addEventListener('focus', () => void this.#load().catch(() => {}));
    input.addEventListener('input', () => this.#schedule());
    input.addEventListener('keydown', (event) => this.#onKey(event));
    // Keep focus in the field while an option is clicked, so the list does not close first.
    listbox.addEventListener('mousedown', (event) => event.preventDefault());
    listbox.addEventListener('click', (event) => {
      const option = (event.target as Element).closest<HTMLElement>('[role="option"]');
      const index = this.#options.findIndex((o) => o.element === option);
      if (index >= 0) this.#open(index);
    });
    this.addEventListener('focusout', (event) => {
      if (!this.contains(event.relatedTarget as Node | null)) this.#close();
    });
  }

  #load() {
    return loadPagefind(this.dataset['bundle'] ?? '/pagefind/', this.dataset['base'] ?? '/');
  }

  #schedule(): void {
    clearTimeout(this.#timer);
    const query = this.#input.value.slice(0, MAX_QUERY_LENGTH);
    if (query.trim().length < MIN_LENGTH) {
      this.#generation++;
      this.#close();
      this.#status.textContent = '';
      return;
    }
    // Fetch the index chunk for what is typed so far while the debounce runs.
    this.#load().then((pagefind) => pagefind.preload(query.trim()), () => {});
    this.#timer = setTimeout(() => void this.#search(query), DEBOUNCE_MS);
  }

  async #search(query: string): Promise<void> {
    const generation = ++this.#generation;
    let views: ResultView[];
    let total: number;
    try {
      const pagefind = await this.#load();
      const search = await pagefind.search(query);
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

if (!customElements.get('site-search')) customElements.define('site-search', SiteSearch);

listenForSearchShortcut();

// A chapter page reached from a result marks the searched words.
const header = document.querySelector<HTMLElement>('site-search');
const bundle = header?.dataset['bundle'];
if (bundle && !header?.hasAttribute('data-dev')) void highlightLanding(bundle).catch(() => {});
