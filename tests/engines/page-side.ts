/**
 * Code the engine suites run inside the page. Each function is sent to the browser as its source
 * text (puppeteer's evaluate, WebDriver's Execute Script), so it must be self-contained: no import,
 * no helper outside its own body.
 */

/** What to find: an element with this role and accessible name, optionally inside another. */
export interface Target {
  role: string;
  name: string | RegExp;
  within?: Target;
}

/** A Target as it crosses into the page (a RegExp does not survive JSON). */
export interface SentTarget {
  role: string;
  name: { text: string } | { source: string; flags: string };
  within?: SentTarget;
}

export function sendTarget(target: Target): SentTarget {
  const name = typeof target.name === 'string' ? { text: target.name } : { source: target.name.source, flags: target.name.flags };
  return target.within ? { role: target.role, name, within: sendTarget(target.within) } : { role: target.role, name };
}

/** How a target is named in a failure message. */
export function describeTarget(target: Target): string {
  const own = `${target.role} "${typeof target.name === 'string' ? target.name : String(target.name)}"`;
  return target.within ? `${own} in ${describeTarget(target.within)}` : own;
}

/**
 * The first rendered element with the target's role and accessible name, or null. Roles and names
 * follow HTML-AAM and accname for the markup this site uses (an explicit role; the implicit roles
 * of links, buttons, headings, landmarks, lists and fields; names from aria-labelledby,
 * aria-label, a field's label, then the text), the way Testing Library and Playwright find
 * elements. WebKit's suite checks each element found against the engine's own computed role and
 * name (webkit.ts).
 */
export function findByRole(target: SentTarget): Element | null {
  const implicit: Record<string, string> = {
    a: 'link',
    button: 'button',
    nav: 'navigation',
    main: 'main',
    header: 'banner',
    footer: 'contentinfo',
    ul: 'list',
    ol: 'list',
    li: 'listitem',
    h1: 'heading',
    h2: 'heading',
    h3: 'heading',
    h4: 'heading',
    article: 'article',
    form: 'form',
    section: 'region',
  };
  const collapse = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
  const roleOf = (el: Element): string => {
    const explicit = el.getAttribute('role')?.trim().split(/\s+/)[0];
    if (explicit) return explicit;
    if (el.localName === 'a') return el.hasAttribute('href') ? 'link' : '';
    if (el.localName === 'input') {
      const type = (el.getAttribute('type') ?? 'text').toLowerCase();
      return type === 'search' ? 'searchbox' : ['button', 'submit', 'reset'].includes(type) ? 'button' : 'textbox';
    }
    return implicit[el.localName] ?? '';
  };
  const nameOf = (el: Element): string => {
    const labelledBy = el.getAttribute('aria-labelledby');
    if (labelledBy) {
      return collapse(
        labelledBy
          .split(/\s+/)
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' '),
      );
    }
    const label = el.getAttribute('aria-label');
    if (label) return collapse(label);
    if (el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement) {
      return collapse([...(el.labels ?? [])].map((l) => l.textContent).join(' '));
    }
    return collapse(el.textContent);
  };
  const matches = (name: SentTarget['name'], text: string) =>
    'text' in name ? text === name.text : new RegExp(name.source, name.flags).test(text);
  const rendered = (el: Element) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const find = (t: SentTarget, scope: ParentNode): Element | null =>
    [...scope.querySelectorAll('*')].find((el) => roleOf(el) === t.role && rendered(el) && matches(t.name, nameOf(el))) ?? null;
  if (!target.within) return find(target, document);
  const scope = findByRole(target.within);
  return scope ? find({ role: target.role, name: target.name }, scope) : null;
}

/**
 * For WebKit, whose WebDriver cannot see a page's console: records console errors and warnings,
 * uncaught errors and rejected promises from now on, then takes every custom element out of the
 * page and puts it back in the same place, so that each element starts again under the watcher
 * (the base of src/elements/ starts an element each time it enters the page, and reports a
 * missing part on the console). Returns nothing; read the record with `troublesSeen`.
 */
export function watchForTrouble(): void {
  const record: string[] = [];
  (window as unknown as { __engineTroubles: string[] }).__engineTroubles = record;
  for (const level of ['error', 'warn'] as const) {
    const original = console[level].bind(console);
    console[level] = (...args: unknown[]) => {
      record.push(`console.${level}: ${args.map(String).join(' ')}`);
      original(...args);
    };
  }
  addEventListener('error', (event) => record.push(`uncaught: ${event.message}`));
  addEventListener('unhandledrejection', (event) => record.push(`unhandled rejection: ${String(event.reason)}`));
  for (const element of document.querySelectorAll('*')) {
    if (element.localName.includes('-') && element.isConnected) element.parentNode?.insertBefore(element, element.nextSibling);
  }
}

/** What `watchForTrouble` has recorded on this page. */
export function troublesSeen(): string[] {
  return (window as unknown as { __engineTroubles?: string[] }).__engineTroubles ?? [];
}

/** The custom elements on the page that no script defined (their module did not run, or threw). */
export function undefinedElements(): string[] {
  const names = new Set([...document.querySelectorAll('*')].map((el) => el.localName).filter((name) => name.includes('-')));
  return [...names].filter((name) => !customElements.get(name));
}

/**
 * Lays the page out as for print, for an engine whose driver can neither print nor emulate print
 * media (WebKitGTK): every media query of the site's stylesheets is rewritten so that `print`
 * holds and `screen` does not, and print-only stylesheets apply. Then the text a printout would
 * show is the page's rendered text. (@page rules, margins and page breaks are not exercised.)
 */
export function layOutForPrint(): void {
  const rewrite = (media: MediaList) => {
    const text = media.mediaText;
    const printed = text.replace(/\bprint\b/g, 'all').replace(/\bscreen\b/g, 'not all');
    if (printed !== text) media.mediaText = printed;
  };
  const visit = (rules: CSSRuleList) => {
    for (const rule of rules) {
      if (rule instanceof CSSMediaRule) rewrite(rule.media);
      if ('cssRules' in rule) visit((rule as CSSGroupingRule).cssRules);
    }
  };
  for (const sheet of document.styleSheets) {
    rewrite(sheet.media);
    visit(sheet.cssRules);
  }
}
