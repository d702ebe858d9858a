/**
 * The archive: a SYNTHETIC fixture of three editions and two countries (tests/fixtures/three-editions),
 * built for real. Editions link to each other both ways, a missing year says "not covered", the
 * history and compare pages show the right texts and marks, a shared compare URL restores its
 * choice, and every edition's ids, paragraph numbers and text stay as pinned in frozen.json.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FolderCache } from '../../src/build-cache/cache.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../src/quality/chromium.ts';
import { serveStatic } from '../../src/quality/static-server.ts';
import { describeIndexing, indexSite } from '../../src/search/pagefind-index.ts';
import { buildEnv } from '../support/build-env.ts';

const FIXTURE = 'tests/fixtures/three-editions';
const work = mkdtempSync(path.join(tmpdir(), 'three-editions-'));
const out = path.join(work, 'dist');
const page = (p: string) => readFileSync(path.join(out, p), 'utf8');

beforeAll(() => {
  const build = spawnSync(path.resolve('node_modules/.bin/astro'), ['build'], {
    encoding: 'utf8',
    env: buildEnv({ CONTENT_DIR: FIXTURE, OUT_DIR: out, CACHE_DIR: path.join(work, 'cache') }),
  });
  if (build.status !== 0) throw new Error(`The fixture build failed:\n${build.stdout}${build.stderr}`);
}, 180_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The "Other editions" line of a page's chapter (or of one section in it), as text and links. */
function otherEditions(html: string, label: string) {
  const nav = selectAll('nav.edition-links', fromHtml(html)).find((n: Element) => n.properties['ariaLabel'] === label);
  if (!nav) throw new Error(`no "${label}" links`);
  return {
    text: toText(nav).replace(/\s+/g, ' ').trim(),
    links: selectAll('a', nav).map((a: Element) => [toText(a), String(a.properties['href'])]),
  };
}

describe('editions link to each other', () => {
  it('from a chapter to the same country in every other edition, both ways', () => {
    expect(otherEditions(page('2025/kazakhstan/index.html'), 'Kazakhstan in other editions').links).toEqual([
      ['2026', '/2026/kazakhstan/'],
      ['2024', '/2024/kazakhstan/'],
      ['Kazakhstan in every edition', '/countries/kazakhstan/'],
    ]);
    expect(otherEditions(page('2024/kazakhstan/index.html'), 'Kazakhstan in other editions').links.slice(0, 2)).toEqual([
      ['2026', '/2026/kazakhstan/'],
      ['2025', '/2025/kazakhstan/'],
    ]);
  });

  it('says "not covered" for a year without the chapter or the section', () => {
    expect(otherEditions(page('2026/armenia/index.html'), 'Armenia in other editions').text).toContain(
      'not covered in 2025 · not covered in 2024',
    );
    const health = otherEditions(page('2025/kazakhstan/index.html'), 'Kazakhstan: Health in other editions');
    expect(health.text).toContain('not covered in 2026 · not covered in 2024');
    expect(health.links).toEqual([['history and changes', '/countries/kazakhstan/health/']]);
  });

  it('from a section page to the same section in the other editions', () => {
    const links = otherEditions(page('2026/kazakhstan/education/index.html'), 'Kazakhstan: Education in other editions').links;
    expect(links.slice(0, 2)).toEqual([
      ['2025', '/2025/kazakhstan/education/'],
      ['2024', '/2024/kazakhstan/education/'],
    ]);
  });
});

describe('a country across editions', () => {
  it('has a year × theme grid whose cells link to each section, and "not covered" where there is none', () => {
    const html = page('countries/kazakhstan/index.html');
    const rows = selectAll('table tbody tr', fromHtml(html)).map((tr: Element) => toText(tr).replace(/\s+/g, ' ').trim());
    expect(rows).toEqual([
      'Education 2026: Education 2025: Education 2024: Education',
      'Health ·not covered in 2026 2025: Health ·not covered in 2024',
    ]);
    expect(html).toContain('href="/2024/kazakhstan/education/"');
  });

  it('shows a section’s history, newest edition first, each with its own paragraph ids', () => {
    const tree = fromHtml(page('countries/kazakhstan/education/index.html'));
    const versions = selectAll('section.version', tree).map((s: Element) => ({
      heading: toText(selectAll('h2', s)[0]!),
      ids: selectAll('p[id]', s).map((p: Element) => String(p.properties['id'])),
    }));
    expect(versions).toEqual([
      { heading: 'Synthetic Review 2026', ids: ['2026-education-1', '2026-education-2'] },
      { heading: 'Synthetic Review 2025', ids: ['2025-education-1', '2025-education-2'] },
      { heading: 'Synthetic Review 2024', ids: ['2024-education-1'] },
    ]);
    // Each paragraph number still links to the paragraph's place in its own year's chapter.
    expect(page('countries/kazakhstan/education/index.html')).toContain('href="/2024/kazakhstan/#education-1"');
  });

  it('compares the two newest editions word by word, without JavaScript', () => {
    const tree = fromHtml(page('countries/kazakhstan/education/compare/index.html'));
    const marked = (tag: string) =>
      selectAll(tag, tree)
        .map((e: Element) => toText(e).trim())
        .filter(Boolean);
    expect(marked('del').join(' ')).toBe('2024 a draft adopted parliament');
    expect(marked('ins').join(' ')).toBe('2025 the signed the president');
    // Every word of both texts is there, marked or not.
    const [older, newer] = selectAll('tbody tr', tree)[0]!.children.filter((c): c is Element => c.type === 'element');
    expect(toText(older!)).toBe('para. 1Synthetic text: in 2024 a draft law on schools was adopted by parliament.');
    expect(toText(newer!)).toBe('para. 1Synthetic text: in 2025 the law on schools was signed by the president.');
    expect(toText(selectAll('[data-summary]', tree)[0]!)).toBe(
      'Synthetic Review 2025 and Synthetic Review 2026: 5 words removed, 5 words added.',
    );
  });
});

describe('a shared compare address', () => {
  it('restores the editions it names, and the choice goes back into the address', async () => {
    const server = await serveStatic(out, { port: 4460 });
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    try {
      const tab = await browser.newPage();
      await tab.goto(`${server.url}countries/kazakhstan/education/compare/?a=2024&b=2026`);
      await tab.getByText(/^Synthetic Review 2024 and Synthetic Review 2026: \d+ words removed/).waitFor();
      expect(await tab.getByRole('combobox', { name: 'Older' }).inputValue()).toBe('2024');
      await expect.poll(() => tab.locator('del').allTextContents()).toContain('discussed');
      await tab.getByRole('combobox', { name: 'Older' }).selectOption('2025');
      await tab.getByRole('button', { name: 'Compare' }).click();
      expect(new URL(tab.url()).search).toBe('?a=2025&b=2026');
    } finally {
      await browser.close();
      await server.close();
    }
  });
});

describe('search across editions', () => {
  it('indexes each edition on its own: the newest as the site’s index, the older ones beside it without a second runtime', () => {
    const entry = (folder: string) =>
      JSON.parse(page(`${folder}pagefind-entry.json`)) as { languages: Record<string, { page_count: number }> };
    const pageCount = (folder: string) => Object.values(entry(folder).languages).reduce((n, l) => n + l.page_count, 0);
    // Kazakhstan's and the second country's sections of each edition, one record per section.
    expect(pageCount('pagefind/')).toBeGreaterThan(0);
    expect(pageCount('pagefind/editions/2025/')).toBeGreaterThan(0);
    expect(pageCount('pagefind/editions/2024/')).toBeLessThan(pageCount('pagefind/'));
    expect(() => page('pagefind/editions/2026/pagefind-entry.json')).toThrow();
    expect(() => page('pagefind/editions/2025/pagefind.js')).toThrow();
  });

  it('searches the newest edition first, can widen to all, and the address keeps the choice', async () => {
    const server = await serveStatic(out, { port: 4461 });
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    try {
      const tab = await browser.newPage();
      // Which editions' indexes the page fetched: the default search must not pay for the others.
      const indexes = new Set<string>();
      tab.on('request', (request) => {
        const edition = /\/pagefind\/editions\/(\d{4})\//.exec(request.url())?.[1];
        if (edition) indexes.add(edition);
      });
      // Arriving with nothing typed lists nothing and fetches nothing of the index.
      const fetched: string[] = [];
      const onRequest = (request: { url(): string }) => void (/\/pagefind\//.test(request.url()) && fetched.push(request.url()));
      tab.on('request', onRequest);
      await tab.goto(`${server.url}search/`);
      await tab.waitForLoadState('networkidle');
      expect(await tab.getByRole('list', { name: 'Results' }).getByRole('listitem').count()).toBe(0);
      expect(fetched).toEqual([]);
      tab.off('request', onRequest);

      await tab.goto(`${server.url}search/?q=schools`);
      const edition = tab.getByRole('combobox', { name: 'Edition' });
      await expect.poll(() => edition.inputValue()).toBe('2026');
      const results = tab.getByRole('main').getByRole('heading', { level: 2, name: 'Kazakhstan: Education' });
      await expect.poll(() => results.count()).toBe(1);
      await expect.poll(() => tab.getByText('Synthetic Review 2026 · Central Asia').count()).toBe(1);
      // Counts, once the reader turns to the filters, only for what was searched: an older
      // edition's count would cost its index.
      await edition.focus();
      const labels = () => edition.getByRole('option').allTextContents();
      await expect.poll(labels).toEqual(['All editions', 'Synthetic Review 2026 (1)', 'Synthetic Review 2025', 'Synthetic Review 2024']);
      expect([...indexes]).toEqual([]);
      await edition.selectOption('2024');
      await expect.poll(() => tab.getByText('Synthetic Review 2024 · Central Asia').count()).toBe(1);
      expect([...indexes]).toEqual(['2024']);
      await edition.selectOption('all'); // "All editions", with its count
      await expect.poll(() => results.count()).toBe(3);
      expect([...indexes].sort()).toEqual(['2024', '2025']);
      await expect
        .poll(labels)
        .toEqual(['All editions (3)', 'Synthetic Review 2026 (1)', 'Synthetic Review 2025 (1)', 'Synthetic Review 2024 (1)']);
      expect(new URL(tab.url()).searchParams.get('edition')).toBe('all');
      // The shared address restores the wider search.
      await tab.goto(tab.url());
      await expect.poll(() => edition.inputValue()).toBe('all');
      await expect.poll(() => results.count()).toBe(3);

      // The header searches the newest edition and names it.
      await tab.goto(`${server.url}2025/kazakhstan/`);
      await tab.getByRole('combobox', { name: 'Search the reports' }).fill('schools');
      const options = tab.getByRole('option');
      await expect
        .poll(() => options.allTextContents())
        .toEqual([expect.stringContaining('(2026)'), expect.stringContaining('other editions there')]);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});

describe('a rebuild after a change to the newest edition', () => {
  /** A copy of the built pages without their search index, as Astro leaves them before indexing. */
  function pagesOnly(name: string): string {
    const copy = path.join(work, name);
    cpSync(out, copy, { recursive: true, filter: (from) => !from.startsWith(path.join(out, 'pagefind')) });
    return copy;
  }
  /** Every file of an index folder (older editions' folders left out), by path, with its bytes. */
  function indexFiles(site: string, folder: string): Map<string, Buffer> {
    const root = path.join(site, folder);
    const files = readdirSync(root, { recursive: true, withFileTypes: true }).filter(
      (e) => e.isFile() && !path.relative(root, e.parentPath).startsWith('editions'),
    );
    return new Map(files.map((e) => [path.relative(root, path.join(e.parentPath, e.name)), readFileSync(path.join(e.parentPath, e.name))]));
  }
  /** Whether any result fragment of an index holds `word` (fragments are gzip data). */
  const fragmentsHold = (site: string, folder: string, word: string) =>
    [...indexFiles(site, folder)].some(([file, bytes]) => file.endsWith('.pf_fragment') && gunzipSync(bytes).toString().includes(word));

  it('indexes the newest edition again and takes the older editions’ indexes from the last build', async () => {
    const cacheFolder = path.join(work, 'index-cache');
    const index = (site: string, code = 'this code') => indexSite(site, { cache: { folders: new FolderCache(cacheFolder), code } });
    /** A copy of the pages with a word added to the first paragraph of an edition's Kazakhstan chapter. */
    const withWord = (name: string, edition: string, word: string) => {
      const site = pagesOnly(name);
      const chapter = path.join(site, `${edition}/kazakhstan/index.html`);
      const changed = readFileSync(chapter, 'utf8').replace(/(<p id="education-1">[^<]*)<\/p>/, `$1 ${word}</p>`);
      expect(changed).toContain(word);
      writeFileSync(chapter, changed);
      return site;
    };
    const first = pagesOnly('first');
    const cold = await index(first);
    expect(cold).toMatchObject({ editions: 3, reused: 0 });

    // A word added to a 2026 section.
    const second = withWord('second', '2026', 'Quokkaquote');
    const warm = await index(second);
    expect(warm).toMatchObject({ editions: 3, reused: 2, records: cold.records, pages: cold.pages });
    expect(describeIndexing(warm)).toContain("2 of them the last build's");
    // The older editions' indexes are the last build's, byte for byte; the newest holds the new word.
    for (const year of ['2025', '2024'])
      expect(indexFiles(second, `pagefind/editions/${year}`)).toEqual(indexFiles(first, `pagefind/editions/${year}`));
    expect(fragmentsHold(second, 'pagefind', 'Quokkaquote')).toBe(true);
    expect(fragmentsHold(first, 'pagefind', 'Quokkaquote')).toBe(false);

    // A change to an older edition's page (a correction): that edition is indexed anew.
    const third = withWord('third', '2025', 'Wombatword');
    expect(await index(third)).toMatchObject({ reused: 1 });
    expect(fragmentsHold(third, 'pagefind/editions/2025', 'Wombatword')).toBe(true);

    // A kept index cut short (a crash of the machine after the rename): not taken, made again.
    const kept = path.join(cacheFolder, '2024', 'folder');
    const fragment = readdirSync(path.join(kept, 'fragment'))[0]!;
    writeFileSync(path.join(kept, 'fragment', fragment), '');
    const fourth = pagesOnly('fourth');
    // The newest is the third run's; 2025 differs from the third run's pages; 2024 is made again.
    expect(await index(fourth)).toMatchObject({ reused: 1 });
    expect(indexFiles(fourth, 'pagefind/editions/2024')).toEqual(indexFiles(first, 'pagefind/editions/2024'));

    // Other indexing code: nothing of the last build's is taken.
    expect(await index(pagesOnly('fifth'), 'other code')).toMatchObject({ reused: 0 });
  });
});

describe('old editions are frozen', () => {
  it('keep every id, paragraph number and text pinned in frozen.json, whatever the templates do', () => {
    const frozen = JSON.parse(readFileSync(path.join(FIXTURE, 'frozen.json'), 'utf8')) as Record<string, [string, string][]>;
    for (const [chapter, pinned] of Object.entries(frozen)) {
      const tree = fromHtml(page(`${chapter}index.html`));
      const found = selectAll('section[data-theme] [id]', tree).map((e: Element) => [
        String(e.properties['id']),
        e.tagName === 'p' ? toText(e).replace(/\s+/g, ' ').trim() : toText(e).trim(),
      ]);
      expect(found, chapter).toEqual(pinned);
    }
  });
});
