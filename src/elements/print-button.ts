import { ReportElement } from './base.ts';

/** <print-button>: opens the browser's print dialog for this page. */
class PrintButton extends ReportElement {
  protected connect(signal: AbortSignal): void {
    this.requirePart('button', HTMLButtonElement).addEventListener('click', () => window.print(), { signal });
  }
}

PrintButton.define('print-button');
