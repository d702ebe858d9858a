/**
 * The checked-in nginx sample at work (issue 16, deploying): Debian's nginx, run as the current user
 * with deploy/nginx.conf's server block (rendered from the same definition with a temporary root and
 * port) over a site built with BASE_PATH=/reports/, on 127.0.0.1. Checks status codes, the redirect
 * of /reports, the site's own 404 page, the security headers on pages and on the 404, framing
 * refused, precompressed responses for every text format, and caching.
 *
 * Builds its own site (about 30 s), or uses DEPLOY_SITE=<folder> when given one built with
 * BASE_PATH=/reports/. Skipped, saying so, only where nginx is not installed (CI installs it).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CACHE, securityHeaders } from '../../src/deploy/headers.ts';
import { NGINX_SAMPLE, renderNginx } from '../../src/deploy/render.ts';
import { buildEnv } from '../support/build-env.ts';

const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((file) => existsSync(file));
if (!NGINX) console.warn('deploy-nginx: nginx is not installed (apt-get install nginx; .ci/run installs it): these tests are skipped.');
/** Debian's brotli_static module (libnginx-mod-http-brotli-static): with it the config says `brotli_static on`. */
const BROTLI_MODULE = ['/usr/lib/nginx/modules/ngx_http_brotli_static_module.so'].find((file) => existsSync(file));
if (NGINX && !BROTLI_MODULE)
  console.warn(
    'deploy-nginx: nginx has no brotli module (apt-get install libnginx-mod-http-brotli-static; .ci/run installs it): its test is skipped.',
  );

const BASE = '/reports/';
const work = mkdtempSync(path.join(tmpdir(), 'deploy-nginx-'));
let site = process.env['DEPLOY_SITE'] ?? '';
let port = 0;
let nginx: ChildProcess | undefined;

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The bytes as sent, before any decoding. */
  body: Buffer;
}

function get(urlPath: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port, path: urlPath, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    request.on('error', reject);
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address() as net.AddressInfo;
      server.close(() => resolve(address.port));
    });
    server.on('error', reject);
  });
}

/** A main configuration like Debian's (mime.types, `gzip on`), all in the temporary folder, around the sample's server block. */
function mainConfig(server: string): string {
  const temp = (name: string) => path.join(work, 'temp', name);
  return [
    // Started as root (a container), the workers would run as nobody and could not read the temporary folder.
    ...(process.getuid?.() === 0 ? [`user ${userInfo().username};`] : []),
    ...(BROTLI_MODULE ? [`load_module ${BROTLI_MODULE};`] : []),
    'worker_processes 1;',
    'daemon off;',
    `pid ${path.join(work, 'nginx.pid')};`,
    `error_log ${path.join(work, 'error.log')} warn;`,
    'events { worker_connections 64; }',
    'http {',
    '    include /etc/nginx/mime.types;',
    '    default_type application/octet-stream;',
    `    access_log ${path.join(work, 'access.log')};`,
    `    client_body_temp_path ${temp('body')};`,
    `    proxy_temp_path ${temp('proxy')};`,
    `    fastcgi_temp_path ${temp('fastcgi')};`,
    `    uwsgi_temp_path ${temp('uwsgi')};`,
    `    scgi_temp_path ${temp('scgi')};`,
    '    gzip on;',
    server,
    '}',
    '',
  ].join('\n');
}

beforeAll(async () => {
  if (!NGINX) return;
  if (!site) {
    site = path.join(work, 'site');
    const build = spawnSync(process.execPath, [path.resolve('node_modules/astro/bin/astro.mjs'), 'build'], {
      encoding: 'utf8',
      env: buildEnv({ BASE_PATH: BASE, OUT_DIR: site, CACHE_DIR: path.join(work, 'cache') }),
    });
    if (build.status !== 0) throw new Error(`The /reports/ build failed:\n${build.stdout}${build.stderr}`);
  }
  // The site's folder sits at <root>/reports/, as the sample's comment says to copy it.
  mkdirSync(path.join(work, 'www'));
  mkdirSync(path.join(work, 'temp'));
  symlinkSync(path.resolve(site), path.join(work, 'www', 'reports'));
  port = await freePort();
  const conf = path.join(work, 'nginx.conf');
  const server = renderNginx({
    ...NGINX_SAMPLE,
    base: BASE,
    root: path.join(work, 'www'),
    listen: `127.0.0.1:${port}`,
    brotli: !!BROTLI_MODULE,
  });
  writeFileSync(conf, mainConfig(server));
  const test = spawnSync(NGINX, ['-t', '-p', work, '-c', conf, '-e', path.join(work, 'error.log')], { encoding: 'utf8' });
  if (test.status !== 0) throw new Error(`nginx -t refused the configuration:\n${test.stderr}`);
  nginx = spawn(NGINX, ['-p', work, '-c', conf, '-e', path.join(work, 'error.log')], { stdio: ['ignore', 'ignore', 'pipe'] });
  for (let tries = 0; ; tries++) {
    try {
      await get('/');
      break;
    } catch (error) {
      if (tries > 100)
        throw new Error(`nginx did not answer on port ${port}: ${String(error)}\n${readFileSync(path.join(work, 'error.log'), 'utf8')}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}, 180_000);

afterAll(async () => {
  if (nginx && nginx.exitCode === null) {
    const ended = new Promise((resolve) => nginx!.once('exit', resolve));
    nginx.kill('SIGQUIT');
    await ended;
  }
  rmSync(work, { recursive: true, force: true });
});

/** Every security header of the definition, as nginx sent it. */
function expectSecurityHeaders(reply: Reply, what: string): void {
  for (const [name, value] of securityHeaders()) expect(reply.headers[name.toLowerCase()], `${name} on ${what}`).toBe(value);
}

const file = (urlPath: string) => readFileSync(path.join(site, urlPath.slice(BASE.length)));

describe.skipIf(!NGINX)('deploy/nginx.conf with Debian’s nginx, the site under /reports/', () => {
  it('serves a chapter with 200 and every security header; framing refused (frame-ancestors, X-Frame-Options)', async () => {
    const reply = await get('/reports/2026/kazakhstan/');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toMatch(/^text\/html/);
    expectSecurityHeaders(reply, 'a chapter');
    expect(reply.headers['content-security-policy']).toMatch(/(^|; )frame-ancestors 'none'(;|$)/);
    expect(reply.headers['x-frame-options']).toBe('DENY');
    expect(reply.headers['cache-control']).toBe(CACHE.short);
    expect(reply.body.equals(file('/reports/2026/kazakhstan/index.html'))).toBe(true);
  });

  it('redirects /reports to /reports/ (301, with the headers), and a folder without its slash to it', async () => {
    const bare = await get('/reports');
    expect(bare.status).toBe(301);
    expect(bare.headers.location).toBe('/reports/');
    expectSecurityHeaders(bare, 'the redirect');
    const chapter = await get('/reports/2026/kazakhstan');
    expect(chapter.status).toBe(301);
    expect(chapter.headers.location).toBe('/reports/2026/kazakhstan/');
    expect((await get('/reports/')).status).toBe(200);
  });

  it('answers a missing page with 404, the site’s own 404 page and every header', async () => {
    for (const missing of ['/reports/no-such-page/', '/reports/2026/atlantis/', '/favicon.ico']) {
      const reply = await get(missing);
      expect(reply.status, missing).toBe(404);
      expect(reply.body.equals(file('/reports/404.html')), `${missing} gets 404.html`).toBe(true);
      expectSecurityHeaders(reply, `the 404 for ${missing}`);
    }
  });

  it('sends every text format precompressed when asked (gzip_static), and plain when not', async () => {
    const home = await get('/reports/', { 'accept-encoding': 'gzip' });
    const css = (/href="(\/reports\/_astro\/[^"]+\.css)"/.exec(home.body.length ? gunzipSync(home.body).toString() : '') ?? [])[1];
    expect(css, 'the home page links a stylesheet').toBeTruthy();
    const js = (/src="(\/reports\/_astro\/[^"]+\.js)"/.exec(gunzipSync(home.body).toString()) ?? [])[1];
    for (const urlPath of [
      '/reports/',
      '/reports/2026/kazakhstan/',
      css!,
      js!,
      '/reports/pagefind/pagefind.js',
      '/reports/pagefind/pagefind-entry.json',
      '/reports/sitemap.xml',
      '/reports/favicon.svg',
    ]) {
      const gz = await get(urlPath, { 'accept-encoding': 'gzip' });
      expect(gz.status, urlPath).toBe(200);
      expect(gz.headers['content-encoding'], urlPath).toBe('gzip');
      expect(gz.headers.vary, urlPath).toMatch(/Accept-Encoding/i);
      const plainFile = file(urlPath.endsWith('/') ? `${urlPath}index.html` : urlPath);
      expect(gunzipSync(gz.body).equals(plainFile), urlPath).toBe(true);
      const plain = await get(urlPath);
      expect(plain.headers['content-encoding'], urlPath).toBeUndefined();
      expect(plain.body.equals(plainFile), urlPath).toBe(true);
    }
  });

  it.skipIf(!BROTLI_MODULE)(
    'sends Pagefind’s files as their brotli copies to browsers that take brotli, as they are to others',
    async () => {
      const entry = JSON.parse(file('/reports/pagefind/pagefind-entry.json').toString()) as {
        languages: Record<string, { hash: string; wasm: string }>;
      };
      const language = Object.values(entry.languages)[0]!;
      for (const urlPath of [`/reports/pagefind/wasm.${language.wasm}.pagefind`, `/reports/pagefind/pagefind.${language.hash}.pf_meta`]) {
        const br = await get(urlPath, { 'accept-encoding': 'gzip, deflate, br' });
        expect(br.status, urlPath).toBe(200);
        expect(br.headers['content-encoding'], urlPath).toBe('br');
        // What the browser hands Pagefind: the inflated data, with the signature that tells Pagefind so.
        const inflated = brotliDecompressSync(br.body);
        expect(inflated.equals(gunzipSync(file(urlPath))), urlPath).toBe(true);
        expect(inflated.subarray(0, 12).toString(), urlPath).toBe('pagefind_dcd');
        expect(br.body.length, urlPath).toBeLessThan(file(urlPath).length);
        const other = await get(urlPath, { 'accept-encoding': 'gzip' });
        expect(other.headers['content-encoding'], urlPath).toBeUndefined();
        expect(other.body.equals(file(urlPath)), urlPath).toBe(true);
      }
    },
  );

  it('caches hashed files for a year, revalidates Pagefind’s entry points, keeps pages short', async () => {
    const home = gunzipSync((await get('/reports/', { 'accept-encoding': 'gzip' })).body).toString();
    const css = /href="(\/reports\/_astro\/[^"]+\.css)"/.exec(home)![1]!;
    expect((await get(css)).headers['cache-control']).toBe(CACHE.immutable);
    for (const entry of ['/reports/pagefind/pagefind-entry.json', '/reports/pagefind/pagefind.js']) {
      const reply = await get(entry);
      expect(reply.headers['cache-control'], entry).toBe('no-cache');
      expectSecurityHeaders(reply, entry);
    }
    const entry = JSON.parse(file('/reports/pagefind/pagefind-entry.json').toString()) as { languages: Record<string, { hash: string }> };
    const meta = `/reports/pagefind/pagefind.${Object.values(entry.languages)[0]!.hash}.pf_meta`;
    const metaReply = await get(meta, { 'accept-encoding': 'gzip' });
    expect(metaReply.status, meta).toBe(200);
    expect(metaReply.headers['cache-control']).toBe(CACHE.immutable);
    // Pagefind's index files are gzip data already: sent as they are, never wrapped again.
    expect(metaReply.headers['content-encoding']).toBeUndefined();
    expect((await get('/reports/2026/kazakhstan/')).headers['cache-control']).toBe(CACHE.short);
  });

  it('weighs the chapter, search and home pages with everything they load (printed for the README)', async () => {
    const rows: string[] = [];
    let plainTotal = 0;
    let gzipTotal = 0;
    let stockTotal = 0;
    for (const page of ['/reports/2026/kazakhstan/', '/reports/search/', '/reports/']) {
      const html = file(`${page}index.html`).toString();
      const assets = new Set<string>();
      for (const match of html.matchAll(/<(?:link[^>]+rel="(?:stylesheet|modulepreload)"[^>]+href|script[^>]+src)="([^"]+)"/g))
        assets.add(match[1]!);
      // Module scripts' own imports, as a browser fetches them.
      for (const asset of [...assets]) {
        if (!asset.endsWith('.js')) continue;
        const queue = [asset];
        while (queue.length) {
          const current = queue.pop()!;
          for (const imported of file(current)
            .toString()
            .matchAll(/(?:import|from)\s*["'](\.\/[^"']+\.js)["']/g)) {
            const resolved = path.posix.join(path.posix.dirname(current), imported[1]!);
            if (!assets.has(resolved)) {
              assets.add(resolved);
              queue.push(resolved);
            }
          }
        }
      }
      let plain = 0;
      let gzip = 0;
      let stock = 0;
      for (const urlPath of [page, ...assets]) {
        const raw = await get(urlPath);
        const gz = await get(urlPath, { 'accept-encoding': 'gzip' });
        expect(raw.status, urlPath).toBe(200);
        plain += raw.body.length;
        gzip += gz.body.length;
        // Debian's stock configuration: `gzip on` compresses text/html only.
        stock += urlPath === page ? gz.body.length : raw.body.length;
      }
      rows.push(
        `${page}: ${assets.size + 1} files, ${(plain / 1000).toFixed(1)} KB plain, ${(stock / 1000).toFixed(1)} KB with Debian's gzip (HTML only), ${(gzip / 1000).toFixed(1)} KB with gzip_static`,
      );
      plainTotal += plain;
      gzipTotal += gzip;
      stockTotal += stock;
    }
    rows.push(
      `all three: ${(plainTotal / 1000).toFixed(1)} KB plain, ${(stockTotal / 1000).toFixed(1)} KB HTML-only gzip, ${(gzipTotal / 1000).toFixed(1)} KB gzip_static`,
    );
    console.log(rows.join('\n'));
    expect(gzipTotal).toBeLessThan(stockTotal * 0.8);
  });
});
