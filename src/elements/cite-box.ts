import { formatAccessDate } from '../citation/plain-text.ts';
import { copyText } from './announce.ts';
import { ReportElement } from './base.ts';

const US_DATE = new Intl.DateTimeFormat('en-US', { day: 'numeric', month: 'long', year: 'numeric' });

/**
 * <cite-box>: fills today's date into each citation (the reader's date accessed, which the build
 * cannot know), in the form its style writes dates, and adds a button after each citation that
 * copies it. It requires at least one `.citation`.
 */
class CiteBox extends ReportElement {
  protected connect(signal: AbortSignal): void {
    this.requirePart('.citation');
    const today = new Date();
    for (const date of this.querySelectorAll<HTMLElement>('.access-date')) {
      // citeproc's styles write "November 26, 2026"; the plain text "26 November 2026".
      date.textContent = date.dataset['dateStyle'] === 'en-US' ? US_DATE.format(today) : formatAccessDate(today);
    }
    for (const citation of this.querySelectorAll<HTMLElement>('.citation')) {
      // Connected again (moved in the page): reuse the button added the first time.
      const next = citation.nextElementSibling;
      const button = next instanceof HTMLButtonElement && next.classList.contains('copy-citation') ? next : addButton(citation);
      button.addEventListener('click', () => copyText(citation.textContent?.trim() ?? '', button, 'Citation'), { signal });
    }
  }
}

/**
 * What a copy button copies, for its name: a section's citations say their style; a paragraph's
 * (many per box, so their markup stays light) are named from their place in the list.
 */
function styleOf(citation: HTMLElement): string {
  if (citation.dataset['style']) return citation.dataset['style'];
  const item = citation.closest('li');
  const n = item ? [...(item.parentElement?.children ?? [])].indexOf(item) + 1 : 0;
  const names = citation.closest<HTMLElement>('.in-text')?.dataset['names'];
  return `${names ?? 'plain text'}, paragraph ${n}`;
}

function addButton(citation: HTMLElement): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'copy-citation';
  button.textContent = 'Copy';
  button.setAttribute('aria-label', `Copy citation (${styleOf(citation)})`);
  citation.insertAdjacentElement('afterend', button);
  return button;
}

CiteBox.define('cite-box');
