/** Small DOM helpers shared by the search elements. */
import type { Spellings } from '../search/transliterations.ts';
import { isSearchShortcut, type Segment } from './site-search-logic.ts';

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

/** The variant spellings the server rendered into `data-spellings` (content/transliterations.yaml). */
export function readSpellings(element: HTMLElement): Spellings[] {
  try {
    const parsed: unknown = JSON.parse(element.dataset['spellings'] ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (g): g is Spellings => Array.isArray((g as Spellings)?.spellings) && (g as Spellings).spellings.every((s) => typeof s === 'string'),
    );
  } catch {
    return [];
  }
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
