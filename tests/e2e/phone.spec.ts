/**
 * Phone first: the header is one short row, the chapter's text starts on the first screen, search
 * and contents are one tap away, by touch and by keyboard, with and without JavaScript.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';

const SIZES = [
  { width: 320, height: 640, firstParagraphBy: 280 },
  { width: 390, height: 844, firstParagraphBy: 300 },
  { width: 768, height: 1024, firstParagraphBy: undefined },
] as const;

async function noSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
}

for (const size of SIZES) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test.describe(`${size.width} × ${size.height}, ${colorScheme}`, () => {
      test.use({ viewport: { width: size.width, height: size.height }, hasTouch: true, colorScheme });

      test('the header is one row of at most 64 px, and the chapter’s text starts on the first screen', async ({ page }) => {
        await page.goto('2026/kazakhstan/');
        const header = await page.getByRole('banner').boundingBox();
        expect(header!.height).toBeLessThanOrEqual(64);
        const contents = await page.getByText('Themes in this chapter', { exact: true }).first().boundingBox();
        const first = await page.getByRole('link', { name: 'Link to Bias-motivated speech, paragraph 1' }).boundingBox();
        if (size.firstParagraphBy) expect(first!.y).toBeLessThanOrEqual(size.firstParagraphBy);
        // Title, edition line and contents come before the text.
        const title = await page.getByRole('heading', { level: 1, name: 'Kazakhstan' }).boundingBox();
        expect(title!.y).toBeLessThan(contents!.y);
        expect(contents!.y).toBeLessThan(first!.y);
        await noSidewaysScroll(page);
      });

      test('axe finds no WCAG 2.2 AA violation on the chapter and the home page, menu open', async ({ page }) => {
        for (const path of ['2026/kazakhstan/', './']) {
          await page.goto(path);
          if (size.width < 700) await page.getByText('Menu', { exact: true }).tap();
          const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
          expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
          await noSidewaysScroll(page);
        }
      });
    });
  }
}

test.describe('on a 390 × 844 phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

  test('header controls are at least 44 × 44 px and apart; the theme switch says which theme is on', async ({ page }) => {
    await page.goto('2026/kazakhstan/');
    const search = page.getByRole('banner').getByRole('button', { name: 'Search the reports' });
    const menu = page.getByRole('banner').getByText('Menu', { exact: true });
    const [a, b] = [await search.boundingBox(), await menu.boundingBox()];
    for (const box of [a!, b!]) {
      expect(box.width).toBeGreaterThanOrEqual(44);
      expect(box.height).toBeGreaterThanOrEqual(44);
    }
    expect(b!.x - (a!.x + a!.width)).toBeGreaterThanOrEqual(4);
    await menu.tap();
    const theme = page.getByRole('button', { name: 'Dark theme' });
    await expect(theme).toHaveAttribute('aria-pressed', 'false');
    await theme.tap();
    await expect(theme).toHaveAttribute('aria-pressed', 'true');
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
  });

  test('search by touch: open the panel, type, choose a result, and close it again', async ({ page }) => {
    await page.goto('2026/kazakhstan/');
    const toggle = page.getByRole('banner').getByRole('button', { name: 'Search the reports' });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await toggle.tap();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const field = page.getByRole('combobox', { name: 'Search the reports' });
    await expect(field).toBeFocused();
    const box = await field.boundingBox();
    expect(box!.width).toBeGreaterThan(250); // a full-width panel
    await toggle.tap();
    await expect(field).toBeHidden();
    await toggle.tap();
    await field.fill('Feminita');
    const option = page.getByRole('option').filter({ hasText: 'Freedom of association' }).first();
    await expect(option).toBeVisible();
    // The whole result is on screen: no letters cut at the left edge.
    expect((await option.boundingBox())!.x).toBeGreaterThanOrEqual(0);
    await option.tap();
    await expect(page).toHaveURL(/\/2026\/kazakhstan\/.*#freedom-of-association/);
  });

  test('search by keyboard: the Search button, type, arrow down, Enter; Escape closes the list, then the panel', async ({ page }) => {
    await page.goto('2026/kazakhstan/');
    const toggle = page.getByRole('banner').getByRole('button', { name: 'Search the reports' });
    await toggle.focus();
    await page.keyboard.press('Enter');
    const field = page.getByRole('combobox', { name: 'Search the reports' });
    await expect(field).toBeFocused();
    await page.keyboard.type('Feminita');
    await expect(page.getByRole('option').first()).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('option')).toHaveCount(0);
    await page.keyboard.press('Escape');
    await expect(field).toBeHidden();
    await expect(toggle).toBeFocused();
    await page.keyboard.press('Enter');
    await page.keyboard.type('Feminita');
    await expect(page.getByRole('option').first()).toBeVisible();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#[a-z-]+/);
  });

  test('the contents stay one tap away while reading, and fold when a section is chosen', async ({ page }) => {
    await page.goto('2026/kazakhstan/');
    await page.getByRole('heading', { name: 'Human rights defenders' }).scrollIntoViewIfNeeded();
    const control = page.getByText('Themes in this chapter', { exact: true }).first();
    await expect(control).toBeInViewport();
    await control.tap();
    const contents = page.getByRole('navigation', { name: 'Themes in this chapter' });
    await contents.getByRole('link', { name: 'Legal gender recognition' }).tap();
    await expect(contents.getByRole('link', { name: 'Legal gender recognition' })).toBeHidden();
    const heading = page.getByRole('heading', { level: 2, name: 'Legal gender recognition' });
    await expect(heading).toBeInViewport();
    // Not hidden under the contents bar.
    const bar = await control.boundingBox();
    expect((await heading.boundingBox())!.y).toBeGreaterThanOrEqual(bar!.y + bar!.height - 1);
  });

  test('the menu leads to Countries, Themes and the about page', async ({ page }) => {
    await page.goto('2026/kazakhstan/');
    const menu = page.getByRole('banner').getByText('Menu', { exact: true });
    await menu.tap();
    const nav = page.getByRole('navigation', { name: 'Site' });
    await expect(nav.getByRole('link', { name: 'About and how to cite' })).toBeVisible();
    await nav.getByRole('link', { name: 'Themes' }).tap();
    await expect(page.getByRole('heading', { level: 1, name: 'Themes' })).toBeVisible();
    await page.getByRole('banner').getByText('Menu', { exact: true }).tap();
    await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Countries' }).tap();
    await expect(page).toHaveURL(/\/2026\/$/);
  });

  test('home leads with the short title, the full one under it, and the map fits the screen', async ({ page }) => {
    await page.goto('./');
    const heading = page.getByRole('heading', { level: 1 });
    const short = heading.getByText('Annual Review 2026', { exact: true });
    const full = heading.getByText(/^Annual Review of the Human Rights Situation/);
    expect((await short.boundingBox())!.y).toBeLessThan((await full.boundingBox())!.y);
    expect((await short.boundingBox())!.height).toBeLessThan(80);
    const map = await page.locator('figure svg').first().boundingBox();
    expect(map!.width).toBeLessThanOrEqual(390);
    await noSidewaysScroll(page);
  });
});

test.describe('on a phone without JavaScript', () => {
  test.use({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });

  test('the menu opens and its links work; Search leads to the search page', async ({ page }) => {
    await page.goto('2026/kazakhstan/');
    await expect((await page.getByRole('banner').boundingBox())!.height).toBeLessThanOrEqual(64);
    await page.getByRole('banner').getByText('Menu', { exact: true }).click();
    await expect(page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Themes' })).toBeVisible();
    await page.getByRole('banner').getByRole('link', { name: 'Search' }).click();
    await expect(page).toHaveURL(/\/search\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  });
});

test.describe('the home page’s country × theme table on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('keeps its whole caption on the screen while the table scrolls sideways', async ({ page }) => {
    await page.goto('./');
    const caption = page.getByText('Which themes each chapter reports on. Each mark links to that section.');
    const box = await caption.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  });
});
