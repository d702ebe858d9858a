/**
 * The offline copy's rules on small synthetic input: links rewritten for file://, and a copy made
 * from older content never published (its sidecar's digest no longer matches the content).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contentEditionDigest, currentOfflineCopy } from '../../src/downloads/offline-digest.ts';
import { type OfflinePage, offlineHref, offlineHtml } from '../../src/downloads/offline-rewrite.ts';

const files = new Set(['index.html', '2026/index.html', '2026/testland/index.html', '_astro/site.css', 'search/index.html']);
const page = (file: string, base = '/'): OfflinePage => ({
  file,
  base,
  online: `https://example.org${base}`,
  has: (f) => files.has(f),
  noteHtml: '<aside class="offline-copy">Synthetic note</aside>',
});

describe('links in the offline copy', () => {
  it('name their index.html, relative to the page, keeping the fragment', () => {
    expect(offlineHref('/2026/testland/#education-1', page('index.html'))).toBe('2026/testland/index.html#education-1');
    expect(offlineHref('/', page('2026/testland/index.html'))).toBe('../../index.html');
    expect(offlineHref('/2026/testland/#education', page('2026/testland/index.html'))).toBe('index.html#education');
    expect(offlineHref('/_astro/site.css', page('2026/index.html'))).toBe('../_astro/site.css');
  });

  it('go to the site online when the copy leaves the target out, and keep other addresses', () => {
    expect(offlineHref('/pdf/2026-testland.pdf', page('index.html'))).toBe('https://example.org/pdf/2026-testland.pdf');
    expect(offlineHref('/reports/feed.xml', page('index.html', '/reports/'))).toBe('https://example.org/reports/feed.xml');
    expect(offlineHref('https://example.net/source', page('index.html'))).toBe('https://example.net/source');
    expect(offlineHref('#main', page('index.html'))).toBe('#main');
  });

  it('lose their module scripts, allow file: in the policy and gain the note', () => {
    const html = `<html><head><meta http-equiv="content-security-policy" content="default-src 'self';style-src 'self'"><link rel="stylesheet" href="/_astro/site.css"></head><body class="x"><form action="/search/"></form><script type="module" src="/_astro/a.js"></script></body></html>`;
    const out = offlineHtml(html, page('2026/index.html'), 'offline-copy.css');
    expect(out).not.toContain('<script type="module"');
    expect(out).toContain(`content="default-src 'self' file:;style-src 'self' file:"`);
    expect(out).toContain('<body class="x"><aside class="offline-copy">Synthetic note</aside>');
    expect(out).toContain('action="../search/index.html"');
    expect(out).toContain('<link rel="stylesheet" href="../offline-copy.css"></head>');
  });
});

describe('a copy made from older content', () => {
  let work: string;
  beforeEach(() => {
    work = mkdtempSync(path.join(tmpdir(), 'downloads-offline-unit-'));
    const chapter = path.join(work, 'content/sections/2026/testland');
    mkdirSync(chapter, { recursive: true });
    writeFileSync(path.join(work, 'content/editions.yaml'), '# synthetic\n');
    writeFileSync(path.join(work, 'content/themes.yaml'), '# synthetic\n');
    writeFileSync(path.join(chapter, 'education.mdx'), 'Synthetic paragraph.\n');
    mkdirSync(path.join(work, 'downloads'));
    writeFileSync(path.join(work, 'downloads/2026-offline.zip'), 'synthetic zip');
    const digest = contentEditionDigest(path.join(work, 'content'), '2026');
    writeFileSync(path.join(work, 'downloads/2026-offline.zip.json'), JSON.stringify({ edition: '2026', digest, made: '2026-06-01' }));
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  it('is published while the content is unchanged, and not once a section is edited', () => {
    const content = path.join(work, 'content');
    const downloads = path.join(work, 'downloads');
    expect(currentOfflineCopy('2026', content, downloads)?.sidecar.made).toBe('2026-06-01');
    writeFileSync(path.join(content, 'sections/2026/testland/education.mdx'), 'Synthetic paragraph, edited.\n');
    expect(currentOfflineCopy('2026', content, downloads)).toBeUndefined();
  });

  it('is not published without its sidecar', () => {
    rmSync(path.join(work, 'downloads/2026-offline.zip.json'));
    expect(currentOfflineCopy('2026', path.join(work, 'content'), path.join(work, 'downloads'))).toBeUndefined();
  });
});
