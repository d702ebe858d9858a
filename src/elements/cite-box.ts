import { formatAccessDate } from '../citation/plain-text.ts';
import { copyText } from './announce.ts';
import { ReportElement } from './base.ts';

/**
 * <cite-box>: fills today's date into the section's citation (the reader's date accessed, which
 * the build cannot know) and adds a button that copies the citation.
 */
class CiteBox extends ReportElement {
  protected connect(signal: AbortSignal): void {
    const text = this.requirePart('.citation');
    const date = this.requirePart('.access-date');
    date.textContent = formatAccessDate(new Date());
    // Connected again (moved in the page): reuse the button added the first time.
    const button = this.querySelector<HTMLButtonElement>('button.copy-citation') ?? addButton(text);
    button.addEventListener('click', () => copyText(text.textContent?.trim() ?? '', button, 'Citation'), { signal });
  }
}

function addButton(citation: HTMLElement): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'copy-citation';
  button.textContent = 'Copy citation';
  citation.insertAdjacentElement('afterend', button);
  return button;
}

CiteBox.define('cite-box');
