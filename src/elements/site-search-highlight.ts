/**
 * On a chapter page reached from a search result (`?highlight=word&highlight=other#theme`), marks
 * the searched words with Pagefind's highlight script and brings the first one in the linked
 * section into view: the reader lands on the paragraph, not just the section.
 */

import { HIGHLIGHT_PARAM } from '../lib/constants.ts';
import { fragmentId } from '../lib/fragment.ts';

interface HighlightOptions {
  highlightParam: string;
  addStyles: boolean;
}
type HighlightConstructor = new (options: HighlightOptions) => unknown;

export async function highlightLanding(bundle: string, param = HIGHLIGHT_PARAM): Promise<void> {
  if (!new URLSearchParams(location.search).has(param)) return;
  const body = document.querySelector('[data-pagefind-body]');
  if (!body) return;
  // An external file from <base>/pagefind/, loaded only when there is something to highlight.
  const module = (await import(/* @vite-ignore */ `${bundle}pagefind-highlight.js`)) as { default?: HighlightConstructor };
  const PagefindHighlight = module.default ?? (window as unknown as { PagefindHighlight?: HighlightConstructor }).PagefindHighlight;
  if (!PagefindHighlight) return;
  // addStyles would insert a <style> element, which the Content-Security-Policy refuses; the
  // marks are styled in SearchField.astro instead.
  new PagefindHighlight({ highlightParam: param, addStyles: false });
  const id = fragmentId(location.hash);
  const target = id ? document.getElementById(id) : null;
  const scope = target?.closest('section') ?? body;
  const first = scope.querySelector('mark.pagefind-highlight') ?? body.querySelector('mark.pagefind-highlight');
  first?.scrollIntoView({ block: 'center' });
}
