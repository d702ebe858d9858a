import { copyText } from './announce.ts';
import { ReportElement } from './base.ts';

/**
 * <copy-links>: next to every permalink inside it, adds a button that copies the permalink's
 * absolute URL. The permalinks themselves are plain links and work without scripts. It requires
 * no part: text without permalinks (a section with no paragraphs yet) simply gets no buttons.
 */
class CopyLinks extends ReportElement {
  protected connect(signal: AbortSignal): void {
    for (const permalink of this.querySelectorAll<HTMLAnchorElement>('a.permalink')) {
      const next = permalink.nextElementSibling;
      // Connected again (moved in the page): reuse the button added the first time.
      const button = next instanceof HTMLButtonElement && next.classList.contains('copy-link') ? next : addButton(permalink);
      button.addEventListener('click', () => copyText(permalink.href, button, 'Link'), { signal });
    }
  }
}

function addButton(permalink: HTMLAnchorElement): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'copy-link';
  const name = permalink.getAttribute('aria-label')?.replace(/^Link to /, '') ?? 'this passage';
  button.setAttribute('aria-label', `Copy link to ${name}`);
  button.title = 'Copy link';
  button.innerHTML =
    '<svg aria-hidden="true" viewBox="0 0 16 16" width="16" height="16"><rect x="5" y="5" width="9" height="9" rx="1.5" fill="none" stroke="currentColor" stroke-width="1.5"/><path d="M3 11V3a1 1 0 0 1 1-1h7" fill="none" stroke="currentColor" stroke-width="1.5"/></svg>';
  permalink.insertAdjacentElement('afterend', button);
  return button;
}

CopyLinks.define('copy-links');
