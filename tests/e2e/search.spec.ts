import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { quotedQuery } from '../../src/elements/site-search-logic.ts';

// Search against the built site and its Pagefind index (npm run build). Elements are found by
// role and text; the words come from the Kazakhstan chapter.

const results = (page: Page) => page.getByRole('list', { name: 'Results' });
const pageField = (page: Page) => page.getByRole('searchbox', { name: 'Words to find' });
const headerField = (page: Page) => page.getByRole('combobox', { name: 'Search the reports' });
/** The search page's live region (the layout has another, for other announcements). */
const status = (page: Page) => page.getByRole('main').getByRole('status');

/** Fails the test on any script error or console error, and on any dialog (alert). */
function watchForTrouble(page: Page): string[] {
  const trouble: string[] = [];
  page.on('pageerror', (error) => trouble.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') trouble.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('dialog', (dialog) => {
    trouble.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return trouble;
}

test('"Feminita" finds both sections, and a result lands on its section with the word highlighted', async ({ page }) => {
  const trouble = watchForTrouble(page);
  await page.goto('search/');
  await pageField(page).fill('Feminita');
  await expect(status(page)).toHaveText('3 results for “Feminita”.');
  const association = results(page).getByRole('link', { name: 'Kazakhstan: Freedom of association' });
  await expect(association).toBeVisible();
  await expect(results(page).getByRole('link', { name: 'Kazakhstan: Human rights defenders' })).toBeVisible();
  // The excerpt shows the word, marked.
  const item = results(page)
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: 'Kazakhstan: Freedom of association' }) });
  await expect(item.locator('mark').first()).toHaveText('Feminita');

  await association.click();
  await expect(page).toHaveURL(/\/2026\/kazakhstan\/\?highlight=Feminita#freedom-of-association$/);
  const section = page.getByRole('region', { name: 'Freedom of association' });
  const marked = section.locator('mark', { hasText: 'Feminita' }).first();
  await expect(marked).toBeVisible();
  await expect(marked).toBeInViewport();
  // Only report text is marked: the page's own interface is left alone.
  await expect(page.getByRole('banner').locator('mark')).toHaveCount(0);
  expect(trouble).toEqual([]);
});

test('"Mazhilis" finds the passages that spell it "Majilis"', async ({ page }) => {
  await page.goto('search/?q=Mazhilis');
  await expect(status(page)).toHaveText('5 results for “Mazhilis”.');
  const equality = results(page).getByRole('listitem').filter({ hasText: 'Equality and non-discrimination' });
  await expect(equality.locator('mark')).toHaveText(['Majilis']);
  // The variant is indexed, never shown: the chapter page still says only "Majilis" there.
  await equality.getByRole('link').click();
  const section = page.getByRole('region', { name: 'Equality and non-discrimination' });
  await expect(section.locator('mark', { hasText: 'Majilis' }).first()).toBeInViewport();
  await expect(section).not.toContainText('Mazhilis');
});

test('a theme filter narrows the results, shows counts, and the address follows; Back and Forward restore', async ({ page }) => {
  const filterFiles: string[] = [];
  page.on('request', (request) => void (/\/pagefind\/filter\//.test(request.url()) && filterFiles.push(request.url())));
  await page.goto('search/');
  await pageField(page).fill('Feminita');
  await expect(status(page)).toHaveText('3 results for “Feminita”.');
  const theme = page.getByRole('combobox', { name: 'Theme' });
  // The counts cost the filter index: fetched only once the reader turns to the filters.
  await expect(results(page).getByRole('link')).toHaveCount(3);
  await page.waitForLoadState('networkidle');
  await expect(theme.getByRole('option', { name: 'Human rights defenders', exact: true })).toBeAttached();
  expect(filterFiles).toEqual([]);
  await theme.focus();
  await expect(theme.getByRole('option', { name: 'Human rights defenders (1)' })).toBeAttached();
  expect(filterFiles.length).toBeGreaterThan(0);
  await expect(theme.getByRole('option', { name: 'Education (0)' })).toBeAttached();

  await theme.selectOption('freedom-of-association');
  await expect(page).toHaveURL(/\/search\/\?q=Feminita&theme=freedom-of-association$/);
  await expect(status(page)).toHaveText('1 result for “Feminita” in Freedom of association.');
  await expect(results(page).getByRole('link')).toHaveText(['Kazakhstan: Freedom of association']);
  // The chosen filter's own counts still say what the other themes would give.
  await expect(theme.getByRole('option', { name: 'All themes (3)' })).toBeAttached();

  await page.goBack();
  await expect(page).toHaveURL(/\/search\/\?q=Feminita$/);
  await expect(theme).toHaveValue('');
  await expect(status(page)).toHaveText('3 results for “Feminita”.');
  await page.goForward();
  await expect(theme).toHaveValue('freedom-of-association');
  await expect(results(page).getByRole('link')).toHaveCount(1);
});

test('no results says so and offers to remove the filters', async ({ page }) => {
  await page.goto('search/?q=USAID&theme=education');
  await expect(status(page)).toHaveText('No results for “USAID” in Education. Try removing the filters.');
  await page.getByRole('button', { name: 'Remove the filters' }).click();
  await expect(page).toHaveURL(/\/search\/\?q=USAID$/);
  await expect(status(page)).toContainText('results for “USAID”.');
});

test('a long list comes eight at a time: "Show more results" adds the rest and takes focus to the first new one', async ({ page }) => {
  await page.goto('search/?q=Kazakhstan');
  await expect(status(page)).toHaveText(/^(\d+) results for “Kazakhstan”\.$/);
  const total = Number((await status(page).textContent())?.match(/^\d+/)?.[0]);
  expect(total).toBeGreaterThan(8);
  const links = results(page).getByRole('heading').getByRole('link');
  await expect(links).toHaveCount(8);
  const more = page.getByRole('button', { name: 'Show more results' });
  await more.click();
  await expect(links).toHaveCount(Math.min(total, 16));
  await expect(links.nth(8)).toBeFocused();
  if (total <= 16) await expect(more).toBeHidden();
});

test('a shared search address restores the query and the filters', async ({ page }) => {
  await page.goto('search/?q=Feminita&country=kazakhstan&theme=human-rights-defenders');
  await expect(pageField(page)).toHaveValue('Feminita');
  await expect(page.getByRole('combobox', { name: 'Country' })).toHaveValue('kazakhstan');
  await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveValue('human-rights-defenders');
  await expect(results(page).getByRole('link')).toHaveText(['Kazakhstan: Human rights defenders']);
  await expect(page).toHaveTitle(/^“Feminita”: Search/);
});

test('keyboard only: / from any page, arrows, Enter; Escape closes; Ctrl+K and the search page', async ({ page }) => {
  await page.goto('2026/kazakhstan/');
  await page.keyboard.press('/');
  await expect(headerField(page)).toBeFocused();
  await page.keyboard.type('Feminita');
  const listbox = page.getByRole('listbox', { name: 'Search results' });
  await expect(listbox.getByRole('option', { name: 'Kazakhstan: Freedom of association' })).toBeVisible();
  await expect(headerField(page)).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('banner').getByRole('status')).toHaveText(/^3 results/);

  await page.keyboard.press('Escape');
  await expect(listbox).toBeHidden();
  await expect(headerField(page)).toHaveAttribute('aria-expanded', 'false');

  // ↓ reopens the list on its first result; ↓ again until Freedom of association is active, then Enter.
  await page.keyboard.press('ArrowDown');
  await expect(listbox.getByRole('option', { selected: true })).toHaveCount(1);
  const target = listbox.getByRole('option', { name: 'Kazakhstan: Freedom of association' });
  for (let i = 0; i < 4 && (await target.getAttribute('aria-selected')) !== 'true'; i++) await page.keyboard.press('ArrowDown');
  await expect(target).toHaveAttribute('aria-selected', 'true');
  await expect(headerField(page)).toHaveAttribute('aria-activedescendant', (await target.getAttribute('id')) ?? '');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\?highlight=Feminita#freedom-of-association$/);
  await expect(page.getByRole('region', { name: 'Freedom of association' }).locator('mark').first()).toBeInViewport();

  // Ctrl+K works from anywhere too; Enter with no result chosen opens the full results.
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('Control+k');
  await expect(headerField(page)).toBeFocused();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('USAID');
  await expect(listbox).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=USAID$/);

  // On the search page, / focuses its own field, ↓ walks the results, Escape returns.
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('/');
  await expect(pageField(page)).toBeFocused();
  await expect(results(page).getByRole('link').first()).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(results(page).getByRole('link').first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(results(page).getByRole('link').nth(1)).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(pageField(page)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/2026\/kazakhstan\/\?highlight=USAID#/);
});

const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  `"Feminita" 'single' \u201Ccurly\u201D`,
  '🏳️‍🌈 Feminita 🔍',
  `${'Sekerbayeva '.repeat(41)}${'x'.repeat(8)}`.slice(0, 500),
  'Казахстан Мажилис',
];

test('hostile queries are shown back as text and break nothing', async ({ page }) => {
  expect(HOSTILE[3]).toHaveLength(500);
  const trouble = watchForTrouble(page);
  for (const query of HOSTILE) {
    await page.goto('search/');
    await pageField(page).fill(query);
    // Repeated as a quoted query, on one line and cut (src/elements/site-search-logic.ts).
    await expect(status(page)).toContainText(quotedQuery(query, 120));
    await expect(page).toHaveURL((url) => url.searchParams.get('q') === query);
    // The same through a shared address, and in the header's list on another page.
    await page.goto(`search/?q=${encodeURIComponent(query)}`);
    await expect(pageField(page)).toHaveValue(query);
    await expect(status(page)).toContainText(quotedQuery(query, 120));
    await page.goto('2026/');
    await headerField(page).fill(query);
    const announced = page.getByRole('banner').getByRole('status');
    await expect(announced).toHaveText(/result/);
    if ((await announced.textContent())?.startsWith('No results')) {
      await expect(page.getByRole('banner').getByText(`No results for “${query.trim()}”`).first()).toBeVisible();
    } else {
      await expect(page.getByRole('option').first()).toBeVisible();
    }
  }
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(trouble).toEqual([]);
});

test('searching requests nothing from another origin and sets no cookie', async ({ page, context, baseURL }) => {
  const origin = new URL(baseURL ?? '').origin;
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  await page.goto('2026/kazakhstan/');
  await headerField(page).fill('Feminita');
  await expect(page.getByRole('option').first()).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.locator('mark').first()).toBeVisible();
  await page.goto('search/?q=Majilis&theme=freedom-of-expression');
  await expect(results(page).getByRole('link')).toHaveCount(1);
  expect(requested.filter((url) => new URL(url).origin !== origin)).toEqual([]);
  // Search did fetch its index, from this origin.
  expect(requested.some((url) => url.includes('/pagefind/pagefind.js'))).toBe(true);
  expect(requested.some((url) => url.includes('/pagefind/pagefind-highlight.js'))).toBe(true);
  expect(await context.cookies()).toEqual([]);
});

test('the search page and the header search pass axe', async ({ page }) => {
  await page.goto('search/?q=Feminita');
  await expect(results(page).getByRole('link')).toHaveCount(3);
  const searchPage = await new AxeBuilder({ page })
    .include('main')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  expect(searchPage.violations).toEqual([]);

  await page.goto('2026/kazakhstan/');
  await headerField(page).fill('Majilis');
  await expect(page.getByRole('option').first()).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('option', { selected: true })).toBeVisible();
  const header = await new AxeBuilder({ page })
    .include('site-search')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  expect(header.violations).toEqual([]);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the field says search needs JavaScript and the chapter reads in full', async ({ page }) => {
    await page.goto('2026/kazakhstan/');
    await expect(page.getByRole('banner').getByText('Search needs JavaScript')).toBeVisible();
    await expect(page.getByRole('searchbox')).toBeHidden();
    await expect(page.getByRole('heading', { level: 1, name: 'Kazakhstan' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Human rights defenders' })).toContainText('Feminita');

    await page.goto('search/?q=Feminita');
    await expect(page.getByRole('main').getByText('Search needs JavaScript')).toBeVisible();
    await expect(page.getByRole('link', { name: 'list of countries' })).toBeVisible();
  });
});
