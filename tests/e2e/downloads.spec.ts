/**
 * The downloads in a browser: the /data/ page without JavaScript and in print, and the offline
 * copy of the edition made from the built site, unzipped and opened from disk (file://) in
 * Chromium: home → chapter → a paragraph's anchor → a theme page, styles and the map in place,
 * the search page an offline notice, every page naming its edition and the day it was made, no
 * request outside the copy's folder and no console error.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, type Page, test } from '@playwright/test';
import { unzipSync } from 'fflate';
import { makeOfflineCopy } from '../../src/downloads/offline.ts';

const SITE = process.env['OUT_DIR'] ?? 'dist';
const MADE = '2026-06-01';

test.describe('the /data/ page', () => {
  test.use({ javaScriptEnabled: false });

  test('lists the edition’s files with sizes, and serves them, without JavaScript', async ({ page, request }) => {
    await page.goto('data/');
    await expect(page.getByRole('heading', { level: 1, name: 'Downloads and open data' })).toBeVisible();
    const csv = page.getByRole('link', { name: '2026.csv' });
    await expect(csv).toBeVisible();
    await expect(page.getByRole('listitem').filter({ has: csv })).toContainText(/CSV, \d+ KB/);
    const epub = page.getByRole('row', { name: /Kazakhstan/ }).getByRole('link', { name: /EPUB of Kazakhstan/ });
    const response = await request.get(new URL((await epub.getAttribute('href')) ?? '', page.url()).href);
    expect(response.status()).toBe(200);
    expect((await response.body()).subarray(30, 38).toString()).toBe('mimetype');
  });

  test('prints its lists without the site’s interface', async ({ page }) => {
    await page.goto('data/');
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('table')).toBeVisible();
    await expect(page.getByRole('search')).toBeHidden();
  });
});

test.describe('the offline copy, opened from disk', () => {
  let folder: string;
  let work: string;

  test.beforeAll(() => {
    work = mkdtempSync(path.join(tmpdir(), 'downloads-offline-'));
    const { file } = makeOfflineCopy({ site: SITE, edition: '2026', out: work, made: MADE });
    for (const [name, bytes] of Object.entries(unzipSync(readFileSync(file)))) {
      const target = path.join(work, 'unzipped', name);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, bytes);
    }
    folder = path.join(work, 'unzipped', '2026-offline');
  });
  test.afterAll(() => rmSync(work, { recursive: true, force: true }));

  test('holds the pages, not the build’s .gz and .br copies meant for web servers', () => {
    const names = Object.keys(unzipSync(readFileSync(path.join(work, '2026-offline.zip'))));
    expect(names.some((n) => n.endsWith('index.html'))).toBe(true);
    expect(names.filter((n) => /\.(gz|br)$/.test(n))).toEqual([]);
  });

  /** Records every request outside the copy's folder and every console error. */
  function watch(page: Page) {
    const outside: string[] = [];
    const errors: string[] = [];
    const root = pathToFileURL(folder).href;
    page.on('request', (r) => {
      if (!r.url().startsWith(`${root}/`) && !r.url().startsWith('data:')) outside.push(r.url());
    });
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    return { outside, errors };
  }

  const note = (page: Page) => page.getByRole('complementary', { name: 'Offline copy' });

  test('navigates home → chapter → paragraph → theme page with styles, the map and no request outside', async ({ page }) => {
    const seen = watch(page);
    await page.goto(pathToFileURL(path.join(folder, 'index.html')).href);
    await expect(note(page)).toContainText('Offline copy of the Annual Review 2026, made on 1 June 2026');
    await expect(page.locator('.country-map svg')).toBeVisible();
    // The site's stylesheet applies: the main column is centred, not the browser's default.
    expect(await page.locator('body').evaluate((b) => getComputedStyle(b).fontFamily)).not.toBe('"Times New Roman"');
    expect(await note(page).evaluate((n) => getComputedStyle(n).borderBottomStyle)).toBe('solid');

    await page.getByRole('link', { name: 'Kazakhstan' }).first().click();
    await expect(page).toHaveURL(/\/2026\/kazakhstan\/index\.html$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Kazakhstan' })).toBeVisible();
    await expect(note(page)).toBeVisible();

    await page.getByRole('link', { name: 'Link to Education, paragraph 1' }).click();
    await expect(page).toHaveURL(/\/2026\/kazakhstan\/index\.html#education-1$/);
    await expect(page.locator('#education-1')).toBeInViewport();

    await page.goto(pathToFileURL(path.join(folder, '2026/themes/index.html')).href);
    await page
      .getByRole('main')
      .getByRole('link', { name: /Freedom of association/ })
      .first()
      .click();
    await expect(page).toHaveURL(/\/2026\/themes\/freedom-of-association\/index\.html$/);
    await expect(page.getByRole('heading', { level: 2, name: 'Kazakhstan' })).toBeVisible();
    expect(seen.outside).toEqual([]);
    expect(seen.errors).toEqual([]);
  });

  test('replaces search with a notice that leads to the countries and themes', async ({ page }) => {
    const seen = watch(page);
    await page.goto(pathToFileURL(path.join(folder, 'index.html')).href);
    await page.getByRole('searchbox').first().fill('Feminita');
    await page.getByRole('searchbox').first().press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Search is not available in the offline copy');
    await page.getByRole('main').getByRole('link', { name: 'list of themes' }).click();
    await expect(page).toHaveURL(/\/2026\/themes\/index\.html$/);
    expect(seen.outside).toEqual([]);
    expect(seen.errors).toEqual([]);
  });

  test('prints a chapter with its paragraph numbers and without the interface', async ({ page }) => {
    await page.goto(pathToFileURL(path.join(folder, '2026/kazakhstan/index.html')).href);
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('search')).toBeHidden();
    const number = await page
      .locator('#education-1')
      .evaluate((p) => getComputedStyle(p.previousElementSibling as Element, '::before').content);
    expect(number).toContain('1');
  });
});
