/**
 * <theme-switch>: a toggle button between light and dark. The choice is kept in localStorage (not
 * a cookie: nothing leaves the reader's browser) and applied before first paint by ThemeInit.
 */
export const THEME_KEY = 'report-theme';

type Theme = 'light' | 'dark';

function currentTheme(): Theme {
  const chosen = document.documentElement.dataset['theme'];
  if (chosen === 'light' || chosen === 'dark') return chosen;
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

class ThemeSwitch extends HTMLElement {
  connectedCallback(): void {
    const button = this.querySelector('button');
    if (!button) return;
    const show = () => button.setAttribute('aria-pressed', String(currentTheme() === 'dark'));
    show();
    button.addEventListener('click', () => {
      const next: Theme = currentTheme() === 'dark' ? 'light' : 'dark';
      document.documentElement.dataset['theme'] = next;
      try {
        localStorage.setItem(THEME_KEY, next);
      } catch {
        // Storage may be disabled (private mode, strict settings): the choice lasts for this page.
      }
      show();
    });
    matchMedia('(prefers-color-scheme: dark)').addEventListener('change', show);
  }
}

if (!customElements.get('theme-switch')) customElements.define('theme-switch', ThemeSwitch);
