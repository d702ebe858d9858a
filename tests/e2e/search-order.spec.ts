import { expect, type Page, test } from '@playwright/test';

// The header search must show the results of what the reader typed last, however the answers to
// earlier, partly typed queries arrive. On a slow phone the shorter query's answer often came in
// last and replaced the list, resetting an arrow-key choice (issue 16). Here the order is forced:
// the site's own Pagefind is wrapped so that any query shorter than the full word answers late.

const FULL = 'Feminita';
const PARTIAL = 'Femin';
/** Longer than the whole typing of the rest of the word and the full query's search. */
const LATE_MS = 1_500;

/**
 * Serves a pagefind.js that re-exports the real one (fetched as pagefind.js?real) with a search()
 * whose answers to queries shorter than FULL resolve LATE_MS later, and that counts them in
 * `window.lateAnswers` once given.
 */
async function slowDownShortQueries(page: Page): Promise<void> {
  await page.route(/\/pagefind\/pagefind\.js$/, (route) =>
    route.fulfill({
      contentType: 'text/javascript',
      body: `
        export * from './pagefind.js?real';
        import { search as realSearch } from './pagefind.js?real';
        window.lateAnswers = 0;
        export async function search(term, options) {
          const answer = await realSearch(term, options);
          if (String(term).length >= ${FULL.length}) return answer;
          await new Promise((resolve) => setTimeout(resolve, ${LATE_MS}));
          window.lateAnswers++;
          return answer;
        }`,
    }),
  );
}

test('an earlier, slower query cannot replace the results of the last one, nor reset the choice made in them', async ({ page }) => {
  await slowDownShortQueries(page);
  await page.goto('2026/kazakhstan/');
  const field = page.getByRole('combobox', { name: 'Search the reports' });
  const listbox = page.getByRole('listbox', { name: 'Search results' });
  const status = page.getByRole('banner').getByRole('status');

  // The partial word, then a pause long enough for its search to start (past the debounce).
  await field.click();
  await field.pressSequentially(PARTIAL);
  await page.waitForFunction(() => typeof (window as { lateAnswers?: number }).lateAnswers === 'number');
  await page.waitForTimeout(300);
  await field.pressSequentially(FULL.slice(PARTIAL.length));
  await expect(status).toHaveText(/^3 results/);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const chosen = listbox.getByRole('option', { selected: true });
  await expect(chosen).toHaveCount(1);
  const chosenName = await chosen.textContent();

  // Now the partial query's answer arrives; the list, the count and the choice stay.
  await page.waitForFunction(() => ((window as { lateAnswers?: number }).lateAnswers ?? 0) > 0, undefined, { timeout: 10_000 });
  await page.waitForTimeout(200);
  await expect(status).toHaveText(/^3 results/);
  await expect(listbox.getByRole('option', { selected: true })).toHaveText(chosenName ?? '');
  await expect(field).toHaveValue(FULL);
  for (const option of await listbox.getByRole('option').all()) {
    const name = (await option.textContent()) ?? '';
    if (!name.startsWith('Kazakhstan:')) continue; // the "Open the search page" option
    await expect(option.locator('mark').first()).toHaveText(FULL);
  }
});
