import { formatAccessDate } from '../citation/plain-text.ts';

/**
 * <print-date>: puts the date into the print title block, when the page loads and again just
 * before printing (a page left open overnight prints with the right day).
 */
class PrintDate extends HTMLElement {
  #update = () => {
    const slot = this.querySelector('.print-date');
    if (slot) slot.textContent = formatAccessDate(new Date());
  };

  connectedCallback(): void {
    this.#update();
    window.addEventListener('beforeprint', this.#update);
  }

  disconnectedCallback(): void {
    window.removeEventListener('beforeprint', this.#update);
  }
}

if (!customElements.get('print-date')) customElements.define('print-date', PrintDate);
