import { expect, test } from '@playwright/test';

// Run by the 'subpath' project (its testMatch takes every *subpath.spec.ts): the site built with
// BASE_PATH=/reports/ and served under it.

test('under a sub-path, search finds, links and highlights within it', async ({ page }) => {
  const outside: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!url.pathname.startsWith('/reports/')) outside.push(url.pathname);
  });
  await page.goto('search/?q=Feminita');
  const results = page.getByRole('list', { name: 'Results' });
  const association = results.getByRole('link', { name: 'Kazakhstan: Freedom of association' });
  await expect(association).toHaveAttribute('href', '/reports/2026/kazakhstan/?highlight=Feminita#freedom-of-association');
  await association.click();
  await expect(page).toHaveURL('/reports/2026/kazakhstan/?highlight=Feminita#freedom-of-association');
  await expect(
    page.getByRole('region', { name: 'Freedom of association' }).locator('mark', { hasText: 'Feminita' }).first(),
  ).toBeInViewport();

  // The header's list links under the sub-path too, and its "see all" leads to /reports/search/.
  await page.keyboard.press('/');
  await page.keyboard.type('Mazhilis');
  await expect(page.getByRole('option').first()).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL('/reports/search/?q=Mazhilis');
  await expect(page.getByRole('main').getByRole('status')).toHaveText('5 results for “Mazhilis”.');
  expect(outside).toEqual([]);
});
