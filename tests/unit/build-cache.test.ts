/**
 * What the search indexes kept between builds are keyed by (src/build-cache/): the digest of the
 * code that makes them must change with any file of that code and with the locked dependencies,
 * or a rebuild would take an index made by other code.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { codeDigest } from '../../src/build-cache/cache.ts';

describe('the digest of the indexing code', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'build-cache-code-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  const digestNow = () => codeDigest(root, ['src/search', 'src/lib']);

  it('changes with a file of the code, a new file, and the lockfile; not without a change', async () => {
    write('package-lock.json', '{"packages":{"node_modules/pagefind":{"version":"1.6.0"}}}');
    write('src/search/pagefind-index.ts', 'export const a = 1;');
    write('src/lib/html.ts', 'export const b = 1;');
    const seen = new Set([await digestNow()]);
    expect(await digestNow()).toBe([...seen][0]);
    for (const [file, text] of [
      ['src/lib/html.ts', 'export const b = 2;'],
      ['src/search/options.ts', 'export const c = 1;'],
      ['package-lock.json', '{"packages":{"node_modules/pagefind":{"version":"1.7.0"}}}'],
    ] as const) {
      write(file, text);
      const digest = await digestNow();
      expect(seen.has(digest), file).toBe(false);
      seen.add(digest);
    }
  });

  it('fails, rather than giving a digest that leaves the dependencies out, without a lockfile', async () => {
    rmSync(path.join(root, 'package-lock.json'));
    await expect(digestNow()).rejects.toThrow(/package-lock\.json/);
  });
});
