/**
 * The deploy kit (src/deploy/): the checked-in server samples are what the one definition of the
 * headers renders now, the header CSP matches the pages' meta CSP of astro.config.mjs, and the
 * build's precompression writes smaller .gz and .br copies of the text files only.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import config from '../../astro.config.mjs';
import { FileCache } from '../../src/build-cache/cache.ts';
import { cacheControlFor, headerCsp, headerOptionsFromEnv, securityHeaders } from '../../src/deploy/headers.ts';
import { blockedInlineCode, cspDifferences } from '../../src/deploy/integration.ts';
import { describeSummary, isPrecompressedCopy, precompress } from '../../src/deploy/precompress.ts';
import { APACHE_SAMPLE, NGINX_SAMPLE, normaliseBase, renderApache, renderHeadersFile, renderNginx } from '../../src/deploy/render.ts';
import { LAYER_ORDER_STYLE, THEME_INIT_SCRIPT } from '../../src/lib/inline-code.ts';

describe('the checked-in deploy samples', () => {
  it('are what `npm run deploy:config` renders from src/deploy/headers.ts now', () => {
    expect(readFileSync('deploy/nginx.conf', 'utf8'), 'deploy/nginx.conf is stale: run npm run deploy:config').toBe(
      renderNginx(NGINX_SAMPLE),
    );
    expect(readFileSync('deploy/apache.htaccess', 'utf8'), 'deploy/apache.htaccess is stale: run npm run deploy:config').toBe(
      renderApache(APACHE_SAMPLE),
    );
  });

  it('nginx: the sub-path, its redirect, the 404 page, gzip_static, headers with always in every location', () => {
    const conf = renderNginx(NGINX_SAMPLE);
    expect(conf).toContain('location = /reports {');
    expect(conf).toContain('return 301 /reports/;');
    expect(conf).toContain('error_page 404 /reports/404.html;');
    expect(conf).toContain('gzip_static on;');
    // Every location that adds a header adds all of them (nginx inherits none once a location has one).
    const blocks = conf.split(/^ *location /m).slice(1);
    expect(blocks.length).toBe(5);
    for (const block of blocks) {
      const own = block.split(/^ *location /m)[0]!;
      for (const [name] of securityHeaders())
        expect(own, `${name} in location${own.slice(0, 40)}`).toMatch(new RegExp(`add_header ${name} "[^"]+" always;`));
    }
    expect(conf).not.toContain('Strict-Transport-Security "');
  });

  it('nginx with HSTS_MAX_AGE sends Strict-Transport-Security everywhere', () => {
    const conf = renderNginx({ ...NGINX_SAMPLE, ...headerOptionsFromEnv({ HSTS_MAX_AGE: '31536000' }) });
    expect(conf.match(/add_header Strict-Transport-Security "max-age=31536000" always;/g)?.length).toBe(6);
    expect(() => headerOptionsFromEnv({ HSTS_MAX_AGE: 'yes' })).toThrow(/number of seconds/);
    expect(headerOptionsFromEnv({})).toEqual({});
  });
});

describe('the header CSP', () => {
  it('is the pages’ own policy of astro.config.mjs plus frame-ancestors', () => {
    expect(cspDifferences(config.security?.csp as never)).toEqual([]);
    expect(headerCsp()).toContain("frame-ancestors 'none'");
    expect(headerCsp()).toMatch(/^default-src 'self'; /);
    // A changed meta policy is caught at config time.
    expect(cspDifferences({ directives: ["default-src 'none'"] } as never).join('\n')).toMatch(/directives/);
  });

  it('allows the site’s fixed inline snippets and blocks any other inline code; data blocks are not code', () => {
    const page = (body: string) =>
      `<html><head><style>${LAYER_ORDER_STYLE}</style><script>${THEME_INIT_SCRIPT}</script></head><body>${body}</body></html>`;
    expect(
      blockedInlineCode(page('<script type="application/ld+json">{"a":1}</script><script type="module" src="/x.js"></script>')),
    ).toEqual([]);
    expect(blockedInlineCode(page('<script>alert(1)</script>'))).toHaveLength(1);
    expect(blockedInlineCode(page('<script type="module">import "x"</script>'))).toHaveLength(1);
    expect(blockedInlineCode(page('<style>body{color:red}</style>'))).toHaveLength(1);
  });

  it('caching: hashed files for a year, Pagefind’s entry points revalidated, pages short', () => {
    expect(cacheControlFor('_astro/BaseLayout.DmIYptE9.css')).toMatch(/immutable/);
    expect(cacheControlFor('pagefind/fragment/en_3e249f9.pf_fragment')).toMatch(/immutable/);
    expect(cacheControlFor('pagefind/pagefind-entry.json')).toBe('no-cache');
    expect(cacheControlFor('pagefind/pagefind.js')).toBe('no-cache');
    // An older edition's index, beside the newest's.
    expect(cacheControlFor('pagefind/editions/2024/index/en_1a2b3c4.pf_index')).toMatch(/immutable/);
    expect(cacheControlFor('pagefind/editions/2024/pagefind-entry.json')).toBe('no-cache');
    expect(cacheControlFor('2026/kazakhstan/')).toBe('public, max-age=300');
  });

  it('_headers: security headers on every path, each Cache-Control in one rule only', () => {
    const file = renderHeadersFile('reports');
    expect(normaliseBase('reports')).toBe('/reports/');
    expect(file).toMatch(/^\/\*\n {2}Content-Security-Policy: .*frame-ancestors 'none'$/m);
    expect(file).toContain('/reports/_astro/*\n  Cache-Control: public, max-age=31536000, immutable');
    expect(file).toContain('/reports/pagefind/pagefind-entry.json\n  Cache-Control: no-cache');
    expect(file).toContain('/reports/pagefind/editions/:edition/fragment/*\n  Cache-Control: public, max-age=31536000, immutable');
    expect(file).toContain('/reports/pagefind/editions/:edition/pagefind-entry.json\n  Cache-Control: no-cache');
    expect(file.match(/\/\*\n(?: {2}.*\n)+/)?.[0]).not.toContain('Cache-Control');
  });
});

describe('precompression', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'deploy-precompress-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes .gz and .br beside text files, smaller and decompressing to the file; beside Pagefind’s gzip data a .br of its inflated bytes', async () => {
    const text = '<p>Kazakhstan: the Annual Review chapter.</p>\n'.repeat(200);
    await mkdir(path.join(dir, 'pagefind', 'fragment'), { recursive: true });
    writeFileSync(path.join(dir, 'index.html'), text);
    writeFileSync(path.join(dir, 'style.css'), 'body { margin: 0 }\n'.repeat(50));
    writeFileSync(path.join(dir, 'tiny.json'), '{}');
    writeFileSync(path.join(dir, 'pagefind', 'fragment', 'en_1.pf_fragment'), gzipSync(text));
    writeFileSync(path.join(dir, 'report.pdf'), 'not text');
    const summary = await precompress(dir);
    const files = (await readdir(dir, { recursive: true })).map(String).sort();
    expect(files).toEqual(
      [
        'index.html',
        'index.html.br',
        'index.html.gz',
        'pagefind',
        'pagefind/fragment',
        'pagefind/fragment/en_1.pf_fragment',
        'pagefind/fragment/en_1.pf_fragment.br',
        'report.pdf',
        'style.css',
        'style.css.br',
        'style.css.gz',
        'tiny.json',
      ].sort(),
    );
    expect(gunzipSync(readFileSync(path.join(dir, 'index.html.gz'))).toString()).toBe(text);
    expect(brotliDecompressSync(readFileSync(path.join(dir, 'index.html.br'))).toString()).toBe(text);
    // What a browser hands Pagefind after `Content-Encoding: br`: the data its gzip file holds.
    const fragment = path.join(dir, 'pagefind', 'fragment', 'en_1.pf_fragment');
    expect(brotliDecompressSync(readFileSync(`${fragment}.br`)).toString()).toBe(text);
    expect(readFileSync(`${fragment}.br`).length).toBeLessThan(readFileSync(fragment).length);
    expect(summary.pagefind.files).toBe(1);
    expect(summary.files).toBe(3);
    expect(summary.skipped).toBe(2);
    expect(summary.gzipBytes).toBeLessThan(summary.bytes / 5);
    expect(isPrecompressedCopy('a/index.html.gz')).toBe(true);
    expect(isPrecompressedCopy('a/b.zip')).toBe(false);
    // Same bytes on a second run (nothing in a gzip header depends on the time).
    const before = readFileSync(path.join(dir, 'index.html.gz'));
    await precompress(dir);
    expect(readFileSync(path.join(dir, 'index.html.gz')).equals(before)).toBe(true);
  });
});

describe('precompression across builds', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'deploy-precompress-cache-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const site = path.join(work, 'dist');
  const cacheFolder = path.join(work, 'cache');
  const text = (n: number) => `<p>Paragraph ${n} of the Kazakhstan chapter, as published.</p>\n`.repeat(100);
  const cachedFiles = () => readdirSync(cacheFolder, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;

  it('takes the copies of unchanged files from the cache, compresses changed ones again, and keeps only what the build used', async () => {
    mkdirSync(site, { recursive: true });
    for (const n of [1, 2, 3]) writeFileSync(path.join(site, `page-${n}.html`), text(n));
    const first = await precompress(site, { cache: new FileCache(cacheFolder) });
    expect(first.reused).toBe(0);
    expect(cachedFiles()).toBe(6);

    // Astro empties the output folder: the next build starts from the pages alone.
    rmSync(site, { recursive: true });
    mkdirSync(site);
    writeFileSync(path.join(site, 'page-1.html'), text(1));
    writeFileSync(path.join(site, 'page-2.html'), text(2));
    writeFileSync(path.join(site, 'page-3.html'), text(33));
    const cache = new FileCache(cacheFolder);
    const second = await precompress(site, { cache });
    await cache.prune();
    expect(second.reused).toBe(4);
    // The changed page's copies are of its new text, never the last build's.
    expect(brotliDecompressSync(readFileSync(path.join(site, 'page-3.html.br'))).toString()).toBe(text(33));
    expect(gunzipSync(readFileSync(path.join(site, 'page-3.html.gz'))).toString()).toBe(text(33));
    expect(brotliDecompressSync(readFileSync(path.join(site, 'page-1.html.br'))).toString()).toBe(text(1));
    // The old page-3 copies are gone from the cache; the new ones are in.
    expect(cachedFiles()).toBe(6);
    expect(describeSummary(second, 1)).toContain("4 copies were the last build's");
  });

  it('gives the same bytes as compressing without a cache', async () => {
    const cached = readFileSync(path.join(site, 'page-1.html.br'));
    await precompress(site);
    expect(readFileSync(path.join(site, 'page-1.html.br')).equals(cached)).toBe(true);
  });

  it('a half-written entry left by a stopped build is removed, never read', async () => {
    const stray = path.join(cacheFolder, 'ab', 'abcdef.1234.tmp');
    mkdirSync(path.dirname(stray), { recursive: true });
    writeFileSync(stray, 'half');
    const cache = new FileCache(cacheFolder);
    await precompress(site, { cache });
    expect(await cache.prune()).toBe(1);
    expect(cachedFiles()).toBe(6);
  });

  it('an entry cut short (a crash of the machine after the rename) is not published: the copy is made again', async () => {
    const entries = readdirSync(cacheFolder, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    for (const entry of entries) writeFileSync(path.join(entry.parentPath, entry.name), '');
    const cache = new FileCache(cacheFolder);
    const summary = await precompress(site, { cache });
    expect(summary.reused).toBe(0);
    for (const n of [1, 2]) {
      expect(brotliDecompressSync(readFileSync(path.join(site, `page-${n}.html.br`))).toString()).toBe(text(n));
      expect(gunzipSync(readFileSync(path.join(site, `page-${n}.html.gz`))).toString()).toBe(text(n));
    }
    // And the next build takes the whole copies made instead.
    await cache.prune();
    expect((await precompress(site, { cache: new FileCache(cacheFolder) })).reused).toBe(6);
  });

  it('keeps copies of the same bytes made differently apart (a page at brotli 6, a stylesheet at 11)', async () => {
    const same = 'body { margin: 0 } /* the same bytes in two files */\n'.repeat(80);
    writeFileSync(path.join(site, 'same.html'), same);
    writeFileSync(path.join(site, 'same.css'), same);
    await precompress(site, { cache: new FileCache(cacheFolder) });
    const cached = {
      html: readFileSync(path.join(site, 'same.html.br')),
      css: readFileSync(path.join(site, 'same.css.br')),
    };
    await precompress(site);
    expect(cached.html.equals(readFileSync(path.join(site, 'same.html.br')))).toBe(true);
    expect(cached.css.equals(readFileSync(path.join(site, 'same.css.br')))).toBe(true);
    expect(cached.css.equals(cached.html)).toBe(false);
  });

  it('a cache folder that cannot be written does not stop the build: the copies are made, and the trouble is told', async () => {
    const blocked = path.join(work, 'not-a-folder');
    writeFileSync(blocked, 'a file where the cache folder should be');
    const cache = new FileCache(blocked);
    const summary = await precompress(site, { cache });
    expect(summary.files).toBeGreaterThan(0);
    expect(brotliDecompressSync(readFileSync(path.join(site, 'page-1.html.br'))).toString()).toBe(text(1));
    expect(cache.trouble).toMatch(/keeping a compressed copy/);
  });
});

describe('the README’s deploy section', () => {
  const section = /## Configure and deploy\n([\s\S]*?)\n## /.exec(readFileSync('README.md', 'utf8'))?.[1] ?? '';

  it('points at the samples, the headers and the 404 rule nginx needs, and no longer says hosts serve 404.html by default', () => {
    for (const needed of [
      'deploy/nginx.conf',
      'deploy/apache.htaccess',
      'dist/_headers',
      'error_page 404',
      'gzip_static',
      'HSTS_MAX_AGE',
      "frame-ancestors 'none'",
      'npm run deploy:config',
    ])
      expect(section, needed).toContain(needed);
    expect(section).not.toMatch(/most hosts do so by default/);
  });

  it('says what is true of OUT_DIR outside the project', () => {
    expect(section).toMatch(/`OUT_DIR` may be any folder, inside the project or not/);
    expect(section).toMatch(/parent folder must exist/);
  });
});
