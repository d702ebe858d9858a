import { formatAccessDate } from '../citation/plain-text.ts';
import { copyText } from './announce.ts';

/**
 * <cite-box>: fills today's date into the section's citation (the reader's date accessed, which
 * the build cannot know) and adds a button that copies the citation.
 */
class CiteBox extends HTMLElement {
  connectedCallback(): void {
    const text = this.querySelector<HTMLElement>('.citation');
    const date = this.querySelector<HTMLElement>('.access-date');
    if (!text) return;
    if (date) date.textContent = formatAccessDate(new Date());
    if (this.querySelector('button')) return;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy-citation';
    button.textContent = 'Copy citation';
    button.addEventListener('click', () => copyText(text.textContent?.trim() ?? '', button, 'Citation'));
    text.insertAdjacentElement('afterend', button);
  }
}

if (!customElements.get('cite-box')) customElements.define('cite-box', CiteBox);
