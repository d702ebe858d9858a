/**
 * The static server's `watch` (the engine smoke suites' proxy and policy reports): a request for
 * another origin is refused and recorded, plain or tunnelled; a page goes out with a report-only
 * copy of its own policy; a browser's report is recorded as a sentence.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StaticServer, serveStatic } from '../../src/quality/static-server.ts';

const root = mkdtempSync(path.join(tmpdir(), 'watch-server-'));
const POLICY = "default-src 'self';img-src 'self' data:; script-src 'self' 'sha256-abc='";
let server: StaticServer;

/** One request through the server as a proxy would receive it (`target` in absolute form, or CONNECT). */
function send(method: string, target: string, body?: string) {
  const url = new URL(server.url);
  return new Promise<{ status: number; headers: Record<string, unknown> }>((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, method, path: target }, (response) => {
      response.resume();
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers }));
    });
    req.on('connect', (response, socket) => {
      socket.destroy();
      resolve({ status: response.statusCode ?? 0, headers: response.headers });
    });
    req.on('error', reject);
    req.end(body);
  });
}

beforeAll(async () => {
  writeFileSync(
    path.join(root, 'index.html'),
    `<meta http-equiv="content-security-policy" content="${POLICY.replaceAll("'", '&#39;')}"><h1>Home</h1>`,
  );
  server = await serveStatic(root, { port: 0, compression: false, watch: true });
});
afterAll(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

describe('the static server, watching', () => {
  it('serves its own origin, also when asked as a proxy', async () => {
    expect((await send('GET', server.url)).status).toBe(200);
    expect(server.elsewhere).toEqual([]);
  });

  it('refuses and records a request for another origin, plain or tunnelled', async () => {
    expect((await send('GET', 'http://elsewhere.invalid/pixel.png')).status).toBe(502);
    expect((await send('CONNECT', 'elsewhere.invalid:443')).status).toBe(502);
    expect(server.elsewhere).toEqual(['http://elsewhere.invalid/pixel.png', 'https://elsewhere.invalid:443/']);
  });

  it('sends a page with a report-only copy of its own policy, reported to itself', async () => {
    const { headers } = await send('GET', '/');
    expect(headers['content-security-policy-report-only']).toBe(`${POLICY}; report-uri /__csp-report`);
  });

  it('records a browser’s report as a sentence', async () => {
    const report = {
      'csp-report': {
        'document-uri': `${server.url}`,
        'blocked-uri': 'http://elsewhere.invalid/pixel.png',
        'effective-directive': 'img-src',
      },
    };
    expect((await send('POST', '/__csp-report', JSON.stringify(report))).status).toBe(204);
    expect(server.violations).toEqual([`${server.url} broke its policy: http://elsewhere.invalid/pixel.png refused by img-src`]);
  });
});
