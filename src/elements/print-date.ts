import { formatAccessDate } from '../citation/plain-text.ts';
import { ReportElement } from './base.ts';

/**
 * <print-date>: puts the date into the print title block, when the page loads and again just
 * before printing (a page left open overnight prints with the right day).
 */
class PrintDate extends ReportElement {
  protected connect(signal: AbortSignal): void {
    const slot = this.requirePart('.print-date');
    const update = () => {
      slot.textContent = formatAccessDate(new Date());
    };
    update();
    window.addEventListener('beforeprint', update, { signal });
  }
}

PrintDate.define('print-date');
