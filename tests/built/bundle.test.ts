/**
 * Bundles, on the two-edition fixture (two countries with two themes each in 2026), built for
 * real and read in Chromium: chosen by keyboard, in the reader's order, with an index, each
 * section's paragraph numbers as on its chapter, the address reopening the same bundle, bad items
 * named, and print media showing the title block and no interface.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, chromium, type Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../src/quality/chromium.ts';
import { type StaticServer, serveStatic } from '../../src/quality/static-server.ts';
import { buildEnv } from '../support/build-env.ts';

const work = mkdtempSync(path.join(tmpdir(), 'bundle-'));
const out = path.join(work, 'dist');
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  const build = spawnSync(path.resolve('node_modules/.bin/astro'), ['build'], {
    encoding: 'utf8',
    env: buildEnv({ CONTENT_DIR: 'tests/fixtures/two-editions', OUT_DIR: out, CACHE_DIR: path.join(work, 'cache') }),
  });
  if (build.status !== 0) throw new Error(`The fixture build failed:\n${build.stdout}${build.stderr}`);
  server = await serveStatic(out, { port: 4463 });
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

/** Tabs to `name`'s control and presses Space, as a keyboard user would. */
async function tabAndPress(page: Page, role: 'checkbox' | 'button', name: string | RegExp) {
  const target = page.getByRole(role, { name });
  for (let i = 0; i < 80 && !(await target.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect.poll(() => target.evaluate((el) => el === document.activeElement)).toBe(true);
  await page.keyboard.press('Space');
}

describe('a bundle of two countries × two themes', () => {
  it('is chosen by keyboard, kept in the address in the reader’s order, indexed and numbered as on the chapters', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}bundle/`);
    await tabAndPress(page, 'checkbox', /^Armenia/);
    await tabAndPress(page, 'checkbox', /^Kazakhstan/);
    await tabAndPress(page, 'checkbox', /^Education/);
    await tabAndPress(page, 'checkbox', /^Health/);
    const selection = page.getByRole('list', { name: 'Your selection' }).getByRole('listitem');
    await expect.poll(() => selection.allTextContents()).toHaveLength(4);
    // In the order chosen (each theme's countries as ticked), then Kazakhstan: Health moved first.
    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Move up: Kazakhstan: Health (2026)' }).click();
    await tabAndPress(page, 'button', 'Open the bundle');
    await page.waitForURL(/\?s=/);
    expect(new URL(page.url()).searchParams.get('s')).toBe(
      '2026/kazakhstan/health,2026/armenia/education,2026/kazakhstan/education,2026/armenia/health',
    );
    const index = page.getByRole('navigation', { name: 'Index' }).getByRole('link');
    await expect
      .poll(() => index.allTextContents())
      .toEqual(['Kazakhstan: Health (2026)', 'Armenia: Education (2026)', 'Kazakhstan: Education (2026)', 'Armenia: Health (2026)']);
    const headings = page.getByRole('heading', { level: 2 });
    expect(await headings.allTextContents()).toEqual([
      'Index',
      'Kazakhstan: Health',
      'Armenia: Education',
      'Kazakhstan: Education',
      'Armenia: Health',
      'Citations',
    ]);
    // Paragraph numbers as on the chapter, linking to the paragraph there.
    const second = page.getByRole('link', { name: 'Link to Health, paragraph 2' });
    expect(await second.getAttribute('href')).toBe('/2026/armenia/#health-2');
    expect(await page.getByText('A second fixture paragraph on health in armenia.').count()).toBe(1);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Bundle: 4 sections');
    await expect
      .poll(() =>
        page
          .getByRole('listitem')
          .filter({ hasText: /^Fixture publisher \(2026\)/ })
          .count(),
      )
      .toBe(4);

    // The same address reopens the same bundle.
    const again = await browser.newPage();
    await again.goto(page.url());
    await expect
      .poll(() => again.getByRole('navigation', { name: 'Index' }).getByRole('link').allTextContents())
      .toEqual(await index.allTextContents());

    // Print: the title block and the sections, no interface.
    await again.emulateMedia({ media: 'print' });
    expect(await again.getByRole('heading', { level: 1, name: 'Bundle: 4 sections' }).isVisible()).toBe(true);
    expect(await again.getByRole('banner').isVisible()).toBe(false);
    expect(await again.getByRole('link', { name: 'Build another bundle' }).isVisible()).toBe(false);
    await page.close();
    await again.close();
  });

  it('names unknown and malformed items, shows the rest once, and refuses more than 500', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}bundle/?s=2026/atlantis/education,2026/armenia/health,bad item,2026/armenia/health`);
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('2026/atlantis/education is not in this report.');
    expect(await alert.textContent()).toContain('“bad item” is not a section address');
    await expect
      .poll(() => page.getByRole('navigation', { name: 'Index' }).getByRole('link').allTextContents())
      .toEqual(['Armenia: Health (2026)']);
    const many = Array.from({ length: 501 }, (_, i) => `2026/c${i}/health`).join(',');
    await page.goto(`${server.url}bundle/?s=${many}`);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('a bundle holds at most 500');
    await page.close();
  });

  it('collects the sections a reader added from the chapters', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}2026/kazakhstan/`);
    const add = page.getByRole('button', { name: /Add to bundle.*Kazakhstan, Health/ });
    await add.click();
    await expect.poll(() => add.getAttribute('aria-pressed')).toBe('true');
    await page.goto(`${server.url}bundle/`);
    await expect
      .poll(() => page.getByRole('list', { name: 'Your selection' }).getByRole('listitem').allTextContents())
      .toEqual([expect.stringContaining('Kazakhstan: Health (2026)')]);
    await page.close();
  });
});
