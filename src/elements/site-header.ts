import { ReportElement } from './base.ts';

/**
 * <site-header>: on phones, turns the Search link into a button that opens the header's search
 * field as a panel under the row (and puts the cursor in it), and closes the menu and the panel
 * with Escape or a tap elsewhere. Without scripts, Search stays a link to the search page and the
 * menu a plain <details>.
 */
class SiteHeader extends ReportElement {
  protected connect(signal: AbortSignal): void {
    const menu = this.requirePart('details.site-menu', HTMLDetailsElement);
    // The search page has its own field, and no Search control in the header.
    const link = this.querySelector<HTMLAnchorElement>('a.search-toggle');
    if (link) {
      const button = this.requirePart('button.search-toggle', HTMLButtonElement);
      const panel = this.requirePart('.header-search');
      const input = this.requirePart('.header-search input[type="search"]', HTMLInputElement);
      link.hidden = true;
      button.hidden = false;
      const setOpen = (open: boolean) => {
        this.toggleAttribute('data-search-open', open);
        button.setAttribute('aria-expanded', String(open));
        if (open) {
          menu.open = false;
          input.focus();
        }
      };
      button.addEventListener('click', () => setOpen(!this.hasAttribute('data-search-open')), { signal });
      panel.addEventListener(
        'keydown',
        (event) => {
          // The combobox closes its list on the first Escape; with no list open, Escape closes the panel.
          if (event.key === 'Escape' && !panel.querySelector('[data-popup]:not([hidden])') && this.hasAttribute('data-search-open')) {
            setOpen(false);
            button.focus();
          }
        },
        { signal },
      );
      menu.addEventListener('toggle', () => menu.open && setOpen(false), { signal });
    }

    document.addEventListener(
      'keydown',
      (event) => {
        if (event.key === 'Escape' && menu.open) {
          menu.open = false;
          menu.querySelector('summary')?.focus();
        }
      },
      { signal },
    );
    document.addEventListener(
      'click',
      (event) => {
        if (menu.open && !menu.contains(event.target as Node)) menu.open = false;
      },
      { signal },
    );
  }
}

SiteHeader.define('site-header');
