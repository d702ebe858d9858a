import { describe, expect, it } from 'vitest';
import { checkLinks, extractPage, formatFinding } from '../../src/quality/links.ts';
import { loadSiteFacts } from '../../src/quality/load-site.ts';
import { resolveUrlPath, urlPathOf } from '../../src/quality/site.ts';

const options = { base: '/', origin: 'http://localhost:4321' };

describe('the link check', () => {
  it('passes a site whose links, fragments and stylesheets all resolve', async () => {
    const site = await loadSiteFacts('tests/fixtures/quality/site-good');
    expect(checkLinks(site, options).map(formatFinding)).toEqual([]);
    // The fixture exercises what it should: relative and absolute links, fragments, CSS url().
    expect(site.pages.get('index.html')?.references.length).toBeGreaterThanOrEqual(8);
  });

  it('reports every kind of broken link in a bad site, with file and line', async () => {
    const findings = checkLinks(await loadSiteFacts('tests/fixtures/quality/site-bad'), options);
    expect(findings.map((f) => [f.file, f.line, f.kind])).toEqual([
      ['_astro/site.css', 1, 'broken-link'],
      ['index.html', 7, 'external-request'],
      ['index.html', 10, 'duplicate-id'],
      ['index.html', 11, 'broken-link'],
      ['index.html', 12, 'broken-fragment'],
      ['index.html', 13, 'broken-link'],
      ['index.html', 14, 'empty-link'],
    ]);
    expect(findings.find((f) => f.kind === 'broken-fragment')?.message).toContain(
      'no element on page/index.html has the id "no-such-section"',
    );
    expect(findings.find((f) => f.line === 13)?.message).toContain('write /page/ with its trailing slash');
  });

  it('checks a site built under a sub-path against that path', async () => {
    const site = await loadSiteFacts('tests/fixtures/quality/site-good');
    // The fixture's absolute links start at /, so under /reports/ they leave the site.
    const findings = checkLinks(site, { base: '/reports/', origin: 'http://localhost:4321' });
    expect(findings.some((f) => f.message.includes("outside the site's base path /reports/"))).toBe(true);
  });

  it('treats absolute URLs on the site origin as internal, and other origins as links out', () => {
    const page = extractPage(
      '<!doctype html><title>t</title><link rel="canonical" href="http://localhost:4321/gone/"><a href="https://example.org/x">x</a><img src="http://localhost:9999/pixel.gif" alt="">',
    );
    const site = { files: new Set(['index.html']), pages: new Map([['index.html', page]]), stylesheets: new Map() };
    expect(checkLinks(site, options).map((f) => f.kind)).toEqual(['broken-link', 'external-request']);
  });

  it('follows meta refresh redirects', () => {
    const page = extractPage('<!doctype html><title>t</title><meta http-equiv="refresh" content="0;url=/2026/nowhere/">');
    const site = { files: new Set(['index.html']), pages: new Map([['index.html', page]]), stylesheets: new Map() };
    expect(checkLinks(site, options).map((f) => f.message)).toEqual(['meta[http-equiv=refresh] "/2026/nowhere/" names no built file.']);
  });
});

describe('URL paths and built files', () => {
  const files = new Set(['index.html', '2026/kazakhstan/index.html', '404.html', '_astro/a.css']);
  it('maps a folder URL to its index.html and back', () => {
    expect(resolveUrlPath('/reports/2026/kazakhstan/', { base: '/reports/', files })).toEqual({
      kind: 'file',
      file: '2026/kazakhstan/index.html',
    });
    expect(urlPathOf('2026/kazakhstan/index.html', '/reports/')).toBe('/reports/2026/kazakhstan/');
    expect(resolveUrlPath('/_astro/a.css', { base: '/', files })).toEqual({ kind: 'file', file: '_astro/a.css' });
    expect(resolveUrlPath('/2026/', { base: '/', files }).kind).toBe('missing');
  });
});
