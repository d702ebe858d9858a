import { expect, test } from '@playwright/test';
import { PAGE_TYPES } from './helpers.ts';

test('no page requests another origin, sets a cookie, or breaks its own security policy', async ({ page, context, baseURL }) => {
  const origin = new URL(baseURL ?? '').origin;
  const elsewhere: string[] = [];
  const problems: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol !== 'data:' && url.origin !== origin) elsewhere.push(request.url());
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && !/status of 404/.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(String(error)));
  for (const path of Object.values(PAGE_TYPES)) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    // Use what scripts add, so their requests are seen too.
    const toggle = page.getByRole('button', { name: 'Dark theme' });
    if (await toggle.isVisible()) await toggle.click();
  }
  expect(elsewhere).toEqual([]);
  expect(problems).toEqual([]);
  expect(await context.cookies()).toEqual([]);
});

test('every page carries a Content-Security-Policy that allows this origin only', async ({ page }) => {
  for (const path of Object.values(PAGE_TYPES)) {
    await page.goto(path);
    const policy = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
    expect(policy, path).toContain("default-src 'self'");
    expect(policy, path).toMatch(/script-src 'self' 'wasm-unsafe-eval'/);
    expect(policy, path).not.toContain('unsafe-inline');
  }
});

test('a first visit to a chapter makes at most 8 requests: the page, its stylesheets, two scripts and the icon', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  await page.goto('2026/kazakhstan/', { waitUntil: 'networkidle' });
  expect(requests.length, requests.join('\n')).toBeLessThanOrEqual(8);
  expect(requests.filter((r) => r.endsWith('.js'))).toHaveLength(2);
});
