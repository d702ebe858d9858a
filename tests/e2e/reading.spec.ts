import { expect, test } from '@playwright/test';
import { tabTo } from './helpers.ts';

test('keyboard alone: from the home page to a paragraph’s permalink', async ({ page }) => {
  await page.goto('./');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await page.keyboard.press('Tab');
  await expect(skip).toBeFocused();
  await tabTo(page, page.getByRole('link', { name: 'Kazakhstan', exact: true }).first());
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/2026\/kazakhstan\/$/);
  const permalink = page.getByRole('link', { name: 'Link to Freedom of association, paragraph 2' });
  await tabTo(page, permalink, 200);
  await expect(permalink).toBeVisible(); // shown on keyboard focus
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#freedom-of-association-2$/);
  await expect(page.getByText('Between February and March, members of the NGO Feminita')).toBeInViewport();
});

test('the contents mark the section being read', async ({ page }) => {
  await page.goto('2026/kazakhstan/');
  const contents = page.getByRole('navigation', { name: 'Themes in this chapter' });
  await page.getByRole('heading', { name: 'Human rights defenders' }).scrollIntoViewIfNeeded();
  await page.evaluate(() => document.getElementById('human-rights-defenders')?.scrollIntoView({ block: 'start' }));
  await expect(contents.getByRole('link', { name: 'Human rights defenders' })).toHaveAttribute('aria-current', 'location');
  await expect(contents.locator('[aria-current]')).toHaveCount(1);
  await page.evaluate(() => document.getElementById('education')?.scrollIntoView({ block: 'start' }));
  await expect(contents.getByRole('link', { name: 'Education' })).toHaveAttribute('aria-current', 'location');
  await expect(contents.getByRole('link', { name: 'Human rights defenders' })).not.toHaveAttribute('aria-current');
});

test('a deep link to a paragraph lands on it and marks it', async ({ page }) => {
  await page.goto('2026/kazakhstan/#human-rights-defenders-2');
  const paragraph = page.getByText('Between February and March, members of Feminita were subjected');
  await expect(paragraph).toBeInViewport();
  const box = await paragraph.boundingBox();
  expect(box?.y).toBeGreaterThanOrEqual(0);
  expect(box?.y).toBeLessThan(120);
  const background = await paragraph.evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(background).not.toBe('rgba(0, 0, 0, 0)');
});

test('“Copy link” puts the paragraph’s absolute URL on the clipboard and says so', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('2026/kazakhstan/');
  const section = page.getByRole('region', { name: 'Freedom of association' });
  await section.getByText('Between February and March, members of the NGO Feminita').hover();
  await section.getByRole('button', { name: 'Copy link to Freedom of association, paragraph 2' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    new URL('2026/kazakhstan/#freedom-of-association-2', baseURL).href,
  );
  await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toHaveCount(1);
});

test('“Cite this section” gives a ready citation with today’s date, and copies it', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('2026/kazakhstan/');
  // Citations name the site's public address (SITE_URL), the page's canonical URL.
  const canonical = (await page.locator('link[rel="canonical"]').getAttribute('href')) ?? '';
  const section = page.getByRole('region', { name: 'Human rights defenders' });
  await section.getByText('Cite this section').click();
  const today = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date());
  const url = new URL('#human-rights-defenders', canonical).href;
  // The plain-text citation: the one that ends with the section's URL and the date accessed.
  const plain = section.getByText(`${url} (accessed ${today}).`);
  await expect(plain).toContainText(`ILGA-Europe (2026). Annual Review of the Human Rights Situation`);
  await expect(plain).toContainText(`Kazakhstan: Human rights defenders. ${url} (accessed ${today}).`);
  await section.getByRole('button', { name: 'Copy citation (plain text)' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(`Kazakhstan: Human rights defenders. ${url}`);
});

test('the theme page shows Kazakhstan’s section and links back to the chapter', async ({ page }) => {
  await page.goto('2026/themes/');
  await expect(page.getByRole('listitem').filter({ hasText: 'Freedom of association' })).toContainText('1 country');
  await expect(page.getByRole('listitem').filter({ hasText: 'Asylum' })).toContainText('no country');
  await page.getByRole('link', { name: 'Freedom of association' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Freedom of association' })).toBeVisible();
  const kazakhstan = page.getByRole('region', { name: 'Kazakhstan' });
  await expect(kazakhstan).toContainText('members of the NGO Feminita faced administrative charges');
  await kazakhstan.getByRole('link', { name: 'Read in the Kazakhstan chapter' }).click();
  await expect(page).toHaveURL(/\/2026\/kazakhstan\/#freedom-of-association$/);
  await expect(page.getByRole('heading', { level: 2, name: 'Freedom of association' })).toBeInViewport();
});

test('the home page’s map and table lead to the chapter and its sections', async ({ page }) => {
  await page.goto('./');
  const map = page.getByRole('figure');
  await map.getByRole('link', { name: 'Kazakhstan' }).click();
  await expect(page).toHaveURL(/\/2026\/kazakhstan\/$/);
  await page.goBack();
  const table = page.getByRole('table');
  await expect(table.getByRole('columnheader')).toHaveCount(28); // "Country" and the 27 themes
  await table.getByRole('link', { name: 'Kazakhstan: Legal gender recognition' }).click();
  await expect(page).toHaveURL(/\/2026\/kazakhstan\/#legal-gender-recognition$/);
});

test('the theme switch follows the system, remembers the choice, and applies it before paint', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('2026/kazakhstan/');
  const toggle = page.getByRole('button', { name: 'Dark theme' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  const lightBackground = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  const darkBackground = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  expect(darkBackground).not.toBe(lightBackground);
  // On the next page, the choice is in place when the first stylesheet applies: no flash.
  await page.goto('2026/themes/', { waitUntil: 'commit' });
  await page.waitForFunction(() => document.body !== null);
  expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
  await page.waitForLoadState('load');
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe(darkBackground);
  expect(await page.context().cookies()).toEqual([]);
});

test('pages fit a 320-pixel-wide phone without scrolling sideways', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  for (const path of ['./', '2026/kazakhstan/', '2026/themes/', '2026/themes/human-rights-defenders/']) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
  // On a phone the contents are folded above the text, one tap away.
  await page.goto('2026/kazakhstan/');
  const contents = page.getByRole('navigation', { name: 'Themes in this chapter' });
  await expect(contents).toBeHidden();
  await page.getByText('Themes in this chapter').first().click(); // the folded contents' summary
  await contents.getByRole('link', { name: 'Legal gender recognition' }).click();
  await expect(page.getByRole('heading', { name: 'Legal gender recognition' })).toBeInViewport();
});
