import { expect, type Locator, type Page } from '@playwright/test';

/** One page of each kind the site has, as paths relative to the site's base. */
export const PAGE_TYPES = {
  home: './',
  edition: '2026/',
  chapter: '2026/kazakhstan/',
  section: '2026/kazakhstan/education/',
  about: '2026/about/',
  corrections: '2026/corrections/',
  'country in every edition': 'countries/kazakhstan/',
  'section history': 'countries/kazakhstan/education/',
  compare: 'countries/kazakhstan/education/compare/',
  'theme index': '2026/themes/',
  'theme page': '2026/themes/freedom-of-association/',
  data: 'data/',
  bundle: 'bundle/?s=2026/kazakhstan/education,2026/kazakhstan/asylum',
  'not found': '2026/no-such-country/',
} as const;

/** Presses Tab until `target` has focus, as a keyboard user would; fails if it never does. */
export async function tabTo(page: Page, target: Locator, maxPresses = 120): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
  }
  await expect(target, `not reached with ${maxPresses} presses of Tab`).toBeFocused();
}
