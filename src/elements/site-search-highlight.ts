/**
 * On a chapter page reached from a search result (`?highlight=word&highlight=other#theme`), marks
 * the searched words with Pagefind's highlight script and brings the first one in the linked
 * section into view: the reader lands on the paragraph, not just the section.
 *
 * The address is anyone's to write, so the work is bounded (issue 17, item 8): at most
 * MAX_HIGHLIGHT_TERMS words of at most MAX_HIGHLIGHT_TERM_LENGTH characters, none shorter than the
 * search's own minimum, marked only inside the linked section when there is one, and at most
 * MAX_HIGHLIGHT_MARKS marks in all. A link with `?highlight=a&highlight=e…` on a long chapter
 * blocked the page for seconds.
 */

import { HIGHLIGHT_PARAM, SEARCH_QUERY_MIN_LENGTH } from '../lib/constants.ts';
import { fragmentId } from '../lib/fragment.ts';

export const MAX_HIGHLIGHT_TERMS = 5;
export const MAX_HIGHLIGHT_TERM_LENGTH = 60;
export const MAX_HIGHLIGHT_MARKS = 200;

interface MarkOptions {
  className: string;
  exclude: string[];
  /** mark.js asks before each mark; false skips it. */
  filter: (node: Text, term: string, totalMarks: number) => boolean;
}
interface HighlightOptions {
  highlightParam: string;
  addStyles: boolean;
  markContext: Element | null;
  markOptions: MarkOptions;
}
type HighlightConstructor = new (options: HighlightOptions) => { getHighlightParams(name: string): string[] };

/** The words to mark, from the address's highlight parameters, within the bounds above. */
export function boundedTerms(search: string, param = HIGHLIGHT_PARAM): string[] {
  const terms: string[] = [];
  for (const value of new URLSearchParams(search).getAll(param)) {
    const term = value.trim();
    if (term.length < SEARCH_QUERY_MIN_LENGTH || term.length > MAX_HIGHLIGHT_TERM_LENGTH || terms.includes(term)) continue;
    terms.push(term);
    if (terms.length === MAX_HIGHLIGHT_TERMS) break;
  }
  return terms;
}

export async function highlightLanding(bundle: string, param = HIGHLIGHT_PARAM): Promise<void> {
  const terms = boundedTerms(location.search, param);
  if (terms.length === 0) return;
  const body = document.querySelector('[data-pagefind-body]');
  if (!body) return;
  // An external file from <base>/pagefind/, loaded only when there is something to highlight.
  const module = (await import(/* @vite-ignore */ `${bundle}pagefind-highlight.js`)) as { default?: HighlightConstructor };
  const PagefindHighlight = module.default ?? (window as unknown as { PagefindHighlight?: HighlightConstructor }).PagefindHighlight;
  if (!PagefindHighlight) return;
  const id = fragmentId(location.hash);
  const target = id ? document.getElementById(id) : null;
  const scope = target?.closest('section') ?? body;
  // Pagefind reads the words from the address itself; this hands it the bounded list instead.
  const Bounded = class extends PagefindHighlight {
    override getHighlightParams(): string[] {
      return terms;
    }
  };
  // addStyles would insert a <style> element, which the Content-Security-Policy refuses; the
  // marks are styled in SearchField.astro instead. Passing markOptions replaces Pagefind's, so its
  // class name and exclusions are repeated here.
  new Bounded({
    highlightParam: param,
    addStyles: false,
    markContext: scope,
    markOptions: {
      className: 'pagefind-highlight',
      exclude: ['[data-pagefind-ignore]', '[data-pagefind-ignore] *'],
      filter: (_node, _term, totalMarks) => totalMarks < MAX_HIGHLIGHT_MARKS,
    },
  });
  const first = scope.querySelector('mark.pagefind-highlight') ?? body.querySelector('mark.pagefind-highlight');
  first?.scrollIntoView({ block: 'center' });
}
