/**
 * `?highlight=` is anyone's to write, so the page's marking is bounded (issue 17, item 8): at most
 * 5 words, each 3 to 60 characters, marked only in the linked section, 200 marks at most.
 * A search result's link still marks its word. Needs a build (OUT_DIR, default dist) and Chromium.
 */
import { type Browser, chromium } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../src/quality/chromium.ts';
import { type StaticServer, serveStatic } from '../../src/quality/static-server.ts';

const site = process.env['OUT_DIR'] ?? 'dist';
let server: StaticServer;
let browser: Browser;
beforeAll(async () => {
  server = await serveStatic(site, { port: 4494 });
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function marksOn(query: string) {
  const page = await browser.newPage();
  const started = Date.now();
  await page.goto(`${server.url}2026/kazakhstan/${query}`, { waitUntil: 'load' });
  // The marks come after the highlight script loads; wait for the page to be idle.
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  const marks = await page.evaluate(() =>
    [...document.querySelectorAll('mark.pagefind-highlight')].map((mark) => ({
      text: mark.textContent,
      section: mark.closest('section[data-theme]')?.getAttribute('data-theme') ?? mark.closest('section')?.id,
    })),
  );
  await page.close();
  return { marks, ms: Date.now() - started };
}

describe('highlighting a chapter from the address', () => {
  it('marks a search result’s word in its section', async () => {
    const { marks } = await marksOn('?highlight=Feminita#freedom-of-association');
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.every((m) => m.text === 'Feminita')).toBe(true);
  });

  it('marks no more than 5 words, 200 marks, in the linked section only, however many the address asks for', async () => {
    const words = [
      'the',
      'and',
      'LGBTI',
      'law',
      'was',
      'for',
      'that',
      'with',
      'from',
      'Kazakhstan',
      ...Array.from({ length: 500 }, (_, i) => `w${i}x`),
    ];
    const query = `?${words.map((w) => `highlight=${encodeURIComponent(w)}`).join('&')}&highlight=a&highlight=${'e'.repeat(61)}#education`;
    const { marks, ms } = await marksOn(query);
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.length).toBeLessThanOrEqual(200);
    // Only the first five words the address names; the rest, and words too short or too long, are ignored.
    for (const mark of marks) expect(['the', 'and', 'lgbti', 'law', 'was']).toContain(mark.text?.toLowerCase());
    expect(new Set(marks.map((m) => m.section))).toEqual(new Set(['education']));
    expect(ms).toBeLessThan(10_000);
  });
});
