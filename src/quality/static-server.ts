/**
 * A static host for a built site, as small as the benchmark, the budget and Lighthouse need: it
 * serves the folder under its base path, answers folders with index.html and unknown paths with
 * 404.html, and compresses text the way production hosts and CDNs do (brotli or gzip, by the
 * browser's Accept-Encoding), so transferred bytes and Lighthouse's figures are the ones a reader
 * would see; Pagefind's files go out as the brotli copies the build writes (as brotli_static
 * sends them). `astro preview` serves files uncompressed, which would overstate every byte count.
 *
 * It listens on 127.0.0.1 only.
 *
 * With `watch` (the engine smoke suites, tests/engines/), it also shows what a browser tried to
 * reach, which the page itself cannot be trusted to say:
 * - It is the browser's only proxy (src/quality/engines.ts points Firefox and WebKit at it). A
 *   request for another origin reaches it as a proxy request (an absolute URL, or CONNECT for
 *   https): it is refused and recorded in `elsewhere`, so a request the page makes outside is seen
 *   even where nothing would answer it.
 * - Every page goes out with a report-only copy of its own meta policy whose report-uri is this
 *   server: each breach the browser blocks, from the page's first byte on, is reported here and
 *   recorded in `violations`. (A script injected after load would miss what happened before it.)
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { normaliseBase } from './site.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
};

/** Types a host compresses on the fly. Pagefind's index files are gzip already and stay as they are. */
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.svg', '.xml', '.txt', '.wasm']);

/** Compression of precompressed static files (brotli quality 11, gzip level 9); on-the-fly CDN compression is a little weaker. */
export function compress(body: Buffer, encoding: 'br' | 'gzip'): Buffer {
  return encoding === 'br'
    ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
    : gzipSync(body, { level: 9 });
}

/** One response as sent: the server counts bytes itself, so nothing the browser hides is missed. */
export interface Served {
  path: string;
  status: number;
  /** Body bytes on the wire (compressed when encoded). */
  body: number;
  /** Status line and headers, as HTTP/1.1 writes them. */
  headers: number;
  /** Body bytes before compression. */
  uncompressed: number;
}

export interface StaticServer {
  /** The site's address, base path included, e.g. http://127.0.0.1:4400/reports/. */
  url: string;
  /** Every response sent so far; empty it to count from a given moment. */
  log: Served[];
  /** With `watch`: every request for another origin that reached the server as a proxy (refused). */
  elsewhere: string[];
  /** With `watch`: every breach of a page's policy the browser reported, as a sentence. */
  violations: string[];
  close(): Promise<void>;
}

/** Where browsers send reports of policy breaches (with `watch`); not a path of the site. */
const CSP_REPORT_PATH = '/__csp-report';

/** The page's own policy, from its <meta http-equiv="content-security-policy">. */
function metaPolicy(html: string): string | undefined {
  const match = /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(html);
  return match?.[1]?.replaceAll('&#39;', "'").replaceAll('&quot;', '"').replaceAll('&amp;', '&');
}

/** A browser's report (report-uri's JSON body) as one sentence. */
async function violation(request: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of request) body += chunk;
  try {
    const report = (JSON.parse(body) as { 'csp-report'?: Record<string, string> })['csp-report'] ?? {};
    return `${report['document-uri'] ?? 'a page'} broke its policy: ${report['blocked-uri'] || 'inline code'} refused by ${report['effective-directive'] ?? report['violated-directive'] ?? 'a directive'}`;
  } catch {
    return `a policy report that is not JSON: ${body.slice(0, 200)}`;
  }
}

/**
 * The file `relativePath` names inside `root`, or undefined when it is not a file there. Containment
 * is checked on whole path segments after resolving: a bare `startsWith(root)` let
 * `/..%2fdist-private%2fsecret.txt` through, since `/site/dist-private` starts with `/site/dist`.
 */
function within(root: string, file: string): boolean {
  const inside = path.relative(root, file);
  return inside !== '' && inside !== '..' && !inside.startsWith(`..${path.sep}`) && !path.isAbsolute(inside);
}

export async function fileAt(root: string, relativePath: string): Promise<string | undefined> {
  const file = path.resolve(root, `.${path.sep}${relativePath}`);
  if (!within(root, file)) return undefined;
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) return undefined;
  // A symbolic link inside the site may point anywhere: serve what it resolves to only if that is inside too.
  const [realRoot, realFile] = await Promise.all([realpath(root), realpath(file)]).catch(() => []);
  return realRoot && realFile && within(realRoot, realFile) ? file : undefined;
}

/**
 * Serves `root` under `base` at 127.0.0.1:`port` (0: a free port, named in the returned url) until
 * close() is called. `watch`: see above.
 */
export async function serveStatic(
  root: string,
  options: { port: number; base?: string; compression?: boolean; watch?: boolean },
): Promise<StaticServer> {
  const base = normaliseBase(options.base ?? '/');
  const absoluteRoot = path.resolve(root);
  const compression = options.compression ?? true;
  const cache = new Map<string, Buffer>();
  const log: Served[] = [];
  const elsewhere: string[] = [];
  const violations: string[] = [];
  let ownHosts: string[] = [];

  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (options.watch) {
      // A proxy request names its origin; one for this server's own is served like any other.
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(request.url ?? '') && !ownHosts.includes(url.host)) {
        elsewhere.push(url.href);
        response.writeHead(502, { 'content-type': 'text/plain' }).end('Refused: the test server reaches no other origin.');
        return;
      }
      if (request.method === 'POST' && url.pathname === CSP_REPORT_PATH) {
        violations.push(await violation(request));
        response.writeHead(204).end();
        return;
      }
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      pathname = '/';
    }
    let status = 200;
    let file: string | undefined;
    if (pathname.startsWith(base)) {
      const inside = pathname.slice(base.length);
      file = await fileAt(absoluteRoot, inside === '' || inside.endsWith('/') ? `${inside}index.html` : inside);
      if (!file && (await fileAt(absoluteRoot, `${inside}/index.html`))) {
        // Hosts redirect a folder named without its slash to the folder.
        response.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
        log.push({ path: url.pathname, status: 301, body: 0, headers: 0, uncompressed: 0 });
        return;
      }
    }
    if (!file) {
      status = 404;
      file = await fileAt(absoluteRoot, '404.html');
      if (!file) {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
        return;
      }
    }
    const extension = path.extname(file);
    const original = await readFile(file);
    let body: Buffer = original;
    const headers: Record<string, string> = { 'content-type': TYPES[extension] ?? 'application/octet-stream', 'cache-control': 'no-cache' };
    const accepts = String(request.headers['accept-encoding'] ?? '');
    const encoding =
      !compression || !COMPRESSIBLE.has(extension)
        ? undefined
        : /\bbr\b/.test(accepts)
          ? 'br'
          : /\bgzip\b/.test(accepts)
            ? 'gzip'
            : undefined;
    // Pagefind's gzip data with a brotli copy beside it (src/deploy/precompress.ts) goes out as
    // that copy, as nginx's brotli_static or Apache with deploy/apache.htaccess send it.
    const brotliCopy = compression && !encoding && /\bbr\b/.test(accepts) ? await readFile(`${file}.br`).catch(() => undefined) : undefined;
    if (brotliCopy) {
      body = brotliCopy;
      headers['content-encoding'] = 'br';
      headers['vary'] = 'accept-encoding';
    } else if (encoding) {
      const key = `${encoding}:${file}`;
      body = cache.get(key) ?? compress(body, encoding);
      cache.set(key, body);
      headers['content-encoding'] = encoding;
      headers['vary'] = 'accept-encoding';
    }
    const policy = options.watch && extension === '.html' ? metaPolicy(original.toString('utf8')) : undefined;
    if (policy) headers['content-security-policy-report-only'] = `${policy.replace(/;\s*$/, '')}; report-uri ${CSP_REPORT_PATH}`;
    headers['content-length'] = String(body.length);
    response.writeHead(status, headers);
    response.end(request.method === 'HEAD' ? undefined : body);
    // Node adds Date, Connection and Keep-Alive; counted approximately (within ~60 bytes).
    const headerBytes =
      `HTTP/1.1 ${status} OK\r\n`.length + Object.entries(headers).reduce((n, [k, v]) => n + k.length + v.length + 4, 0) + 80;
    log.push({ path: url.pathname, status, body: body.length, headers: headerBytes, uncompressed: original.length });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`Port ${options.port} is in use; choose another with --port (4400–4499).`, { cause: error })
          : error,
      ),
    );
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  ownHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (options.watch) {
    // https to another origin arrives as CONNECT host:443: recorded, and the tunnel refused.
    server.on('connect', (request: IncomingMessage, socket) => {
      elsewhere.push(`https://${request.url ?? ''}/`);
      socket.end('HTTP/1.1 502 Refused\r\n\r\n');
    });
  }
  return {
    url: `http://127.0.0.1:${port}${base}`,
    log,
    elsewhere,
    violations,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
