/**
 * Words the build must not run together. Astro drops the line break between text and a following
 * `{…}` or tag, so "from the" + link read "from thelist" and a theme's name ran into its count;
 * screen readers and copied text get the glued words. Reads the built site (npm test builds first).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { describe, expect, it } from 'vitest';

const SITE = process.env['OUT_DIR'] ?? 'dist';
const text = (page: string, selector: string) =>
  selectAll(selector, fromHtml(readFileSync(path.join(SITE, page), 'utf8'))).map((e: Element) => toText(e).replace(/\s+/g, ' ').trim());

describe('words stay apart', () => {
  it('in the search page’s note for readers without JavaScript', () => {
    expect(text('search/index.html', 'main p').join(' ')).toContain('choose a country from the list of countries');
  });

  it('between a theme’s name and its count on the themes list', () => {
    expect(text('2026/themes/index.html', 'main li')).toContain('Asylum no country');
  });

  it('after “Licence:” in every footer', () => {
    expect(text('2026/kazakhstan/index.html', 'footer p').join(' ')).toContain('Licence: All rights reserved');
  });
});

describe('the /<country>/ redirect page', () => {
  it('names its icon, so browsers do not ask for /favicon.ico outside a sub-path', () => {
    expect(readFileSync(path.join(SITE, 'kazakhstan/index.html'), 'utf8')).toMatch(/<link rel="icon" href="\/favicon\.svg"/);
  });
});
