/**
 * citeproc for thousands of items at the cost of a few hundred. Formatting one item in both styles
 * takes citeproc some 5 ms; an archive of 15 editions has 20,000 sections, each cited on its
 * pages, which made citeproc the largest single cost of the build. Yet the items of one edition
 * differ only in their title and URL, and the 1,458 titles (country × theme) recur in every edition.
 *
 * So each style's output is made from parts citeproc formatted, checked as they are made:
 * - a template per shape (the item with its title and URL replaced by sentinels): one citeproc
 *   call per edition (and per corrected date), in which each sentinel must appear once;
 * - each title as citeproc writes it in that place, read off the same shape's output with the
 *   real title: the text before and after it must be the template's, or the title is not used;
 * - the URL as written, which the shape's first real item shows citeproc prints verbatim.
 * An item whose title or URL holds anything citeproc might change or join to its neighbours
 * (quotation marks, markup characters, punctuation at either end) is formatted by citeproc
 * whole, as is every item of a shape whose template does not hold. tests/unit/citation-shared.test.ts
 * compares both ways on every title the fixtures and a synthetic archive have.
 */
import type { CslItem } from './reference.ts';
import type { FormattedCitation } from './styles.ts';

const TITLE = 'Zqxtitlesentinelzqx';
const URL_SENTINEL = 'https://sentinel.invalid/zqxurlzqx';

/** Letters, digits, spaces and a few marks inside, starting and ending with a letter or digit: text citeproc prints as written. */
const PLAIN_TITLE = /^[\p{L}\p{N}](?:[\p{L}\p{N} ,:()-]*[\p{L}\p{N})])?$/u;
/** An address with none of the characters HTML or citeproc would escape or read. */
const PLAIN_URL = /^https?:\/\/[A-Za-z0-9.:/#_~%-]+$/;

type Format = (item: CslItem) => FormattedCitation[];

interface Template {
  /** Each style's output with the sentinels in it; undefined when the sentinels did not hold. */
  styles?: FormattedCitation[] | undefined;
}

const once = (text: string, part: string) => text.indexOf(part) >= 0 && text.indexOf(part) === text.lastIndexOf(part);

/** Everything of an item but its identity, title and URL: the items of one edition share it. */
function shapeKey(item: CslItem): string {
  const { id: _id, 'citation-key': _key, title: _title, URL: _url, ...shape } = item;
  return JSON.stringify(shape);
}

/** A formatter that gives what `format` gives, calling it once per shape and per title (see above). */
export function sharedFormatter(format: Format): Format {
  const templates = new Map<string, Template>();
  /** Per title, each style's rendering of it in the template's place. */
  const titles = new Map<string, string[] | undefined>();

  const fill = (styles: FormattedCitation[], title: readonly string[], url: string): FormattedCitation[] =>
    styles.map((s, i) => ({ ...s, referenceHtml: s.referenceHtml.replace(TITLE, () => title[i]!).replace(URL_SENTINEL, () => url) }));

  const templateFor = (item: CslItem): Template => {
    const key = shapeKey(item);
    let template = templates.get(key);
    if (template) return template;
    const probe = { ...item, id: 'probe', 'citation-key': 'probe', title: TITLE, URL: URL_SENTINEL };
    const styles = format(probe);
    const holds = styles.every(
      (s) =>
        once(s.referenceHtml, TITLE) &&
        once(s.referenceHtml, URL_SENTINEL) &&
        !s.paragraphCitation.includes(TITLE) &&
        !s.paragraphCitation.includes('zqx'),
    );
    template = { styles: holds ? styles : undefined };
    if (holds) {
      // The URL as citeproc prints it: this shape's first real address must come out verbatim.
      const withUrl = format({ ...probe, URL: item.URL });
      const verbatim = withUrl.every((s, i) => s.referenceHtml === styles[i]!.referenceHtml.replace(URL_SENTINEL, () => item.URL));
      if (!verbatim) template = { styles: undefined };
    }
    templates.set(key, template);
    return template;
  };

  const titleFor = (item: CslItem, template: FormattedCitation[]): string[] | undefined => {
    // Type and language too: citeproc cases an English title, say, as it would not another.
    const key = `${item.type}\u0000${item.language}\u0000${item.title}`;
    if (titles.has(key)) return titles.get(key);
    const real = format({ ...item, id: 'probe', 'citation-key': 'probe', URL: URL_SENTINEL });
    const rendered: string[] = [];
    for (const [i, s] of template.entries()) {
      const [before, after] = s.referenceHtml.split(TITLE) as [string, string];
      const got = real[i]!;
      const fits =
        got.paragraphCitation === s.paragraphCitation &&
        got.showsAccessDate === s.showsAccessDate &&
        got.referenceHtml.length > before.length + after.length &&
        got.referenceHtml.startsWith(before) &&
        got.referenceHtml.endsWith(after);
      if (!fits) {
        titles.set(key, undefined);
        return undefined;
      }
      rendered.push(got.referenceHtml.slice(before.length, got.referenceHtml.length - after.length));
    }
    titles.set(key, rendered);
    return rendered;
  };

  return (item) => {
    if (!PLAIN_TITLE.test(item.title) || !PLAIN_URL.test(item.URL)) return format(item);
    const template = templateFor(item).styles;
    const title = template && titleFor(item, template);
    return template && title ? fill(template, title, item.URL) : format(item);
  };
}
