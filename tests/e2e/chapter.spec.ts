import { expect, test } from '@playwright/test';

const TEN_THEMES = [
  'Bias-motivated speech',
  'Data collection',
  'Education',
  'Equality and non-discrimination',
  'Freedom of association',
  'Freedom of expression',
  'Human rights defenders',
  'Institutional support',
  'Legal gender recognition',
  'Participation in public, cultural and political life',
];

test('the home page lists Kazakhstan and leads to its chapter', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Annual Review of the Human Rights Situation');
  await expect(page.getByRole('heading', { name: 'Central Asia', exact: true })).toBeVisible();
  await page.getByRole('region', { name: 'Central Asia' }).getByRole('link', { name: 'Kazakhstan' }).click();
  await expect(page).toHaveURL(/\/2026\/kazakhstan\/$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Kazakhstan' })).toBeVisible();
});

test('the chapter shows its ten themes in the vocabulary order', async ({ page }) => {
  await page.goto('2026/kazakhstan/');
  const sections = page.getByRole('article').getByRole('region');
  await expect(sections).toHaveCount(10);
  const headings = page.getByRole('article').getByRole('heading', { level: 2 }).filter({ hasNotText: 'Themes in this chapter' });
  await expect(headings).toHaveText(TEN_THEMES);
  const contents = page.getByRole('navigation', { name: 'Themes in this chapter' }).getByRole('link');
  await expect(contents).toHaveText(TEN_THEMES);
});

test('a deep link to a section scrolls it into view', async ({ page }) => {
  await page.goto('2026/kazakhstan/#human-rights-defenders');
  const heading = page.getByRole('heading', { name: 'Human rights defenders' });
  await expect(heading).toBeInViewport();
  await expect(page.getByRole('heading', { name: 'Bias-motivated speech' })).not.toBeInViewport();
});

test('a cross-reference leads to the other section', async ({ page }) => {
  await page.goto('2026/kazakhstan/');
  await page.getByRole('region', { name: 'Freedom of association' }).getByRole('link', { name: 'Human Rights Defenders' }).click();
  await expect(page).toHaveURL(/#human-rights-defenders$/);
  await expect(page.getByRole('heading', { name: 'Human rights defenders' })).toBeInViewport();
});

test('/kazakhstan/ redirects to the newest edition’s chapter', async ({ page }) => {
  await page.goto('kazakhstan/');
  await expect(page).toHaveURL(/\/2026\/kazakhstan\/$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Kazakhstan' })).toBeVisible();
});

test('an unknown address shows the not-found page', async ({ page }) => {
  const response = await page.goto('2026/atlantis/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Go to the list of countries' }).click();
  await expect(page.getByRole('region', { name: 'Central Asia' }).getByRole('link', { name: 'Kazakhstan' })).toBeVisible();
});

test('the contents mark the last section once it is chosen, though it cannot reach the top of the window', async ({ page }) => {
  // A tall window: the last two sections fit below its upper part, where a section counts as read.
  await page.setViewportSize({ width: 1280, height: 1400 });
  await page.goto('2026/kazakhstan/');
  const contents = page.getByRole('navigation', { name: 'Themes in this chapter' });
  const last = contents.getByRole('link', { name: 'Participation in public, cultural and political life' });
  await last.click();
  await expect(last).toHaveAttribute('aria-current', 'location');
  await expect(contents.locator('[aria-current]')).toHaveCount(1);
});
