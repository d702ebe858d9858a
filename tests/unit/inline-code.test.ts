import { describe, expect, it } from 'vitest';
import { COLOR_THEMES, THEME_STORAGE_KEY } from '../../src/lib/constants.ts';
import { THEME_INIT_SCRIPT } from '../../src/lib/inline-code.ts';

/** Runs the inline script against a stand-in <html> and localStorage; returns what it set. */
function runThemeInit(stored: Record<string, string>): { theme: string | undefined; classes: string[] } {
  const classes: string[] = [];
  const dataset: Record<string, string> = {};
  const document = { documentElement: { classList: { add: (name: string) => classes.push(name) }, dataset } };
  const localStorage = { getItem: (key: string) => stored[key] ?? null };
  new Function('document', 'localStorage', THEME_INIT_SCRIPT)(document, localStorage);
  return { theme: dataset['theme'], classes };
}

describe('the inline theme script', () => {
  it('applies the theme <theme-switch> saved, under the shared storage key', () => {
    for (const theme of COLOR_THEMES) {
      expect(runThemeInit({ [THEME_STORAGE_KEY]: theme })).toEqual({ theme, classes: ['js'] });
    }
  });

  it('ignores anything else found in storage, and any other key', () => {
    expect(runThemeInit({ [THEME_STORAGE_KEY]: 'sepia' }).theme).toBeUndefined();
    expect(runThemeInit({ theme: 'dark' }).theme).toBeUndefined();
  });
});
