import { expect, test } from '@playwright/test';

test.use({ javaScriptEnabled: false });

test('without JavaScript the chapter reads and navigates completely', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('link', { name: 'Kazakhstan', exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kazakhstan' })).toBeVisible();
  await expect(page.getByRole('article').getByRole('region')).toHaveCount(10);
  await expect(page.getByText('On 21 and 22 November, further incidents targeted human rights defenders')).toBeAttached();
  const contents = page.getByRole('navigation', { name: 'Themes in this chapter' });
  await contents.getByRole('link', { name: 'Institutional support' }).click();
  await expect(page.getByRole('heading', { name: 'Institutional support' })).toBeInViewport();
  // Controls that need scripts are absent rather than broken; permalinks and citations remain.
  await expect(page.getByRole('button', { name: 'Dark theme' })).toBeHidden();
  await expect(page.getByRole('button', { name: /^Copy link/ })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Link to Institutional support, paragraph 1' })).toBeAttached();
  const section = page.getByRole('region', { name: 'Institutional support' });
  await section.getByText('Cite this section').click();
  await expect(section.getByText('(accessed [date accessed])').first()).toBeVisible();
  await page.getByRole('link', { name: 'Themes', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Themes' })).toBeVisible();
});

test('without JavaScript the bundle page explains itself and leads to the theme pages and chapters', async ({ page }) => {
  await page.goto('bundle/');
  await expect(page.getByRole('heading', { level: 1, name: 'Build a bundle' })).toBeVisible();
  await expect(page.getByText('Building a bundle needs JavaScript.')).toBeVisible();
  await expect(page.getByRole('checkbox')).toHaveCount(0);
  await page.getByRole('main').getByRole('link', { name: 'Kazakhstan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kazakhstan' })).toBeVisible();
});
