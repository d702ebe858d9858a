import { changeCounts, compareParagraphs } from '../archive/compare.ts';
import { columnsHtml } from '../archive/render.ts';
import { ReportElement, setting } from './base.ts';

const isTexts = (value: unknown): value is Record<string, string[]> =>
  typeof value === 'object' &&
  value !== null &&
  Object.values(value).every((v) => Array.isArray(v) && v.every((p) => typeof p === 'string'));

/**
 * <compare-view>: shows the two editions the URL names (?a=older&b=newer), compared in the browser
 * from the texts the page carries, and keeps the choice in the URL as the reader changes it. The
 * server-rendered page compares the two newest editions and reads without scripts.
 */
class CompareView extends ReportElement {
  protected connect(signal: AbortSignal): void {
    const { texts } = this.settings({ texts: setting.json<Record<string, string[]>>({}, isTexts) });
    const form = this.requirePart('form', HTMLFormElement);
    const columns = this.requirePart('[data-columns]');
    const summary = this.requirePart('[data-summary]');
    const selects = {
      a: this.requirePart('select[name="a"]', HTMLSelectElement),
      b: this.requirePart('select[name="b"]', HTMLSelectElement),
    };
    const title = (id: string) => [...selects.a.options].find((o) => o.value === id)?.textContent ?? id;

    const show = (a: string, b: string) => {
      const older = texts[a];
      const newer = texts[b];
      if (!older || !newer) return;
      selects.a.value = a;
      selects.b.value = b;
      const pairs = compareParagraphs(older, newer);
      const counts = changeCounts(pairs);
      columns.innerHTML = columnsHtml(pairs, title(a), title(b));
      summary.textContent = `${title(a)} and ${title(b)}: ${counts.removed} words removed, ${counts.added} words added.`;
    };

    const params = new URLSearchParams(location.search);
    const [a, b] = [params.get('a'), params.get('b')];
    if (a && b) show(a, b);
    form.addEventListener(
      'submit',
      (event) => {
        event.preventDefault();
        const url = new URL(location.href);
        url.searchParams.set('a', selects.a.value);
        url.searchParams.set('b', selects.b.value);
        history.replaceState(null, '', url);
        show(selects.a.value, selects.b.value);
      },
      { signal },
    );
  }
}

CompareView.define('compare-view');
