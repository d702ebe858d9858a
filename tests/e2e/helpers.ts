import { expect, type Locator, type Page } from '@playwright/test';

export { PAGE_TYPES } from '../support/page-types.ts';

/** Presses Tab until `target` has focus, as a keyboard user would; fails if it never does. */
export async function tabTo(page: Page, target: Locator, maxPresses = 120): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
  }
  await expect(target, `not reached with ${maxPresses} presses of Tab`).toBeFocused();
}
