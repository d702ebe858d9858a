/**
 * <theme-switch>: a toggle button between light and dark. The choice is kept in localStorage (not
 * a cookie: nothing leaves the reader's browser) and applied before first paint by ThemeInit.
 */
import { COLOR_THEMES, type ColorTheme, THEME_STORAGE_KEY } from '../lib/constants.ts';
import { ReportElement } from './base.ts';

function currentTheme(): ColorTheme {
  const chosen = COLOR_THEMES.find((theme) => theme === document.documentElement.dataset['theme']);
  return chosen ?? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
}

class ThemeSwitch extends ReportElement {
  protected connect(signal: AbortSignal): void {
    const button = this.requirePart('button', HTMLButtonElement);
    const show = () => button.setAttribute('aria-pressed', String(currentTheme() === 'dark'));
    show();
    button.addEventListener(
      'click',
      () => {
        const next: ColorTheme = currentTheme() === 'dark' ? 'light' : 'dark';
        document.documentElement.dataset['theme'] = next;
        try {
          localStorage.setItem(THEME_STORAGE_KEY, next);
        } catch {
          // Storage may be disabled (private mode, strict settings): the choice lasts for this page.
        }
        show();
      },
      { signal },
    );
    matchMedia('(prefers-color-scheme: dark)').addEventListener('change', show, { signal });
  }
}

ThemeSwitch.define('theme-switch');
