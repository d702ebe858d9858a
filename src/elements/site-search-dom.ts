/** Small DOM helpers and the settings shared by the search elements. */
import type { Spellings } from '../search/transliterations.ts';
import { setting } from './base.ts';
import { isSearchShortcut, type ResultView, type Segment } from './site-search-logic.ts';

function isSpellings(value: unknown): value is Spellings[] {
  return (
    Array.isArray(value) &&
    value.every((g: unknown) => {
      const spellings = (g as Partial<Spellings> | null)?.spellings;
      return Array.isArray(spellings) && spellings.every((s) => typeof s === 'string');
    })
  );
}

/** The `data-*` settings both search elements are rendered with (SearchField.astro, search.astro). */
export const SEARCH_SETTINGS = {
  /** <base>/pagefind/: where Pagefind's scripts and index are. */
  bundle: setting.text(),
  /** The site's base path, which Pagefind puts in front of every result URL. */
  base: setting.text(),
  /** The variant spellings of names (content/transliterations.yaml). */
  spellings: setting.json<Spellings[]>([], isSpellings),
  /** `npm run dev`, which serves no search index: the component says search needs a build. */
  dev: setting.flag(),
  /** The edition searched when several are published (the newest); absent: every edition. */
  edition: setting.text(''),
};

function isTitles(value: unknown): value is Record<string, string> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string');
}

/** The search page's settings (search.astro): the shared ones and the editions' titles. */
export const SEARCH_PAGE_SETTINGS = {
  ...SEARCH_SETTINGS,
  /** Each edition's short title by its id, for the line under a result. */
  editions: setting.json<Record<string, string>>({}, isTitles),
};

/** Writes excerpt segments as text nodes and <mark> elements: never as HTML. */
export function renderSegments(target: HTMLElement, segments: readonly Segment[]): void {
  target.replaceChildren(
    ...segments.map((segment) => {
      if (!segment.marked) return document.createTextNode(segment.text);
      const mark = document.createElement('mark');
      mark.textContent = segment.text;
      return mark;
    }),
  );
}

/** One result of the search page: its link as a heading, where it is from, and the excerpt. */
export function renderResult(view: ResultView, editionTitles: Readonly<Record<string, string>>): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'search-result';
  const heading = document.createElement('h2');
  const link = document.createElement('a');
  link.href = view.href;
  link.textContent = `${view.country}: ${view.theme}`;
  heading.append(link);
  const meta = document.createElement('p');
  meta.className = 'search-result-meta';
  meta.textContent = [editionTitles[view.edition] ?? view.edition, view.region].filter(Boolean).join(' · ');
  const excerpt = document.createElement('p');
  excerpt.className = 'search-result-excerpt';
  renderSegments(excerpt, view.excerpt);
  item.append(heading, meta, excerpt);
  return item;
}

function inEditableField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

let listening = false;

/**
 * `/` and Ctrl/⌘+K focus the search field from anywhere on the page: the search page's own field
 * when there is one, else the header's.
 */
export function listenForSearchShortcut(): void {
  if (listening) return;
  listening = true;
  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.isComposing || !isSearchShortcut(event, inEditableField(event.target))) return;
    const field =
      document.querySelector<HTMLInputElement>('input[data-search-primary]') ??
      document.querySelector<HTMLInputElement>('site-search input[type="search"]');
    if (!field || field.disabled) return;
    event.preventDefault();
    field.focus();
    field.select();
  });
}
