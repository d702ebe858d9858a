/**
 * The local server of the PDF job, the budget and Lighthouse serves the built site and nothing
 * beside it (issue 17, item 13).
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StaticServer, serveStatic } from '../../src/quality/static-server.ts';

const root = mkdtempSync(path.join(tmpdir(), 'hardening-server-'));
let server: StaticServer;

/** Sends the path exactly as written (fetch would normalise `..` away before sending). */
function get(rawPath: string): Promise<{ status: number; body: string }> {
  const url = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: rawPath }, (response) => {
      let body = '';
      response.on('data', (chunk) => {
        body += chunk;
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  mkdirSync(path.join(root, 'dist'));
  mkdirSync(path.join(root, 'dist-private'));
  writeFileSync(path.join(root, 'dist', 'index.html'), 'home');
  writeFileSync(path.join(root, 'dist', '404.html'), 'not found page');
  writeFileSync(path.join(root, 'dist-private', 'secret.txt'), 'SECRET');
  writeFileSync(path.join(root, 'secret.txt'), 'SECRET');
  symlinkSync(path.join(root, 'dist-private', 'secret.txt'), path.join(root, 'dist', 'link.txt'));
  server = await serveStatic(path.join(root, 'dist'), { port: 4496, compression: false });
});
afterAll(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

describe('the local static server', () => {
  it('serves the site', async () => {
    expect(await get('/')).toEqual({ status: 200, body: 'home' });
  });

  it.each([
    '/..%2fdist-private%2fsecret.txt',
    '/..%2f..%2f' + 'dist-private/secret.txt',
    '/%2e%2e/dist-private/secret.txt',
    '/../dist-private/secret.txt',
    '/..%2fsecret.txt',
    '/..%5csecret.txt',
    '/link.txt',
  ])('serves nothing outside the site folder for %s', async (rawPath) => {
    const response = await get(rawPath);
    expect(response.body).not.toContain('SECRET');
    expect(response.status).toBe(404);
  });
});
