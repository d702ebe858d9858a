/**
 * What every built page gives the browser before anything else (issue 17, item 17): the
 * Content-Security-Policy first in <head>, no referrer on the /<country>/ redirect, and no
 * Pagefind UI bundle that builds HTML with innerHTML. Needs a build: OUT_DIR=<site> (default dist).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const site = process.env['OUT_DIR'] ?? 'dist';
const pages = readdirSync(site, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.html'));

/** The tags of <head> in order, by their start. */
function headTags(html: string): string[] {
  const head = /<head[^>]*>([\s\S]*?)<\/head>/i.exec(html)?.[1] ?? '';
  return [...head.matchAll(/<(meta|link|script|style|title|base)\b[^>]*>/gi)].map((m) => m[0]);
}

describe('the built pages', () => {
  it('put the Content-Security-Policy first in <head>, after the charset only, on every page that has one', () => {
    const withPolicy = pages.filter((name) => readFileSync(path.join(site, name), 'utf8').includes('http-equiv="content-security-policy"'));
    expect(withPolicy.length).toBeGreaterThan(20);
    for (const name of withPolicy) {
      const tags = headTags(readFileSync(path.join(site, name), 'utf8'));
      expect(tags[0], name).toMatch(/^<meta charset/i);
      expect(tags[1], name).toMatch(/^<meta http-equiv="content-security-policy"/);
    }
  });

  it('send no referrer from the /<country>/ redirect, before its refresh', () => {
    const html = readFileSync(path.join(site, 'kazakhstan', 'index.html'), 'utf8');
    const tags = headTags(html);
    const referrer = tags.findIndex((t) => /name="referrer" content="no-referrer"/.test(t));
    const refresh = tags.findIndex((t) => /http-equiv="refresh"/.test(t));
    expect(referrer).toBeGreaterThan(-1);
    expect(referrer).toBeLessThan(refresh);
  });

  it('publish none of Pagefind’s UI bundles, only what search uses', () => {
    const files = readdirSync(path.join(site, 'pagefind'));
    expect(files.filter((name) => /ui\.(js|css)$/.test(name))).toEqual([]);
    for (const used of ['pagefind.js', 'pagefind-highlight.js', 'pagefind-worker.js'])
      expect(existsSync(path.join(site, 'pagefind', used))).toBe(true);
  });
});
