import { expect, test } from '@playwright/test';

// This project's baseURL is /reports/: the site built with BASE_PATH=/reports/.

test('under a sub-path, every link and stylesheet stays under it', async ({ page }) => {
  const outside: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!url.pathname.startsWith('/reports/')) outside.push(url.pathname);
  });
  await page.goto('./');
  await page.getByRole('region', { name: 'Central Asia' }).getByRole('link', { name: 'Kazakhstan' }).click();
  await expect(page).toHaveURL('/reports/2026/kazakhstan/');
  await expect(page.getByRole('heading', { level: 1, name: 'Kazakhstan' })).toBeVisible();
  // The stylesheets applied: the header has its background.
  await expect(page.getByRole('banner')).not.toHaveCSS('background-color', 'rgba(0, 0, 0, 0)');
  await page.getByRole('navigation', { name: 'Breadcrumbs' }).getByRole('link', { name: 'Annual Review 2026' }).click();
  await expect(page).toHaveURL('/reports/2026/');
  expect(outside).toEqual([]);
});

test('under a sub-path, deep links, cross-references and the redirect work', async ({ page }) => {
  await page.goto('2026/kazakhstan/#freedom-of-association');
  await expect(page.getByRole('heading', { name: 'Freedom of association' })).toBeInViewport();
  await page.getByRole('link', { name: 'Human Rights Defenders', exact: true }).click();
  await expect(page).toHaveURL('/reports/2026/kazakhstan/#human-rights-defenders');
  await page.goto('kazakhstan/');
  await expect(page).toHaveURL('/reports/2026/kazakhstan/');
});
