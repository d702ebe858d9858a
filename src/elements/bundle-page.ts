import { type AssembledSection, fetchSections } from '../bundle/assemble.ts';
import { type BundleSection, parseSelection, selectionParam } from '../bundle/selection.ts';
import { storedKeys, storeKeys } from '../bundle/storage.ts';
import { formatAccessDate } from '../citation/plain-text.ts';
import { ReportElement, setting } from './base.ts';

const isNumber = (value: unknown): value is number => typeof value === 'number';

/**
 * <bundle-page>: the bundle builder. Without `?s=` it offers the choice (edition, countries,
 * themes, the sections "Add to bundle" collected) and the selection in order, which the reader can
 * reorder; with `?s=` it assembles the bundle from the sections' pages. The address always holds
 * the selection, so a bundle can be shared and reopened.
 */
class BundlePage extends ReportElement {
  #known = new Map<string, BundleSection>();
  #order: string[] = [];

  protected connect(signal: AbortSignal): void {
    // `site`: the public address (SITE_URL), which a printed bundle names, wherever it was assembled.
    const {
      sections: sectionsUrl,
      max,
      site,
    } = this.settings({ sections: setting.text(), max: setting.json(500, isNumber), site: setting.text() });
    const form = this.requirePart('form[data-choice]', HTMLFormElement);
    const edition = this.requirePart('select[data-edition]', HTMLSelectElement);
    const list = this.requirePart('[data-selection]', HTMLOListElement);
    const count = this.requirePart('[data-selection-count]');
    const problems = this.requirePart('[data-problems]');
    const bundle = this.requirePart('[data-bundle]');
    void max;

    void (async () => {
      try {
        const response = await fetch(sectionsUrl);
        const all = (await response.json()) as BundleSection[];
        this.#known = new Map(all.map((s) => [s.key, s]));
      } catch {
        problems.hidden = false;
        problems.textContent = 'The list of sections could not be loaded. Reload the page to try again.';
        return;
      }
      const s = new URLSearchParams(location.search).get('s');
      if (s !== null) {
        const selection = parseSelection(s, this.#known);
        this.#order = selection.sections.map((x) => x.key);
        this.#showProblems(problems, selection.problems);
        await this.#assemble(bundle, selection.sections, site);
      } else {
        this.#order = storedKeys().filter((k) => this.#known.has(k));
        form.hidden = false;
        this.#renderSelection(list, count);
      }
    })();

    const picker = () => this.querySelector<HTMLElement>(`[data-picker="${edition.value}"]`);
    edition.addEventListener(
      'change',
      () => {
        for (const p of this.querySelectorAll<HTMLElement>('[data-picker]')) p.hidden = p !== picker();
      },
      { signal },
    );
    form.addEventListener(
      'change',
      (event) => {
        if (!(event.target instanceof HTMLInputElement)) return;
        this.#fromChoice(picker(), edition.value);
        this.#renderSelection(list, count);
      },
      { signal },
    );
    form.addEventListener(
      'click',
      (event) => {
        const target = event.target instanceof Element ? event.target.closest('button') : null;
        if (!target) return;
        const all = target.dataset['all'];
        if (all) {
          for (const box of picker()?.querySelectorAll<HTMLInputElement>(`input[name="${all}"]`) ?? []) box.checked = true;
          this.#fromChoice(picker(), edition.value);
          this.#renderSelection(list, count);
        }
        const move = target.dataset['move'];
        const key = target.closest('li')?.dataset['key'];
        if (target.dataset['remove'] !== undefined && key) {
          this.#order = this.#order.filter((k) => k !== key);
          storeKeys(storedKeys().filter((k) => k !== key));
          this.#renderSelection(list, count);
          list.querySelector<HTMLButtonElement>('button')?.focus();
          return;
        }
        if (move && key) {
          const at = this.#order.indexOf(key);
          const to = move === 'up' ? at - 1 : at + 1;
          if (to >= 0 && to < this.#order.length) {
            [this.#order[at], this.#order[to]] = [this.#order[to]!, this.#order[at]!];
            this.#renderSelection(list, count);
            list.querySelector<HTMLButtonElement>(`li[data-key="${CSS.escape(key)}"] button[data-move="${move}"]`)?.focus();
          }
        }
      },
      { signal },
    );
    form.addEventListener(
      'submit',
      (event) => {
        event.preventDefault();
        if (this.#order.length === 0) return;
        const url = new URL(location.href);
        url.search = `?s=${selectionParam(this.#order.map((key) => ({ key })))}`;
        location.assign(url);
      },
      { signal },
    );
  }

  /** Every chosen country × chosen theme that has a section, keeping the order of those already chosen. */
  #fromChoice(picker: HTMLElement | null, edition: string): void {
    const checked = (name: string) =>
      [...(picker?.querySelectorAll<HTMLInputElement>(`input[name="${name}"]:checked`) ?? [])].map((b) => b.value);
    const countries = checked('country');
    const themes = checked('theme');
    const chosen = countries.flatMap((c) => themes.map((t) => `${edition}/${c}/${t}`)).filter((k) => this.#known.has(k));
    // Sections added with "Add to bundle" stay until removed, as do those of other editions.
    const added = new Set(storedKeys());
    const kept = this.#order.filter((k) => chosen.includes(k) || added.has(k) || !k.startsWith(`${edition}/`));
    this.#order = [...kept, ...chosen.filter((k) => !kept.includes(k))];
  }

  #renderSelection(list: HTMLOListElement, count: HTMLElement): void {
    list.replaceChildren(
      ...this.#order.map((key, i) => {
        const section = this.#known.get(key)!;
        const item = document.createElement('li');
        item.dataset['key'] = key;
        const name = `${section.countryName}: ${section.themeLabel} (${section.edition})`;
        item.append(name);
        for (const [move, label] of [
          ['up', 'Move up'],
          ['down', 'Move down'],
        ] as const) {
          const button = document.createElement('button');
          button.type = 'button';
          button.dataset['move'] = move;
          button.textContent = label;
          button.setAttribute('aria-label', `${label}: ${name}`);
          button.disabled = (move === 'up' && i === 0) || (move === 'down' && i === this.#order.length - 1);
          item.append(button);
        }
        const remove = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Remove' });
        remove.dataset['remove'] = '';
        remove.setAttribute('aria-label', `Remove: ${name}`);
        item.append(remove);
        return item;
      }),
    );
    const n = this.#order.length;
    count.textContent = n === 0 ? 'No section chosen yet.' : `${n} ${n === 1 ? 'section' : 'sections'}, in this order:`;
  }

  #showProblems(box: HTMLElement, problems: readonly string[]): void {
    box.hidden = problems.length === 0;
    const list = document.createElement('ul');
    list.append(...problems.map((p) => Object.assign(document.createElement('li'), { textContent: p })));
    box.replaceChildren(Object.assign(document.createElement('p'), { textContent: 'Some of this bundle could not be shown:' }), list);
  }

  async #assemble(bundle: HTMLElement, sections: readonly BundleSection[], site: string): Promise<void> {
    if (sections.length === 0) return;
    bundle.hidden = false;
    this.querySelector<HTMLElement>('[data-intro]')!.hidden = true;
    const status = Object.assign(document.createElement('p'), { role: 'status' });
    status.setAttribute('role', 'status');
    bundle.replaceChildren(status);
    const assembled = await fetchSections(sections, site, (done) => {
      status.textContent = `Assembling the bundle: ${done} of ${sections.length} sections…`;
    });
    bundle.replaceChildren(
      ...titleBlock(sections, new URL(`bundle/${location.search}`, site).href),
      index(assembled),
      ...assembled.flatMap((a, i) => a.element ?? [missing(a, i)]),
      citations(assembled),
    );
    document.title = `Bundle of ${sections.length} ${sections.length === 1 ? 'section' : 'sections'} · ${document.title.split(' · ').at(-1)}`;
  }
}

function titleBlock(sections: readonly BundleSection[], address: string): HTMLElement[] {
  const countries = [...new Set(sections.map((s) => s.countryName))];
  const themes = [...new Set(sections.map((s) => s.themeLabel))];
  const editions = [...new Set(sections.map((s) => s.edition))];
  const header = document.createElement('header');
  header.className = 'bundle-title';
  const h1 = document.createElement('h1');
  h1.textContent = `Bundle: ${sections.length} ${sections.length === 1 ? 'section' : 'sections'}`;
  const what = Object.assign(document.createElement('p'), {
    textContent: `${countries.join(', ')} · ${themes.join(', ')} · ${editions.length === 1 ? 'edition' : 'editions'} ${editions.join(', ')}`,
  });
  const made = Object.assign(document.createElement('p'), { textContent: `Made on ${formatAccessDate(new Date())} from ${address}` });
  const edit = document.createElement('p');
  edit.className = 'no-print';
  const change = Object.assign(document.createElement('a'), { href: `${location.pathname}`, textContent: 'Build another bundle' });
  edit.append(change);
  header.append(h1, what, made, edit);
  return [header];
}

function index(assembled: readonly AssembledSection[]): HTMLElement {
  const nav = document.createElement('nav');
  nav.className = 'bundle-index';
  nav.setAttribute('aria-labelledby', 'bundle-index-heading');
  const h2 = Object.assign(document.createElement('h2'), { id: 'bundle-index-heading', textContent: 'Index' });
  const list = document.createElement('ol');
  assembled.forEach((a, i) => {
    const item = document.createElement('li');
    const link = Object.assign(document.createElement('a'), {
      href: `#bundle-${i + 1}`,
      textContent: `${a.section.countryName}: ${a.section.themeLabel} (${a.section.edition})`,
    });
    // Filled with the page the section starts on when the PDF job prints the bundle.
    const page = Object.assign(document.createElement('span'), { className: 'index-page' });
    page.dataset['target'] = `bundle-${i + 1}`;
    item.append(link, page);
    list.append(item);
  });
  nav.append(h2, list);
  return nav;
}

function missing(a: AssembledSection, i: number): HTMLElement {
  const p = document.createElement('p');
  p.id = `bundle-${i + 1}`;
  p.textContent = `${a.section.countryName}: ${a.section.themeLabel} (${a.section.edition}) could not be loaded. Reload the page to try again.`;
  return p;
}

function citations(assembled: readonly AssembledSection[]): HTMLElement {
  const section = document.createElement('section');
  section.className = 'bundle-citations';
  section.setAttribute('aria-labelledby', 'bundle-citations-heading');
  const h2 = Object.assign(document.createElement('h2'), { id: 'bundle-citations-heading', textContent: 'Citations' });
  const list = document.createElement('ol');
  const today = formatAccessDate(new Date());
  for (const a of assembled) {
    if (a.citation) list.append(Object.assign(document.createElement('li'), { textContent: a.citation.replace('[date accessed]', today) }));
  }
  section.append(h2, list);
  return section;
}

BundlePage.define('bundle-page');
