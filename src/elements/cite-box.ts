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

function addButton(citation: HTMLElement): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'copy-citation';
  button.textContent = 'Copy';
  button.setAttribute('aria-label', `Copy citation (${citation.dataset['style'] ?? 'this citation'})`);
  citation.insertAdjacentElement('afterend', button);
  return button;
}

CiteBox.define('cite-box');
