/** <print-button>: opens the browser's print dialog for this page. */
class PrintButton extends HTMLElement {
  connectedCallback(): void {
    this.querySelector('button')?.addEventListener('click', () => window.print());
  }
}

if (!customElements.get('print-button')) customElements.define('print-button', PrintButton);
