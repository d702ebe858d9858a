import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pageType, weighPage } from '../../src/quality/page-weight.ts';
import { serveStatic } from '../../src/quality/static-server.ts';

const root = 'tests/fixtures/quality/site-weight';
const files = new Set([
  '2026/kazakhstan/index.html',
  '404.html',
  '_astro/page.css',
  '_astro/entry.js',
  '_astro/shared.js',
  '_astro/lazy.js',
]);
const size = (file: string) => statSync(`${root}/${file}`).size;

describe('page weight', () => {
  it('counts a page with its stylesheets and every module its scripts import, not lazy ones', async () => {
    const weight = await weighPage(root, '2026/kazakhstan/index.html', '/', files);
    expect(weight.html.raw).toBe(size('2026/kazakhstan/index.html'));
    expect(weight.css.raw).toBe(size('_astro/page.css'));
    expect(weight.js.raw).toBe(size('_astro/entry.js') + size('_astro/shared.js'));
    expect(weight.total.gzip).toBe(weight.html.gzip + weight.css.gzip + weight.js.gzip);
    expect(weight.total.brotli).toBeGreaterThan(0);
    // The page, its stylesheet, its script and the module that imports: four round trips.
    expect(weight.requests).toBe(4);
  });

  it('groups pages by type using the content vocabularies', () => {
    const vocabulary = { editions: new Set(['2026']), countries: new Set(['kazakhstan']), themes: new Set(['education']) };
    expect(pageType('/2026/kazakhstan/', '/', vocabulary)).toBe('/<edition>/<country>/');
    expect(pageType('/reports/2026/themes/education/', '/reports/', vocabulary)).toBe('/<edition>/themes/<theme>/');
    expect(pageType('/search/', '/', vocabulary)).toBe('/search/');
  });
});

describe('the static server', () => {
  it('serves the site under its base path, compressed, with 404.html for unknown paths', async () => {
    const server = await serveStatic(root, { port: 4497, base: '/reports/' });
    try {
      const page = await fetch(`${server.url}2026/kazakhstan/`, { headers: { 'accept-encoding': 'br' } });
      expect(page.status).toBe(200);
      expect(page.headers.get('content-encoding')).toBe('br');
      expect(await page.text()).toBe(readFileSync(`${root}/2026/kazakhstan/index.html`, 'utf8'));
      const folder = await fetch(`${server.url}2026/kazakhstan`, { redirect: 'manual' });
      expect([folder.status, folder.headers.get('location')]).toEqual([301, '/reports/2026/kazakhstan/']);
      const missing = await fetch(`${server.url}nowhere/`);
      expect(missing.status).toBe(404);
      expect(await missing.text()).toContain('Not found');
      // The server counts what it sent, compressed: that is how search bytes are measured.
      expect(server.log[0]).toMatchObject({ path: '/reports/2026/kazakhstan/', status: 200 });
      expect(server.log[0]!.body).toBeLessThan(server.log[0]!.uncompressed);
    } finally {
      await server.close();
    }
  });
});
