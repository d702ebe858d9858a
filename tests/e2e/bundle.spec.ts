import { expect, test } from '@playwright/test';

test('“Add to bundle” on a chapter, then the bundle: the section with its numbers and citation', async ({ page }) => {
  await page.goto('2026/kazakhstan/');
  const add = page.getByRole('button', { name: /Add to bundle.*Kazakhstan, Freedom of association/ });
  await add.click();
  await expect(add).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('status').filter({ hasText: 'Added to the bundle: 1 section' })).toHaveCount(1);
  await page.getByRole('contentinfo').getByRole('link', { name: 'Build a bundle of sections' }).click();
  const selection = page.getByRole('list', { name: 'Your selection' }).getByRole('listitem');
  await expect(selection).toHaveText([/Kazakhstan: Freedom of association \(2026\)/]);
  await page.getByRole('button', { name: 'Open the bundle' }).click();
  await expect(page).toHaveURL(/bundle\/\?s=2026\/kazakhstan\/freedom-of-association$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Bundle: 1 section' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Link to Freedom of association, paragraph 2' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Citations' }).getByRole('listitem')).toHaveText([
    /Kazakhstan: Freedom of association\. .* \(accessed \d+ \w+ \d{4}\)\.$/,
  ]);
  // No cookie, and the choice never left the browser: only same-origin requests.
  expect(await page.context().cookies()).toEqual([]);
});
